import { ApiProperty } from '@nestjs/swagger';
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
import { recordFields, RecordResponse } from '../../../common/responses';

/** One indicator row as the service selects it (explicit columns, the agreement's title joined). */
export interface IndicatorRow {
  id: string;
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  definitionFi: string | null;
  definitionSv: string | null;
  definitionEn: string | null;
  unit: IndicatorUnit;
  unitName: string | null;
  kind: IndicatorKind;
  aggregation: IndicatorAggregation;
  source: IndicatorSource;
  agreementId: string | null;
  agreementTitle: string | null;
  derivation: IndicatorDerivation | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class IndicatorResponse extends RecordResponse {
  @ApiProperty({ example: 'RCO10' })
  code: string;

  @ApiProperty({ example: 'Tutkimusorganisaatioiden kanssa yhteistyötä tekevät yritykset' })
  nameFi: string;

  @ApiProperty({ example: 'Företag som samarbetar med forskningsorganisationer' })
  nameSv: string;

  @ApiProperty({ example: 'Enterprises cooperating with research organisations' })
  nameEn: string;

  @ApiProperty({ type: 'string', nullable: true })
  definitionFi: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  definitionSv: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  definitionEn: string | null;

  @ApiProperty({ enum: INDICATOR_UNITS, enumName: 'IndicatorUnit' })
  unit: IndicatorUnit;

  @ApiProperty({ type: 'string', nullable: true, description: 'The unit’s name, exactly when the unit is other' })
  unitName: string | null;

  @ApiProperty({ enum: INDICATOR_KINDS, enumName: 'IndicatorKind' })
  kind: IndicatorKind;

  @ApiProperty({
    enum: INDICATOR_AGGREGATIONS,
    enumName: 'IndicatorAggregation',
    description: 'How period values add up to a value to date: their sum, or the latest value',
  })
  aggregation: IndicatorAggregation;

  @ApiProperty({ enum: INDICATOR_SOURCES, enumName: 'IndicatorSource' })
  source: IndicatorSource;

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The agreement whose own indicator this is; null for an indicator common to every agreement',
  })
  agreementId: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  agreementTitle: string | null;

  @ApiProperty({
    enum: INDICATOR_DERIVATIONS,
    enumName: 'IndicatorDerivation',
    nullable: true,
    description: 'Set for an indicator computed from the participant register: its values are never entered',
  })
  derivation: IndicatorDerivation | null;

  static from(row: IndicatorRow): IndicatorResponse {
    return {
      ...recordFields(row),
      code: row.code,
      nameFi: row.nameFi,
      nameSv: row.nameSv,
      nameEn: row.nameEn,
      definitionFi: row.definitionFi,
      definitionSv: row.definitionSv,
      definitionEn: row.definitionEn,
      unit: row.unit,
      unitName: row.unitName,
      kind: row.kind,
      aggregation: row.aggregation,
      source: row.source,
      agreementId: row.agreementId,
      agreementTitle: row.agreementTitle,
      derivation: row.derivation,
    };
  }
}
