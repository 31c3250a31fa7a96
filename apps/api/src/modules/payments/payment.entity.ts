import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, MONEY_COLUMN } from '../../persistence/base.entity';
import { FundingDecision } from '../funding-decisions/funding-decision.entity';

/** A payment made under a funding decision. The sum paid never exceeds the amount granted. */
@Entity('payments')
@Check('CHK_payments_amount', '"amount" > 0')
export class Payment extends BaseEntity {
  @Index('IDX_payments_funding_decision_id')
  @Column({ type: 'uuid' })
  fundingDecisionId: string;

  @ManyToOne(() => FundingDecision, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'funding_decision_id' })
  fundingDecision?: FundingDecision;

  @Column({ type: 'date' })
  paidOn: string;

  @Column({ ...MONEY_COLUMN })
  amount: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
