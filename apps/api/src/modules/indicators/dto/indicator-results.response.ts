import { ApiProperty } from '@nestjs/swagger';
import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_DERIVATIONS,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  REPORTING_PERIODICITIES,
  type IndicatorAggregation,
  type IndicatorDerivation,
  type IndicatorKind,
  type IndicatorSource,
  type IndicatorUnit,
  type ReportingPeriodicity,
  type RollUpRefusal,
} from '@salkku/shared';
import { TargetMilestoneValue } from './indicator-target.response';

export const ROLL_UP_REFUSALS = ['mixedUnits', 'percentDoesNotSum'] as const satisfies readonly RollUpRefusal[];

/** An indicator as its results name it. */
export class IndicatorRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'RCO02' })
  code: string;

  @ApiProperty()
  nameFi: string;

  @ApiProperty()
  nameSv: string;

  @ApiProperty()
  nameEn: string;

  @ApiProperty({ enum: INDICATOR_UNITS, enumName: 'IndicatorUnit' })
  unit: IndicatorUnit;

  @ApiProperty({ type: 'string', nullable: true })
  unitName: string | null;

  @ApiProperty({ enum: INDICATOR_KINDS, enumName: 'IndicatorKind' })
  kind: IndicatorKind;

  @ApiProperty({ enum: INDICATOR_AGGREGATIONS, enumName: 'IndicatorAggregation' })
  aggregation: IndicatorAggregation;

  @ApiProperty({ enum: INDICATOR_SOURCES, enumName: 'IndicatorSource' })
  source: IndicatorSource;

  @ApiProperty({ enum: INDICATOR_DERIVATIONS, enumName: 'IndicatorDerivation', nullable: true })
  derivation: IndicatorDerivation | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'Null for a common indicator' })
  agreementId: string | null;
}

/** The target a result is measured against (a holder's own, or the sum of the targets below it). */
export class TargetValues {
  @ApiProperty({ example: '0' })
  baselineValue: string;

  @ApiProperty({ example: 2021 })
  baselineYear: number;

  @ApiProperty({ example: '40' })
  targetValue: string;

  @ApiProperty({ example: 2027 })
  targetYear: number;

  @ApiProperty({ type: [TargetMilestoneValue] })
  milestones: TargetMilestoneValue[];
}

export class PeriodResult {
  @ApiProperty({ example: '2025' })
  period: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'Null: nothing reported (never 0)' })
  value: string | null;
}

/** An indicator's result at one level (a project, an area, an agreement, the nation). */
export class IndicatorResultLine {
  @ApiProperty({ type: TargetValues, nullable: true, description: 'Null: no target set (never 0)' })
  target: TargetValues | null;

  @ApiProperty({ type: [PeriodResult], description: 'One entry per period of the answer’s `periods`' })
  periods: PeriodResult[];

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'The sum of the period values, or the latest, by the indicator’s aggregation; null: nothing reported',
  })
  toDate: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'The latest period with a value' })
  latestPeriod: string | null;

  @ApiProperty({ type: 'number', nullable: true, description: 'toDate ÷ targetValue (1 = reached)' })
  achievement: number | null;

  @ApiProperty({
    type: 'boolean',
    nullable: true,
    description: 'toDate against the line from baseline to target (or the milestones) at the end of latestPeriod',
  })
  onPace: boolean | null;

  @ApiProperty({
    enum: ROLL_UP_REFUSALS,
    enumName: 'RollUpRefusal',
    nullable: true,
    description: 'Set when the values below cannot be added up (then the values are null)',
  })
  refusal: RollUpRefusal | null;
}

/** An enterprise counted by a derived indicator. */
export class Enterprise {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'string', nullable: true })
  businessId: string | null;

  @ApiProperty({ description: 'No business ID: the same enterprise may be counted twice under two records' })
  flagged: boolean;
}

/** One entered value of a project, for correcting it in place. */
export class ProjectActual {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2025' })
  period: string;

  @ApiProperty({ example: '12' })
  value: string;

  @ApiProperty({ type: 'string', nullable: true })
  note: string | null;

  @ApiProperty()
  enteredBy: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class ProjectIndicatorResult {
  @ApiProperty({ type: IndicatorRef })
  indicator: IndicatorRef;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The project’s target, if set' })
  targetId: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  targetVersion: number | null;

  @ApiProperty({ type: IndicatorResultLine })
  result: IndicatorResultLine;

  @ApiProperty({ type: [ProjectActual], description: 'The values entered, by period (none for a derived one)' })
  actuals: ProjectActual[];

  @ApiProperty({
    type: [Enterprise],
    nullable: true,
    description: 'A derived indicator’s enterprises counted to date; null for the others',
  })
  enterprises: Enterprise[] | null;
}

export class ProjectIndicatorResults {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ enum: REPORTING_PERIODICITIES, enumName: 'ReportingPeriodicity' })
  periodicity: ReportingPeriodicity;

  @ApiProperty({ type: [String], description: 'The agreement’s periods from its first year to the current period' })
  periods: string[];

  @ApiProperty({
    type: [ProjectIndicatorResult],
    description: 'Indicators with a target or a value for the project, and every derived one',
  })
  indicators: ProjectIndicatorResult[];
}

export class AreaIndicatorResult {
  @ApiProperty({ format: 'uuid' })
  priorityAreaId: string;

  @ApiProperty()
  nameFi: string;

  @ApiProperty({ type: 'string', nullable: true })
  nameSv: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  nameEn: string | null;

  @ApiProperty({ type: IndicatorResultLine, description: 'Its projects’ values and targets added up' })
  result: IndicatorResultLine;
}

export class AgreementIndicatorResult {
  @ApiProperty({ type: IndicatorRef })
  indicator: IndicatorRef;

  @ApiProperty({
    type: IndicatorResultLine,
    description:
      'The agreement’s own values when it has any for the indicator, else its projects’ values added up; its own ' +
      'target, else its projects’ targets added up (none for percentages of several projects). A derived ' +
      'indicator counts each enterprise once however many of the agreement’s projects it takes part in.',
  })
  agreement: IndicatorResultLine;

  @ApiProperty({ type: [AreaIndicatorResult] })
  areas: AreaIndicatorResult[];

  @ApiProperty({ type: [Enterprise], nullable: true, description: 'Derived indicators only' })
  enterprises: Enterprise[] | null;
}

export class AgreementIndicatorResults {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty({ enum: REPORTING_PERIODICITIES, enumName: 'ReportingPeriodicity' })
  periodicity: ReportingPeriodicity;

  @ApiProperty({ type: [String], description: 'From the agreement’s first year to the current period' })
  periods: string[];

  @ApiProperty({ type: [AgreementIndicatorResult] })
  indicators: AgreementIndicatorResult[];
}

export class NationalAgreementResult {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  cityName: string;

  @ApiProperty({ type: IndicatorResultLine, description: 'By year (half-years added up into years)' })
  result: IndicatorResultLine;
}

export class NationalIndicatorResult {
  @ApiProperty({ type: IndicatorRef, description: 'A common indicator' })
  indicator: IndicatorRef;

  @ApiProperty({ type: [NationalAgreementResult] })
  agreements: NationalAgreementResult[];

  @ApiProperty({ type: IndicatorResultLine })
  total: IndicatorResultLine;

  @ApiProperty({ type: [Enterprise], nullable: true, description: 'Derived indicators only' })
  enterprises: Enterprise[] | null;
}

export class NationalIndicatorResults {
  @ApiProperty({ type: [String], description: 'Years, from the earliest agreement’s first year to this year' })
  periods: string[];

  @ApiProperty({ type: [NationalIndicatorResult] })
  indicators: NationalIndicatorResult[];
}

export class IndicatorSummaryItem {
  @ApiProperty({ format: 'uuid', description: 'The indicator, one of the answer’s `indicators`' })
  indicatorId: string;

  @ApiProperty({ type: 'string', nullable: true })
  toDate: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  targetValue: string | null;

  @ApiProperty({ type: 'number', nullable: true })
  achievement: number | null;

  @ApiProperty({ type: 'boolean', nullable: true })
  onPace: boolean | null;
}

export class AgreementIndicatorSummary {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({
    type: [IndicatorSummaryItem],
    description: 'The key indicators: those with an agreement-level target or project targets',
  })
  indicators: IndicatorSummaryItem[];
}

export class IndicatorSummary {
  @ApiProperty({
    type: [IndicatorRef],
    description: 'Every indicator an agreement lists, once (by code); the agreements refer to them by id',
  })
  indicators: IndicatorRef[];

  @ApiProperty({ type: [AgreementIndicatorSummary] })
  agreements: AgreementIndicatorSummary[];
}
