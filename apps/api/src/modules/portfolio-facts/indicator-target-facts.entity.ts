import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TargetMilestone } from '../indicators/indicator-target.entity';

/**
 * An indicator's targets of one group added up per shape: the targets of one priority area's
 * projects, or the agreement's own (`holderGroup` = the agreement's id), with the same baseline
 * and target years and no yearly milestones; a target with milestones is a shape of its own
 * (`shapeKey` = its id; otherwise the nil uuid). Summing per shape is exact for the expected
 * value's straight line. Kept by triggers on indicator_targets and projects in the same
 * transaction as every write (migration IndicatorsAndParticipants).
 */
@Entity('indicator_target_facts')
export class IndicatorTargetFacts {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_target_facts' })
  indicatorId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_target_facts' })
  agreementId: string;

  /** The priority area of the projects whose targets these are, or the agreement itself for its own. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_target_facts' })
  holderGroup: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_indicator_target_facts' })
  baselineYear: number;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_indicator_target_facts' })
  targetYear: number;

  /** The target's id when it has yearly milestones (it is not added to others), else the nil uuid. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_target_facts' })
  shapeKey: string;

  /** How many targets were added up. */
  @Column({ type: 'integer' })
  n: number;

  @Column({ type: 'numeric' })
  baselineSum: string;

  @Column({ type: 'numeric' })
  targetSum: string;

  /** The yearly milestones of a target of its own shape; empty for a sum. */
  @Column({ type: 'jsonb' })
  milestones: TargetMilestone[];
}
