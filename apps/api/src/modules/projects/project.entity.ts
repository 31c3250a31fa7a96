import { LIFECYCLE_STATUSES, PROJECT_KINDS, type LifecycleStatus, type ProjectKind } from '@salkku/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, MONEY_COLUMN } from '../../persistence/base.entity';
import { Agreement } from '../agreements/agreement.entity';
import { Organisation } from '../organisations/organisation.entity';
import { PriorityArea } from '../priority-areas/priority-area.entity';

@Entity('projects')
// Also the index of agreement_id's foreign key (its leading column).
@Index('UQ_projects_agreement_code', ['agreementId', 'code'], { unique: true })
// The list's sort orders (PROJECT_SORT), each with the id as tie-breaker: a page is read from the
// index and cut. The nullable dates have a descending index too (DESC NULLS LAST is not an
// ascending index read backwards); migration PortfolioFacts writes those directions.
@Index('IDX_projects_code_id', ['code', 'id'])
@Index('IDX_projects_name_id', ['name', 'id'])
@Index('IDX_projects_planned_start_id', ['plannedStart', 'id'])
@Index('IDX_projects_planned_start_desc', ['plannedStart', 'id'])
@Index('IDX_projects_planned_end_id', ['plannedEnd', 'id'])
@Index('IDX_projects_planned_end_desc', ['plannedEnd', 'id'])
@Index('IDX_projects_lifecycle_status_id', ['lifecycleStatus', 'id'])
@Index('IDX_projects_updated_at_id', ['updatedAt', 'id'])
// The free-text search (ILIKE '%…%' on code and name): trigram indexes, which TypeORM cannot
// describe; written by migration PortfolioFacts and left alone by the schema check.
@Index('IDX_projects_code_trgm', { synchronize: false })
@Index('IDX_projects_name_trgm', { synchronize: false })
@Check('CHK_projects_period', '"planned_start" IS NULL OR "planned_end" IS NULL OR "planned_start" <= "planned_end"')
@Check('CHK_projects_budget', '"total_budget" IS NULL OR "total_budget" >= 0')
export class Project extends BaseEntity {
  @Index('IDX_projects_priority_area_id')
  @Column({ type: 'uuid' })
  priorityAreaId: string;

  @ManyToOne(() => PriorityArea, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'priority_area_id' })
  priorityArea?: PriorityArea;

  /**
   * The agreement of the project's priority area, kept by the database (a trigger copies it from
   * the priority area on every insert and move; Salkku never writes it). It exists so that a
   * project code can be unique within an agreement: another city may use the same code.
   */
  @Column({ type: 'uuid', insert: false, update: false })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  /** Short code, unique within the project's agreement (e.g. "VESI-KH"). */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'enum', enum: PROJECT_KINDS, enumName: 'project_kind', default: 'other' })
  kind: ProjectKind;

  @Index('IDX_projects_lead_organisation_id')
  @Column({ type: 'uuid' })
  leadOrganisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'lead_organisation_id' })
  leadOrganisation?: Organisation;

  @Column({ type: 'date', nullable: true })
  plannedStart: string | null;

  @Column({ type: 'date', nullable: true })
  plannedEnd: string | null;

  @Column({ type: 'enum', enum: LIFECYCLE_STATUSES, enumName: 'lifecycle_status', default: 'planned' })
  lifecycleStatus: LifecycleStatus;

  @Column({ ...MONEY_COLUMN, nullable: true })
  totalBudget: string | null;

  /** Project code in EURA 2021, the Finnish EU-funds system, when it has one. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  euraCode: string | null;
}
