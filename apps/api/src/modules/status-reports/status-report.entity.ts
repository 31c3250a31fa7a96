import { HEALTH_VALUES, LIFECYCLE_STATUSES, type Health, type LifecycleStatus } from '@salkku/shared';
import { Column, Entity, Index } from 'typeorm';
import { ProjectChild } from '../projects/project-child.entity';

/**
 * A dated status report. Append-only: a project's history is its reports, and its current
 * health is that of its latest report (latest reporting date, then latest created).
 */
@Entity('status_reports')
@Index('IDX_status_reports_project_latest', ['projectId', 'reportingDate', 'createdAt'])
// The newest reports across projects (the dashboard), and the reports of a period (reports).
@Index('IDX_status_reports_latest', ['reportingDate', 'createdAt', 'id'])
export class StatusReport extends ProjectChild {
  @Column({ type: 'date' })
  reportingDate: string;

  @Column({ type: 'enum', enum: HEALTH_VALUES, enumName: 'health' })
  health: Health;

  /** The project's lifecycle status when the report was written. */
  @Column({ type: 'enum', enum: LIFECYCLE_STATUSES, enumName: 'lifecycle_status' })
  lifecycleStatus: LifecycleStatus;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  risks: string | null;

  @Column({ type: 'text', nullable: true })
  nextSteps: string | null;

  /** Display name of the author. */
  @Column({ type: 'varchar', length: 200 })
  author: string;

  /** The author's user id; empty for reports written by the system (such as demo data). */
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;
}
