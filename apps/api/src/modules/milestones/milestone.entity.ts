import { MILESTONE_STATUSES, type MilestoneStatus } from '@salkku/shared';
import { Check, Column, Entity, Index } from 'typeorm';
import { ProjectChild } from '../projects/project-child.entity';

/** A project milestone. "Overdue" is derived from the due date and status, never stored. */
@Entity('milestones')
@Index('IDX_milestones_project_due', ['projectId', 'dueDate'])
// The dashboard's milestones due soon and overdue, across projects, by due date.
@Index('IDX_milestones_due_date', ['dueDate', 'id'])
// The report's milestones completed in a period, by completion date.
@Index('IDX_milestones_completed_on', ['completedOn', 'id'])
@Check('CHK_milestones_completed', '("status" = \'done\') = ("completed_on" IS NOT NULL)')
export class Milestone extends ProjectChild {
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'enum', enum: MILESTONE_STATUSES, enumName: 'milestone_status', default: 'planned' })
  status: MilestoneStatus;

  @Column({ type: 'date', nullable: true })
  completedOn: string | null;
}
