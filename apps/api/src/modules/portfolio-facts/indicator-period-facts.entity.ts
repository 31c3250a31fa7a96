import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An indicator's values of one reporting period added up per group: the projects of one priority
 * area, or the agreement's own values (`holderGroup` = the agreement's id). What an agreement's,
 * the nation's and the dashboard's indicator results add up without visiting every project's
 * value. Kept by triggers on indicator_actuals and projects in the same transaction as every write
 * (migration IndicatorsAndParticipants); `pnpm facts:check` compares it with a recomputation.
 */
@Entity('indicator_period_facts')
export class IndicatorPeriodFacts {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_period_facts' })
  indicatorId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_period_facts' })
  agreementId: string;

  /** The priority area of the projects whose values these are, or the agreement itself for its own values. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_period_facts' })
  holderGroup: string;

  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'PK_indicator_period_facts' })
  period: string;

  /** Exact, without a limit: a sum of many values may exceed one value's 13 integer digits. */
  @Column({ type: 'numeric' })
  valueSum: string;

  /** How many holders (projects, or the agreement) have a value in the period. */
  @Column({ type: 'integer' })
  holders: number;
}
