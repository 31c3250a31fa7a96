import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { MONEY_COLUMN } from '../../persistence/base.entity';
import { FundingDecision } from '../funding-decisions/funding-decision.entity';

/**
 * A funding decision's payments summed, with the columns the funding tables group it by: kept by
 * triggers on funding_decisions and payments in the same transaction as every write (see
 * ProjectFacts), so that a table by funder or by agreement reads one narrow row per decision. The
 * first and last payment dates let a report "as of" a past day use the sum whenever every payment
 * is on the right side of that day.
 */
@Entity('funding_decision_facts')
@Index('IDX_funding_decision_facts_agreement_funder', ['agreementId', 'funderId'])
export class FundingDecisionFacts {
  @PrimaryColumn({ type: 'uuid' })
  fundingDecisionId: string;

  @OneToOne(() => FundingDecision, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'funding_decision_id' })
  fundingDecision?: FundingDecision;

  @Column({ type: 'uuid' })
  agreementId: string;

  /** Null for an agreement-wide decision. */
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ type: 'uuid' })
  funderId: string;

  /** The decision's status is one of PAYABLE_DECISION_STATUSES. */
  @Column({ type: 'boolean' })
  payable: boolean;

  @Column({ ...MONEY_COLUMN, nullable: true })
  amountGranted: string | null;

  @Column({ type: 'date', nullable: true })
  decisionDate: string | null;

  @Column({ type: 'numeric', precision: 17, scale: 2, default: 0 })
  paid: string;

  @Column({ type: 'date', nullable: true })
  firstPaidOn: string | null;

  @Column({ type: 'date', nullable: true })
  lastPaidOn: string | null;
}
