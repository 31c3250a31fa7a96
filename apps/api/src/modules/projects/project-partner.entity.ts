import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { MONEY_COLUMN } from '../../persistence/base.entity';
import { Organisation } from '../organisations/organisation.entity';
import { ProjectChild } from './project-child.entity';

/** An organisation taking part in a project, with its role and optional share of the budget. */
@Entity('project_partners')
@Index('UQ_project_partners_project_organisation', ['projectId', 'organisationId'], { unique: true })
@Check('CHK_project_partners_budget_share', '"budget_share" IS NULL OR "budget_share" >= 0')
export class ProjectPartner extends ProjectChild {
  @Index('IDX_project_partners_organisation_id')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 200, nullable: true })
  role: string | null;

  @Column({ ...MONEY_COLUMN, nullable: true })
  budgetShare: string | null;
}
