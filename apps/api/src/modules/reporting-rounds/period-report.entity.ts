import {
  HEALTH_VALUES,
  LIFECYCLE_STATUSES,
  PERIOD_REPORT_STATUSES,
  type Health,
  type LifecycleStatus,
  type PeriodReportStatus,
} from '@salkku/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ProjectChild } from '../projects/project-child.entity';
import { ReportingRound } from './reporting-round.entity';

/**
 * One project's report of one round's period: owed when the round opens, then filled in, submitted,
 * returned or approved. Its city is its project's agreement's (the round's agreement is the same).
 */
@Entity('period_reports')
@Index('UQ_period_reports_round_project', ['roundId', 'projectId'], { unique: true })
// A project's reports (its history; the foreign key's cascade).
@Index('IDX_period_reports_project_id', ['projectId'])
// A project's outstanding reports: the overdue flag of the project list and detail reads only these.
@Index('IDX_period_reports_outstanding', ['projectId'], { where: `"status" IN ('owed', 'draft', 'returned')` })
export class PeriodReport extends ProjectChild {
  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ReportingRound, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'round_id' })
  round?: ReportingRound;

  @Column({ type: 'enum', enum: PERIOD_REPORT_STATUSES, enumName: 'period_report_status', default: 'owed' })
  status: PeriodReportStatus;

  @Column({ type: 'enum', enum: HEALTH_VALUES, enumName: 'health', nullable: true })
  health: Health | null;

  /** The reasons for the health. */
  @Column({ type: 'text', nullable: true })
  healthReasons: string | null;

  /** What was done in the period. */
  @Column({ type: 'text', nullable: true })
  achievements: string | null;

  @Column({ type: 'text', nullable: true })
  risks: string | null;

  @Column({ type: 'text', nullable: true })
  nextSteps: string | null;

  /** The project's lifecycle stage at the end of the period (set on the project too when saved). */
  @Column({ type: 'enum', enum: LIFECYCLE_STATUSES, enumName: 'lifecycle_status', nullable: true })
  lifecycleStatus: LifecycleStatus | null;

  /** The reviewer's comment when the report was last returned. */
  @Column({ type: 'text', nullable: true })
  returnComment: string | null;

  /** How many times the report has been returned (part of the returned notice's dedupe key). */
  @Column({ type: 'integer', default: 0 })
  returnCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  submittedByName: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  returnedById: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  returnedByName: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  approvedByName: string | null;
}
