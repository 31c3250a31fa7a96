import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { Project } from './project.entity';

/**
 * A record that belongs to one project and goes with it (ON DELETE CASCADE): its partners,
 * milestones and status reports. Each table indexes project_id as its queries need.
 */
export abstract class ProjectChild extends BaseEntity {
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'project_id' })
  project?: Project;
}
