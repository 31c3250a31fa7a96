import { EXPORT_COLUMNS, EXPORT_VALUE_LABELS, type ExportDataset, type Language } from '@salkku/shared';
import type { Actor } from '../../common/actor';
import { Sql } from '../../persistence/sql';
import {
  FUNDING_DECISION_JOINS,
  FUNDING_DECISION_SORT,
  fundingDecisionsFrom,
  type FundingDecisionFilters,
} from '../funding-decisions/funding-decisions.queries';
import {
  INDICATOR_VALUE_ORDER,
  indicatorValuesFrom,
  type IndicatorValueFilters,
} from '../indicators/indicator-values.queries';
import { MILESTONE_SORT, milestonesFrom, overdueSql, type MilestoneFilters } from '../milestones/milestones.queries';
import {
  FLAGGED_SQL,
  PARTICIPANT_SORT,
  participantsFrom,
  type ParticipantFilters,
} from '../participants/participants.queries';
import { PAYMENT_SORT, paymentsFrom, type PaymentFilters } from '../payments/payments.queries';
import {
  PROJECT_ROW_SORT,
  projectCountSql,
  projectExportRowsSql,
  type ProjectListFilters,
} from '../projects/project.queries';
import {
  STATUS_REPORT_SORT,
  statusReportsFrom,
  type StatusReportFilters,
} from '../status-reports/status-reports.queries';
import type { CellSql } from './csv-format';

/**
 * The SQL of each export. Every one is built by its list's own query module (filters, city scope
 * and sort), so an export has exactly the list's rows in the list's order; it only swaps the page
 * for all rows and the JSON columns for formatted text cells. COPY takes no parameters, so the
 * statements are built with `Sql.literal()`: the values are written as escaped literals as the
 * SQL is built (nothing is rewritten afterwards); the labels are escaped constants.
 */
export interface ExportStatement {
  /** SELECT count(*) of the same rows (for X-Export-Rows). */
  count: string;
  /** The formatted rows, in the file's column order and the list's row order. */
  select: string;
}

export interface ExportContext {
  actor: Actor;
  lang: Language;
  cell: CellSql;
  /** Today in Salkku's time zone (overdue milestones). */
  today: string;
}

type ColumnsOf<D extends ExportDataset> = Record<(typeof EXPORT_COLUMNS)[D][number], string>;

/** The select list in the stable column order of the dataset. */
function selectList<D extends ExportDataset>(dataset: D, columns: ColumnsOf<D>): string {
  return EXPORT_COLUMNS[dataset].map((key: keyof ColumnsOf<D>) => `${columns[key]} AS "${String(key)}"`).join(',\n  ');
}

/**
 * The count and the formatted rows of a list's filtered rows: `from` builds the list's
 * FROM … WHERE … with the given extra joins (the names a file shows), its values as literals.
 */
function exportOf(
  from: (sql: Sql, joins: string) => string,
  cells: string,
  orderBy: string,
  joins = '',
): ExportStatement {
  return {
    count: `SELECT count(*)::int AS n ${from(Sql.literal(), '')}`,
    select: `SELECT ${cells} ${from(Sql.literal(), joins)} ORDER BY ${orderBy}`,
  };
}

function areaName(lang: Language, alias: string): string {
  return lang === 'fi'
    ? `${alias}.priority_area_name_fi`
    : `COALESCE(${alias}.priority_area_name_${lang}, ${alias}.priority_area_name_fi)`;
}

export function projectsExport(ctx: ExportContext, query: ProjectListFilters & { sort?: string }): ExportStatement {
  const { cell, lang } = ctx;
  const labels = EXPORT_VALUE_LABELS[lang];
  const columns: ColumnsOf<'projects'> = {
    code: cell.text('r.code'),
    name: cell.text('r.name'),
    kind: cell.label('r.kind', labels.projectKind),
    lifecycleStatus: cell.label('r.lifecycle_status', labels.lifecycleStatus),
    priorityArea: cell.text(areaName(lang, 'r')),
    leadOrganisation: cell.text('r.lead_organisation_name'),
    plannedStart: cell.date('r.planned_start'),
    plannedEnd: cell.date('r.planned_end'),
    totalBudget: cell.decimal('r.total_budget'),
    euraCode: cell.text('r.eura_code'),
    fundingGranted: cell.decimal('r.funding_granted'),
    fundingPaid: cell.decimal('r.funding_paid'),
    fundingRemaining: cell.decimal('r.funding_remaining'),
    fundingUnknownAmounts: cell.integer('r.funding_unknown_amounts'),
    latestReportingDate: cell.date('r.latest_reporting_date'),
    latestHealth: cell.label('r.latest_health', labels.health),
    nextMilestoneTitle: cell.text('r.next_milestone_title'),
    nextMilestoneDueDate: cell.date('r.next_milestone_due_date'),
    overdueMilestones: cell.integer('r.overdue_milestones'),
    id: 'r.id::text',
  };
  const rows = projectExportRowsSql(Sql.literal(), ctx.actor, query, ctx.today);
  return {
    count: projectCountSql(Sql.literal(), ctx.actor, query),
    select: `SELECT ${selectList('projects', columns)} FROM (${rows}) r ORDER BY ${PROJECT_ROW_SORT.orderBy(query.sort)}`,
  };
}

export function fundingDecisionsExport(ctx: ExportContext, query: FundingDecisionFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const columns: ColumnsOf<'funding-decisions'> = {
    decisionDate: cell.date('fd.decision_date'),
    recordNumber: cell.text('fd.record_number'),
    decisionBody: cell.text('fd.decision_body'),
    funder: cell.text('f.name'),
    recipient: cell.text('r.name'),
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    instrument: cell.label('fd.instrument', labels.instrument),
    decisionStatus: cell.label('fd.status', labels.decisionStatus),
    amountGranted: cell.decimal('fd.amount_granted'),
    paid: cell.decimal('pay.paid'),
    remaining: cell.decimal('(fd.amount_granted - pay.paid)::numeric(15,2)'),
    paymentCount: cell.integer('pay.payment_count'),
    coFundingRate: cell.decimal('fd.co_funding_rate'),
    cap: cell.decimal('fd.cap'),
    eligibleFrom: cell.date('fd.eligible_from'),
    eligibleTo: cell.date('fd.eligible_to'),
    conditions: cell.text('fd.conditions'),
    id: 'fd.id::text',
  };
  return exportOf(
    (sql, joins) => fundingDecisionsFrom(sql, query, ctx.actor, joins),
    selectList('funding-decisions', columns),
    FUNDING_DECISION_SORT.orderBy(query.sort),
    FUNDING_DECISION_JOINS,
  );
}

export function paymentsExport(ctx: ExportContext, query: PaymentFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const columns: ColumnsOf<'payments'> = {
    paidOn: cell.date('pm.paid_on'),
    amount: cell.decimal('pm.amount'),
    note: cell.text('pm.note'),
    recordNumber: cell.text('fd.record_number'),
    funder: cell.text('f.name'),
    instrument: cell.label('fd.instrument', labels.instrument),
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    fundingDecisionId: 'pm.funding_decision_id::text',
    id: 'pm.id::text',
  };
  return exportOf(
    (sql, joins) => paymentsFrom(sql, query, ctx.actor, joins),
    selectList('payments', columns),
    PAYMENT_SORT.orderBy(query.sort),
    'JOIN organisations f ON f.id = fd.funder_id LEFT JOIN projects p ON p.id = fd.project_id',
  );
}

export function milestonesExport(ctx: ExportContext, query: MilestoneFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const columns: ColumnsOf<'milestones'> = {
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    title: cell.text('m.title'),
    description: cell.text('m.description'),
    dueDate: cell.date('m.due_date'),
    milestoneStatus: cell.label('m.status', labels.milestoneStatus),
    completedOn: cell.date('m.completed_on'),
    // The list's overdue rule, with the same "today".
    overdue: cell.yesNo(overdueSql(Sql.literal(), ctx.today), labels.yes, labels.no),
    id: 'm.id::text',
  };
  return exportOf(
    (sql, joins) => milestonesFrom(sql, query, ctx.actor, ctx.today, joins),
    selectList('milestones', columns),
    MILESTONE_SORT.orderBy(query.sort),
  );
}

export function statusReportsExport(ctx: ExportContext, query: StatusReportFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const columns: ColumnsOf<'status-reports'> = {
    reportingDate: cell.date('s.reporting_date'),
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    health: cell.label('s.health', labels.health),
    lifecycleStatus: cell.label('s.lifecycle_status', labels.lifecycleStatus),
    summary: cell.text('s.summary'),
    risks: cell.text('s.risks'),
    nextSteps: cell.text('s.next_steps'),
    author: cell.text('s.author'),
    id: 's.id::text',
  };
  return exportOf(
    (sql, joins) => statusReportsFrom(sql, query, ctx.actor, joins),
    selectList('status-reports', columns),
    STATUS_REPORT_SORT.orderBy(query.sort),
  );
}

export function participantsExport(ctx: ExportContext, query: ParticipantFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const columns: ColumnsOf<'participants'> = {
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    organisation: cell.text('o.name'),
    businessId: cell.text('o.business_id'),
    organisationKind: cell.label('o.kind', labels.organisationKind),
    participantRole: cell.label('pt.role', labels.participantRole),
    startsOn: cell.date('pt.starts_on'),
    endsOn: cell.date('pt.ends_on'),
    supportKind: cell.label('pt.support_kind', labels.supportKind),
    supportAmount: cell.decimal('pt.support_amount'),
    // The list's rule (a company without a business ID), written once in the participants' queries.
    flagged: cell.yesNo(FLAGGED_SQL, labels.yes, labels.no),
    id: 'pt.id::text',
  };
  return exportOf(
    (sql, joins) => participantsFrom(sql, query, ctx.actor, joins),
    selectList('participants', columns),
    PARTICIPANT_SORT.orderBy(query.sort),
  );
}

/** A name in the language (the Finnish one where a Swedish or English one is missing). */
function nameIn(lang: Language, alias: string): string {
  return lang === 'fi' ? `${alias}.name_fi` : `COALESCE(${alias}.name_${lang}, ${alias}.name_fi)`;
}

export function indicatorValuesExport(ctx: ExportContext, query: IndicatorValueFilters): ExportStatement {
  const { cell, lang } = ctx;
  const labels = EXPORT_VALUE_LABELS[lang];
  const columns: ColumnsOf<'indicator-values'> = {
    agreement: cell.text('a.title'),
    priorityArea: cell.text(nameIn(lang, 'pa')),
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    indicatorCode: cell.text('i.code'),
    indicatorName: cell.text(`i.name_${lang}`),
    // A unit of the vocabulary in the language; an indicator of unit "other" names its own.
    unit: `COALESCE(${cell.label('i.unit', labels.indicatorUnit)}, ${cell.text('i.unit_name')})`,
    period: cell.text('ia.period'),
    // Values are exact decimals written without trailing zeros ("15", "1234.5"), as the API writes them.
    value: cell.decimal('trim_scale(ia.value)'),
    targetValue: cell.decimal('trim_scale(it.target_value)'),
    targetYear: cell.integer('it.target_year'),
    enteredBy: cell.text('ia.entered_by'),
    enteredAt: cell.timestamp('ia.updated_at'),
    id: 'ia.id::text',
  };
  return exportOf(
    (sql, joins) => indicatorValuesFrom(sql, query, ctx.actor, joins),
    selectList('indicator-values', columns),
    INDICATOR_VALUE_ORDER,
  );
}

/**
 * The user's language (the default `lang`) and the name that says the file's scope: the user's
 * city for a city-scoped user, else the city of the agreement filtered on, if any.
 */
export function exportScopeSql(sql: Sql, actor: Actor, agreementId: string | undefined): string {
  return `SELECT (SELECT u.language::text FROM users u WHERE u.id = ${sql.value(actor.id)}::uuid) AS language,
    (SELECT o.name FROM organisations o
      WHERE o.id = COALESCE(${sql.value(actor.cityId)}::uuid,
        (SELECT a.city_id FROM agreements a WHERE a.id = ${sql.value(agreementId ?? null)}::uuid))) AS scope_name`;
}
