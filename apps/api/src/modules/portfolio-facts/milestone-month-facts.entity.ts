import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many open milestones (neither done nor cancelled) of an agreement fall due in a month: what
 * the national report's "overdue as of today" adds up without visiting every milestone (the
 * current month's days are counted from the milestones themselves). Kept by triggers on milestones
 * and projects in the same transaction as every write (migration PortfolioFacts).
 */
@Entity('milestone_month_facts')
export class MilestoneMonthFacts {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_milestone_month_facts' })
  agreementId: string;

  /** The first day of the month. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_milestone_month_facts' })
  dueMonth: string;

  @Column({ type: 'integer', default: 0 })
  openCount: number;
}
