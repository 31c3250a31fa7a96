import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  type IndicatorAggregation,
  type IndicatorKind,
  type IndicatorSource,
  type IndicatorUnit,
} from '@salkku/shared';
import { Matches } from 'class-validator';
import { EnumField, TextField, UuidField } from '../../../common/validators';

/** Letters, digits, "_", "." and "-", starting with a letter or digit (e.g. "RCO10", "KUO-01"). */
export const INDICATOR_CODE_PATTERN = /^[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö_.-]*$/;

/** A catalogue indicator. Its derivation is not writable: derived indicators come with the schema. */
export class CreateIndicatorDto {
  @TextField({ max: 40, description: 'Unique code (e.g. "RCO10", or a city’s own "KUO-01")' })
  @Matches(INDICATOR_CODE_PATTERN, {
    message: 'code must start with a letter or digit and contain only letters, digits, "_", "." and "-"',
  })
  code: string;

  @TextField({ max: 300 })
  nameFi: string;

  @TextField({ max: 300 })
  nameSv: string;

  @TextField({ max: 300 })
  nameEn: string;

  @TextField({ max: 5000, optional: true })
  definitionFi?: string | null;

  @TextField({ max: 5000, optional: true })
  definitionSv?: string | null;

  @TextField({ max: 5000, optional: true })
  definitionEn?: string | null;

  @EnumField(INDICATOR_UNITS, 'IndicatorUnit')
  unit: IndicatorUnit;

  @TextField({ max: 60, optional: true, description: 'Required exactly when the unit is other (e.g. "tonnes")' })
  unitName?: string | null;

  @EnumField(INDICATOR_KINDS, 'IndicatorKind')
  kind: IndicatorKind;

  @EnumField(INDICATOR_AGGREGATIONS, 'IndicatorAggregation', {
    description: 'How period values add up over time; a percent is always latest',
  })
  aggregation: IndicatorAggregation;

  @EnumField(INDICATOR_SOURCES, 'IndicatorSource')
  source: IndicatorSource;

  @UuidField({
    optional: true,
    description: 'The agreement whose own indicator this is (in the caller’s scope); leave out for a common one',
  })
  agreementId?: string | null;
}
