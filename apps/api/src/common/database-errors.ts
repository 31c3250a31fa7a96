import type { QueryFailedError } from 'typeorm';
import { DomainError, issue } from './domain-error';

/** The parts of a node-postgres error that Salkku reads. Its `detail` (key values) is never sent. */
export interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

/**
 * Which API field a unique index or check constraint is about, by its name. Foreign keys are not
 * listed: a missing reference names its column (turned into the field name), and a delete that
 * other records still refer to is about the record itself. Anything not found here is `record`.
 */
export const FIELD_OF_CONSTRAINT: Readonly<Record<string, string>> = {
  UQ_organisations_business_id: 'businessId',
  UQ_users_email: 'email',
  UQ_projects_agreement_code: 'code',
  UQ_project_partners_project_organisation: 'partners',
  CHK_agreements_validity: 'validTo',
  CHK_projects_period: 'plannedEnd',
  CHK_projects_budget: 'totalBudget',
  CHK_funding_decisions_period: 'eligibleTo',
  CHK_funding_decisions_rate: 'coFundingRate',
  CHK_funding_decisions_cap: 'cap',
  CHK_funding_decisions_amount: 'amountGranted',
  CHK_milestones_completed: 'completedOn',
  CHK_payments_amount: 'amount',
  CHK_project_partners_budget_share: 'partners',
  UQ_indicators_code: 'code',
  CHK_indicators_unit_name: 'unitName',
  CHK_indicators_percent_latest: 'aggregation',
  CHK_indicators_derived_count: 'unit',
  // One target per indicator and holder, one value per indicator, holder and period.
  UQ_indicator_targets_holder: 'indicatorId',
  CHK_indicator_targets_years: 'targetYear',
  UQ_indicator_actuals_holder_period: 'period',
  CHK_indicator_actuals_period: 'period',
  UQ_participants_project_organisation: 'organisationId',
  CHK_participants_period: 'endsOn',
  CHK_participants_support_amount: 'supportAmount',
  // One round per agreement and period, one report per round and project, one frozen report per round.
  UQ_reporting_rounds_agreement_period: 'period',
  CHK_reporting_rounds_period: 'period',
  CHK_reporting_rounds_reminder_days: 'reminderDaysBefore',
  CHK_reporting_rounds_closed: 'record',
  UQ_period_reports_round_project: 'projectIds',
  UQ_frozen_reports_round: 'record',
  // Written with ON CONFLICT DO NOTHING (enqueueMail): no field of any request.
  UQ_mail_outbox_dedupe_key: 'record',
  // Written only by sign-in (an upsert): no field of any request.
  UQ_known_devices_user_token: 'record',
};

const RECORD = 'record';

/** snake_case column → the API's camelCase field (the naming strategy's rule, backwards). */
const fieldOfColumn = (column: string): string => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The referencing column of a foreign key violation, read from PostgreSQL's detail (never sent). */
function foreignKeyField(pg: PgError): string {
  const column = /^Key \(([a-z0-9_]+)\)=/.exec(pg.detail ?? '')?.[1];
  return column ? fieldOfColumn(column) : RECORD;
}

const fieldOf = (pg: PgError): string => (pg.constraint && FIELD_OF_CONSTRAINT[pg.constraint]) || RECORD;

/**
 * A database error as Salkku's own error: its code and a message written for people, with the
 * problem keyed by the API field. No constraint, table or column name, key value or SQL text
 * leaves the API. Returns null for errors that are faults of the server (they answer 500).
 */
export function fromDatabase(error: QueryFailedError<PgError & Error>): DomainError | null {
  const pg = error.driverError;
  switch (pg.code) {
    case '23505': // unique_violation
      return new DomainError('DUPLICATE', 'Another record already has the same value', {
        [fieldOf(pg)]: [issue('duplicate', 'another record already has this value')],
      });
    case '23001': // restrict_violation (ON DELETE RESTRICT, as PostgreSQL 18 reports it)
      return inUse();
    case '23503': // foreign_key_violation: a delete of a referenced record, or a missing reference
      return /\bis (still )?referenced from\b/.test(pg.detail ?? '') ? inUse() : missingReference(pg);
    case '23514': // check_violation
      return new DomainError('VALIDATION_FAILED', 'The values break a rule of the data model', {
        [fieldOf(pg)]: [issue('invalid', 'the value breaks a rule of the data model')],
      });
    case '23502': // not_null_violation
      return new DomainError('VALIDATION_FAILED', 'A required value is missing', {
        [pg.column ? fieldOfColumn(pg.column) : RECORD]: [issue('required', 'a value is required')],
      });
    case '22001': // string_data_right_truncation
      return badValue('A text is too long');
    case '22003': // numeric_value_out_of_range
      return badValue('A number is out of range');
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
      return badValue('A date is not valid');
    case '22021': // character_not_in_repertoire (e.g. a NUL character)
    case '22P05': // untranslatable_character
      return badValue('A text contains characters that cannot be stored');
    case '22P02': // invalid_text_representation
    case '22023': // invalid_parameter_value
    case '2201B': // invalid_regular_expression
    case '54000': // program_limit_exceeded (e.g. a value too large to index)
      return badValue('A value is not valid');
    default:
      return null;
  }
}

/** Which records and how many are not known here (the services say so where they check first). */
function inUse(): DomainError {
  return new DomainError('IN_USE', 'Other records still refer to this record; remove or move them first');
}

function missingReference(pg: PgError): DomainError {
  return new DomainError('VALIDATION_FAILED', 'The request refers to a record that does not exist', {
    [foreignKeyField(pg)]: [issue('notFound', 'the referenced record does not exist')],
  });
}

function badValue(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { [RECORD]: [issue('invalid', message.toLowerCase())] });
}
