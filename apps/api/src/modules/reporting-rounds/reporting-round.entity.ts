import { DEFAULT_REMINDER_DAYS_BEFORE } from '@salkku/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { Agreement } from '../agreements/agreement.entity';

/**
 * A reporting round: an agreement's call for its projects' reports of one period (a year "2025"
 * or a half-year "2025-H1", as the agreement reports), due on a date. Its city is its agreement's
 * (never stored here), so a round moves with its agreement like every other record under it.
 * Open until closed; closing stores its frozen report.
 */
@Entity('reporting_rounds')
@Index('UQ_reporting_rounds_agreement_period', ['agreementId', 'period'], { unique: true })
// The open rounds by due date (the producer of reminders and overdue notices).
@Index('IDX_reporting_rounds_open_due', ['dueDate'], { where: '"closed_at" IS NULL' })
@Check('CHK_reporting_rounds_reminder_days', '"reminder_days_before" BETWEEN 0 AND 90')
@Check('CHK_reporting_rounds_period', `"period" ~ '^[0-9]{4}(-H[12])?$'`)
@Check('CHK_reporting_rounds_closed', '("closed_at" IS NULL) = ("closed_by_name" IS NULL)')
export class ReportingRound extends BaseEntity {
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'text', nullable: true })
  instructions: string | null;

  /** Days before the due date that the reminder goes out. */
  @Column({ type: 'integer', default: DEFAULT_REMINDER_DAYS_BEFORE })
  reminderDaysBefore: number;

  /** Who opened the round (createdAt is when); null for the system. */
  @Column({ type: 'uuid', nullable: true })
  openedById: string | null;

  @Column({ type: 'varchar', length: 200 })
  openedByName: string;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  closedByName: string | null;
}
