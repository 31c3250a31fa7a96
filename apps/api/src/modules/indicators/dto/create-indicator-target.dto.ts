import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IndicatorValueField, UuidField } from '../../../common/validators';

/** The years a target's baseline, target and milestones may name. */
export const MIN_INDICATOR_YEAR = 2000;
export const MAX_INDICATOR_YEAR = 2100;

/** Most yearly milestones one target may have (a century's worth). */
export const MAX_TARGET_MILESTONES = 100;

/** A year of an indicator target (baseline, target or milestone). */
const YearField = (description?: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ minimum: MIN_INDICATOR_YEAR, maximum: MAX_INDICATOR_YEAR, example: 2027, description }),
    IsInt(),
    Min(MIN_INDICATOR_YEAR),
    Max(MAX_INDICATOR_YEAR),
  );

export class TargetMilestoneInput {
  @YearField('Between the baseline year and the target year; each year once')
  year: number;

  @IndicatorValueField({ description: 'The value expected by the end of the year' })
  value: string;
}

export class CreateIndicatorTargetDto {
  @UuidField({ description: 'A common indicator, or the holder agreement’s own' })
  indicatorId: string;

  @UuidField({ optional: true, description: 'A project’s target: the project (give this or agreementId)' })
  projectId?: string | null;

  @UuidField({ optional: true, description: 'The agreement’s own target: the agreement (give this or projectId)' })
  agreementId?: string | null;

  @IndicatorValueField()
  baselineValue: string;

  @YearField()
  baselineYear: number;

  @IndicatorValueField()
  targetValue: string;

  @YearField('On or after the baseline year')
  targetYear: number;

  @ApiPropertyOptional({
    type: [TargetMilestoneInput],
    maxItems: MAX_TARGET_MILESTONES,
    description: 'Yearly milestones; on update the list replaces the current ones',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TARGET_MILESTONES)
  @ValidateNested({ each: true })
  @Type(() => TargetMilestoneInput)
  milestones?: TargetMilestoneInput[];
}
