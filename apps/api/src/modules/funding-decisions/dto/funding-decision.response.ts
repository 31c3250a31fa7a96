import { ApiProperty } from '@nestjs/swagger';
import {
  FUNDING_DECISION_STATUSES,
  FUNDING_DECISION_TRANSITIONS,
  FUNDING_INSTRUMENTS,
  nextStatuses,
  type FundingDecisionStatus,
  type FundingInstrument,
} from '@salkku/shared';
import { OrganisationRef, ProjectRef, recordFields, RecordResponse } from '../../../common/responses';

/** One row of the funding decisions select (see FundingDecisionsService), columns in camelCase. */
export interface FundingDecisionRow {
  id: string;
  agreementId: string;
  projectId: string | null;
  funderId: string;
  recipientId: string | null;
  instrument: FundingInstrument;
  decisionBody: string | null;
  decisionDate: string | null;
  recordNumber: string | null;
  amountGranted: string | null;
  coFundingRate: string | null;
  cap: string | null;
  eligibleFrom: string | null;
  eligibleTo: string | null;
  status: FundingDecisionStatus;
  conditions: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  funderName: string;
  recipientName: string | null;
  projectCode: string | null;
  projectName: string | null;
  paid: string;
  remaining: string | null;
  paymentCount: number;
}

export class FundingDecisionResponse extends RecordResponse {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  projectId: string | null;

  @ApiProperty({ format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  recipientId: string | null;

  @ApiProperty({ enum: FUNDING_INSTRUMENTS, enumName: 'FundingInstrument' })
  instrument: FundingInstrument;

  @ApiProperty({ type: 'string', nullable: true, example: 'Kuopion kaupunginhallitus' })
  decisionBody: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2021-09-20' })
  decisionDate: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '§51' })
  recordNumber: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '15000.00', description: 'Euros; null when not known' })
  amountGranted: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '20.00', description: 'Percent' })
  coFundingRate: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '15000.00' })
  cap: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  eligibleFrom: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  eligibleTo: string | null;

  @ApiProperty({ enum: FUNDING_DECISION_STATUSES, enumName: 'FundingDecisionStatus' })
  status: FundingDecisionStatus;

  @ApiProperty({ type: 'string', nullable: true })
  conditions: string | null;

  @ApiProperty({ type: OrganisationRef })
  funder: OrganisationRef;

  @ApiProperty({ type: OrganisationRef, nullable: true })
  recipient: OrganisationRef | null;

  @ApiProperty({ type: ProjectRef, nullable: true })
  project: ProjectRef | null;

  @ApiProperty({ example: '5000.00', description: 'Sum of the payments made, euros' })
  paid: string;

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '10000.00',
    description: 'amountGranted − paid; null when amountGranted is not known',
  })
  remaining: string | null;

  @ApiProperty({ description: 'Number of payments made' })
  paymentCount: number;

  @ApiProperty({
    enum: FUNDING_DECISION_STATUSES,
    enumName: 'FundingDecisionStatus',
    isArray: true,
    description: 'Statuses this decision may move to',
  })
  allowedTransitions: FundingDecisionStatus[];

  static from(row: FundingDecisionRow): FundingDecisionResponse {
    return {
      ...recordFields(row),
      agreementId: row.agreementId,
      projectId: row.projectId,
      funderId: row.funderId,
      recipientId: row.recipientId,
      instrument: row.instrument,
      decisionBody: row.decisionBody,
      decisionDate: row.decisionDate,
      recordNumber: row.recordNumber,
      amountGranted: row.amountGranted,
      coFundingRate: row.coFundingRate,
      cap: row.cap,
      eligibleFrom: row.eligibleFrom,
      eligibleTo: row.eligibleTo,
      status: row.status,
      conditions: row.conditions,
      funder: { id: row.funderId, name: row.funderName },
      recipient: row.recipientId ? { id: row.recipientId, name: row.recipientName ?? '' } : null,
      project: row.projectId ? { id: row.projectId, code: row.projectCode ?? '', name: row.projectName ?? '' } : null,
      paid: row.paid,
      remaining: row.remaining,
      paymentCount: Number(row.paymentCount),
      allowedTransitions: [...nextStatuses(FUNDING_DECISION_TRANSITIONS, row.status)],
    };
  }
}
