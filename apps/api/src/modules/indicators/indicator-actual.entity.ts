import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { Agreement } from '../agreements/agreement.entity';
import { Project } from '../projects/project.entity';
import { INDICATOR_VALUE_COLUMN } from './indicator-value.column';
import { Indicator } from './indicator.entity';

/**
 * An indicator's actual value for one reporting period ("2025" or "2025-H1", as the agreement
 * reports), of a project or of the agreement itself (no project). Who entered it and when are
 * kept; every correction is in the audit trail.
 */
@Entity('indicator_actuals')
// Unique with NULLS NOT DISTINCT (an agreement's own row has no project): written by migration
// IndicatorsAndParticipants, which TypeORM cannot describe.
@Index('UQ_indicator_actuals_holder_period', { synchronize: false })
@Index('IDX_indicator_actuals_agreement', ['agreementId', 'indicatorId', 'period'])
@Index('IDX_indicator_actuals_project', ['projectId', 'indicatorId', 'period'])
@Check('CHK_indicator_actuals_period', '"period" ~ \'^[0-9]{4}(-H[12])?$\'')
export class IndicatorActual extends BaseEntity {
  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Indicator;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  /** "2025" (a year) or "2025-H1" (a half-year). */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column(INDICATOR_VALUE_COLUMN)
  value: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Display name of who entered (or last corrected) the value. */
  @Column({ type: 'varchar', length: 200 })
  enteredBy: string;

  /** Their user id; empty for values entered by the system. */
  @Column({ type: 'uuid', nullable: true })
  enteredById: string | null;
}
