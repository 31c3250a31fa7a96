import {
  FUNDING_DECISION_STATUSES,
  FUNDING_INSTRUMENTS,
  type FundingDecisionStatus,
  type FundingInstrument,
} from '@salkku/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, MONEY_COLUMN } from '../../persistence/base.entity';
import { Agreement } from '../agreements/agreement.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Project } from '../projects/project.entity';

/**
 * A funding decision under an agreement: for one project, or for the agreement as a whole (such
 * as the AKKE money that started the agreements). Unknown amounts stay empty.
 */
@Entity('funding_decisions')
@Check('CHK_funding_decisions_amount', '"amount_granted" IS NULL OR "amount_granted" >= 0')
@Check('CHK_funding_decisions_cap', '"cap" IS NULL OR "cap" >= 0')
@Check(
  'CHK_funding_decisions_rate',
  '"co_funding_rate" IS NULL OR ("co_funding_rate" >= 0 AND "co_funding_rate" <= 100)',
)
@Check(
  'CHK_funding_decisions_period',
  '"eligible_from" IS NULL OR "eligible_to" IS NULL OR "eligible_from" <= "eligible_to"',
)
export class FundingDecision extends BaseEntity {
  @Index('IDX_funding_decisions_agreement_id')
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @Index('IDX_funding_decisions_project_id')
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'project_id' })
  project?: Project | null;

  @Index('IDX_funding_decisions_funder_id')
  @Column({ type: 'uuid' })
  funderId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'funder_id' })
  funder?: Organisation;

  /** Who receives the money, when it is not the project's lead (or there is no project). */
  @Index('IDX_funding_decisions_recipient_id')
  @Column({ type: 'uuid', nullable: true })
  recipientId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: Organisation | null;

  @Column({ type: 'enum', enum: FUNDING_INSTRUMENTS, enumName: 'funding_instrument' })
  instrument: FundingInstrument;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionBody: string | null;

  @Column({ type: 'date', nullable: true })
  decisionDate: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  recordNumber: string | null;

  @Column({ ...MONEY_COLUMN, nullable: true })
  amountGranted: string | null;

  /** Co-funding rate in percent (0–100), where the decision gives one. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  coFundingRate: string | null;

  /** Upper limit in euros, where the decision gives one. */
  @Column({ ...MONEY_COLUMN, nullable: true })
  cap: string | null;

  @Column({ type: 'date', nullable: true })
  eligibleFrom: string | null;

  @Column({ type: 'date', nullable: true })
  eligibleTo: string | null;

  @Column({ type: 'enum', enum: FUNDING_DECISION_STATUSES, enumName: 'funding_decision_status', default: 'applied' })
  status: FundingDecisionStatus;

  @Column({ type: 'text', nullable: true })
  conditions: string | null;
}
