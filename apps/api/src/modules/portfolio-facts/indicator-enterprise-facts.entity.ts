import { INDICATOR_DERIVATIONS, type IndicatorDerivation } from '@salkku/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * When an enterprise counts for a derived indicator at one holder: its qualifying participations
 * (see DERIVATION_SUPPORT_KINDS; cooperating with research: while a research organisation takes
 * part in the same project) merged into stretches that neither overlap nor touch, per holder — a
 * project, a priority area, an agreement, or the whole country (the nil uuid). An enterprise in
 * 200 projects of one agreement is a stretch or two there, so the distinct enterprises of a period
 * are counted from a few rows per enterprise instead of every participation. Kept by triggers on
 * participants, projects and organisations in the same transaction as every write (migration
 * IndicatorEnterpriseFacts); `pnpm facts:check` compares it with a recomputation.
 */
@Entity('indicator_enterprise_facts')
export class IndicatorEnterpriseFacts {
  /** A project, priority area or agreement id, or the nil uuid for the whole country. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_enterprise_facts' })
  holder: string;

  @PrimaryColumn({
    type: 'enum',
    enum: INDICATOR_DERIVATIONS,
    enumName: 'indicator_derivation',
    primaryKeyConstraintName: 'PK_indicator_enterprise_facts',
  })
  derivation: IndicatorDerivation;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_indicator_enterprise_facts' })
  organisationId: string;

  /** The stretch's first day ('-infinity': from the beginning). */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_indicator_enterprise_facts' })
  startsOn: string;

  /** The stretch's last day ('infinity': ongoing). */
  @Column({ type: 'date' })
  endsOn: string;

  /**
   * The last day of the enterprise's previous stretch at the holder (null: this is its first), so
   * that a period's enterprises are counted without DISTINCT: a stretch overlapping the period
   * counts unless the previous one overlaps it too.
   */
  @Column({ type: 'date', nullable: true })
  previousEndsOn: string | null;
}
