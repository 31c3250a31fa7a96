import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_DERIVATIONS,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  type IndicatorAggregation,
  type IndicatorDerivation,
  type IndicatorKind,
  type IndicatorSource,
  type IndicatorUnit,
} from '@salkku/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../persistence/base.entity';
import { Agreement } from '../agreements/agreement.entity';

/**
 * An indicator in the catalogue: common to every agreement (no agreement) or one agreement's
 * own. A derived indicator is computed from the participant register and never typed in.
 */
@Entity('indicators')
@Check('CHK_indicators_unit_name', '("unit" = \'other\') = ("unit_name" IS NOT NULL)')
@Check('CHK_indicators_percent_latest', '"unit" <> \'percent\' OR "aggregation" = \'latest\'')
@Check('CHK_indicators_derived_count', '"derivation" IS NULL OR ("unit" = \'count\' AND "agreement_id" IS NULL)')
export class Indicator extends BaseEntity {
  /** Unique code, e.g. "RCO10" or a city's own "KUO-01". */
  @Index('UQ_indicators_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  nameFi: string;

  @Column({ type: 'varchar', length: 300 })
  nameSv: string;

  @Column({ type: 'varchar', length: 300 })
  nameEn: string;

  @Column({ type: 'text', nullable: true })
  definitionFi: string | null;

  @Column({ type: 'text', nullable: true })
  definitionSv: string | null;

  @Column({ type: 'text', nullable: true })
  definitionEn: string | null;

  @Column({ type: 'enum', enum: INDICATOR_UNITS, enumName: 'indicator_unit' })
  unit: IndicatorUnit;

  /** The unit's name when the unit is "other" (e.g. "tonnes"); empty otherwise. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  unitName: string | null;

  @Column({ type: 'enum', enum: INDICATOR_KINDS, enumName: 'indicator_kind' })
  kind: IndicatorKind;

  /** How period values add up over time: their sum, or the latest value. */
  @Column({ type: 'enum', enum: INDICATOR_AGGREGATIONS, enumName: 'indicator_aggregation' })
  aggregation: IndicatorAggregation;

  @Column({ type: 'enum', enum: INDICATOR_SOURCES, enumName: 'indicator_source' })
  source: IndicatorSource;

  /** The agreement whose own indicator this is; empty for an indicator common to every agreement. */
  @Index('IDX_indicators_agreement_id')
  @Column({ type: 'uuid', nullable: true })
  agreementId: string | null;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  /** Set for an indicator computed from the participant register (its values cannot be entered). */
  @Column({ type: 'enum', enum: INDICATOR_DERIVATIONS, enumName: 'indicator_derivation', nullable: true })
  derivation: IndicatorDerivation | null;
}
