import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { FundingDecision } from '../funding-decisions/funding-decision.entity';

/**
 * A funding decision's payments summed: kept by triggers on payments in the same transaction as
 * every payment write (see ProjectFacts). The first and last payment dates let a report "as of"
 * a past day use the sum whenever every payment is on the right side of that day.
 */
@Entity('funding_decision_facts')
export class FundingDecisionFacts {
  @PrimaryColumn({ type: 'uuid' })
  fundingDecisionId: string;

  @OneToOne(() => FundingDecision, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'funding_decision_id' })
  fundingDecision?: FundingDecision;

  @Column({ type: 'numeric', precision: 17, scale: 2, default: 0 })
  paid: string;

  @Column({ type: 'date', nullable: true })
  firstPaidOn: string | null;

  @Column({ type: 'date', nullable: true })
  lastPaidOn: string | null;
}
