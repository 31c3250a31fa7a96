import { FUNDING_INSTRUMENTS, type FundingDecisionStatus, type FundingInstrument } from '@salkku/shared';
import { EnumField, IsoDateField, MoneyField, TextField, UuidField } from '../../../common/validators';
import { OptionalPercentField } from './percent.field';

/** A new decision is recorded either as applied for or as already granted. */
export const INITIAL_FUNDING_DECISION_STATUSES = [
  'applied',
  'granted',
] as const satisfies readonly FundingDecisionStatus[];

export class CreateFundingDecisionDto {
  @UuidField({ description: 'The agreement the funding is decided under' })
  agreementId: string;

  @UuidField({ optional: true, description: 'The project funded, if any; it must belong to the agreement' })
  projectId?: string | null;

  @UuidField({ description: 'The organisation that decided the funding' })
  funderId: string;

  @UuidField({ optional: true, description: "Who receives the money, when it is not the project's lead" })
  recipientId?: string | null;

  @EnumField(FUNDING_INSTRUMENTS, 'FundingInstrument')
  instrument: FundingInstrument;

  @TextField({ max: 200, optional: true, description: 'E.g. "Kuopion kaupunginhallitus"' })
  decisionBody?: string | null;

  @IsoDateField({ optional: true })
  decisionDate?: string | null;

  @TextField({ max: 100, optional: true, description: 'Record number in the minutes, e.g. "§51"' })
  recordNumber?: string | null;

  @MoneyField({ optional: true, description: 'Euros granted; empty when not known' })
  amountGranted?: string | null;

  @OptionalPercentField('Co-funding rate in percent (0–100), where the decision gives one')
  coFundingRate?: string | null;

  @MoneyField({ optional: true, description: 'Upper limit in euros, where the decision gives one' })
  cap?: string | null;

  @IsoDateField({ optional: true, description: 'First day of the eligible period' })
  eligibleFrom?: string | null;

  @IsoDateField({ optional: true, description: 'Last day of the eligible period (on or after eligibleFrom)' })
  eligibleTo?: string | null;

  @EnumField(INITIAL_FUNDING_DECISION_STATUSES, 'InitialFundingDecisionStatus', {
    description: 'A new decision is either applied for or granted',
  })
  status: FundingDecisionStatus;

  @TextField({
    max: 10000,
    optional: true,
    description: 'Conditions of the decision, e.g. "payment requires approved reporting"',
  })
  conditions?: string | null;
}
