import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { Agreement } from '../agreements/agreement.entity';
import { Project } from '../projects/project.entity';
import { INDICATOR_VALUE_COLUMN } from './indicator-value.column';
import { Indicator } from './indicator.entity';

/** A yearly milestone of a target: the value expected by the end of the year. */
export interface TargetMilestone {
  year: number;
  value: string;
}

/**
 * An agreement's (no project) or a project's target for one indicator: baseline value and year,
 * target value and year, optional yearly milestones. At most one per indicator and holder.
 */
@Entity('indicator_targets')
// Unique with NULLS NOT DISTINCT (an agreement's own row has no project): written by migration
// IndicatorsAndParticipants, which TypeORM cannot describe.
@Index('UQ_indicator_targets_holder', { synchronize: false })
@Index('IDX_indicator_targets_agreement', ['agreementId', 'indicatorId'])
@Index('IDX_indicator_targets_project', ['projectId'])
@Check('CHK_indicator_targets_years', '"baseline_year" <= "target_year"')
export class IndicatorTarget extends BaseEntity {
  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Indicator;

  /** The agreement the target belongs to (a project's target: the project's agreement). */
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  /** The project, for a project's target; empty for the agreement's own target. */
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column(INDICATOR_VALUE_COLUMN)
  baselineValue: string;

  @Column({ type: 'smallint' })
  baselineYear: number;

  @Column(INDICATOR_VALUE_COLUMN)
  targetValue: string;

  @Column({ type: 'smallint' })
  targetYear: number;

  /** Yearly milestones between the baseline and target years, by year. */
  @Column({ type: 'jsonb' })
  milestones: TargetMilestone[];
}
