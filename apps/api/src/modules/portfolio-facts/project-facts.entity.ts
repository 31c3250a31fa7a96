import { HEALTH_VALUES, LIFECYCLE_STATUSES, type Health, type LifecycleStatus } from '@salkku/shared';
import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Project } from '../projects/project.entity';

/**
 * What the portfolio's lists, dashboard and reports need of each project without visiting its
 * child rows: its latest status report, its funding sums and its next open milestone (and copies
 * of its agreement, area and stage, so that the dashboard's counts read this table alone). Derived
 * data, never written by the application: triggers on status_reports, funding_decisions, payments
 * and milestones keep it in the same transaction as every write (migration PortfolioFacts), and
 * `cli.js rebuild-facts` recomputes it from the base tables. The definitions are those of the
 * project list (see portfolio-facts.queries.ts, which checks them against a recomputation).
 */
@Entity('project_facts')
@Index('IDX_project_facts_latest_health', ['latestHealth', 'projectId'])
@Index('IDX_project_facts_latest_health_desc', ['latestHealth', 'projectId'])
@Index('IDX_project_facts_latest_reporting_date', ['latestReportingDate', 'projectId'])
export class ProjectFacts {
  @PrimaryColumn({ type: 'uuid' })
  projectId: string;

  @OneToOne(() => Project, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  /** Copies of the project's agreement, priority area and stage: what the dashboard groups by. */
  @Index('IDX_project_facts_agreement_id')
  @Column({ type: 'uuid' })
  agreementId: string;

  @Column({ type: 'uuid' })
  priorityAreaId: string;

  @Column({ type: 'enum', enum: LIFECYCLE_STATUSES, enumName: 'lifecycle_status' })
  lifecycleStatus: LifecycleStatus;

  /** The latest status report: latest reporting date, then latest created, then id. */
  @Column({ type: 'uuid', nullable: true })
  latestReportId: string | null;

  @Column({ type: 'date', nullable: true })
  latestReportingDate: string | null;

  @Column({ type: 'enum', enum: HEALTH_VALUES, enumName: 'health', nullable: true })
  latestHealth: Health | null;

  /** Sums over the project's payable decisions (PAYABLE_DECISION_STATUSES). */
  @Column({ type: 'numeric', precision: 17, scale: 2, default: 0 })
  fundingGranted: string;

  @Column({ type: 'numeric', precision: 17, scale: 2, default: 0 })
  fundingPaid: string;

  /** Payable decisions whose amount is not known. */
  @Column({ type: 'integer', default: 0 })
  fundingUnknownAmounts: number;

  /** The first open milestone (not in CLOSED_MILESTONE_STATUSES): earliest due, then created, then id. */
  @Column({ type: 'uuid', nullable: true })
  nextMilestoneId: string | null;

  @Column({ type: 'date', nullable: true })
  nextMilestoneDueDate: string | null;
}
