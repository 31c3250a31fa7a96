import { ApiPropertyOptional } from '@nestjs/swagger';
import { HEALTH_VALUES, LIFECYCLE_STATUSES, type Health, type LifecycleStatus } from '@salkku/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import {
  EnumField,
  IndicatorValueField,
  IsoDateField,
  MoneyField,
  TextField,
  UuidField,
} from '../../../common/validators';
import { VersionedDto } from '../../../common/versioned.dto';
import { IsPositiveMoney } from '../../payments/dto/positive-money.validator';

/** At most this many items in each list of the form. */
export const MAX_FORM_ITEMS = 100;

export class CompletedMilestoneInput {
  @UuidField({ description: 'A milestone of the report’s project' })
  milestoneId: string;

  @IsoDateField({
    optional: true,
    description: 'Within the period and not in the future; default: the period’s end or today',
  })
  completedOn?: string | null;
}

export class PeriodActualInput {
  @UuidField({ description: 'A typed-in indicator (never a derived one) of the project’s agreement or a common one' })
  indicatorId: string;

  @IndicatorValueField({ description: 'The project’s value for the round’s period (replaces an earlier one)' })
  value: string;

  @TextField({ max: 5000, optional: true })
  note?: string | null;
}

export class PeriodPaymentInput {
  @UuidField({ description: 'A funding decision of the report’s project' })
  fundingDecisionId: string;

  @IsoDateField({ description: 'Within the round’s period' })
  paidOn: string;

  @MoneyField({ description: 'Euros received, more than zero' })
  @IsPositiveMoney()
  amount: string;

  @TextField({ max: 2000, optional: true })
  note?: string | null;
}

class PeriodReportFields {
  @EnumField(HEALTH_VALUES, 'Health', { optional: true, description: 'RAG health at the end of the period' })
  health?: Health | null;

  @TextField({ max: 5000, optional: true, description: 'The reasons for the health' })
  healthReasons?: string | null;

  @TextField({ max: 10000, optional: true, description: 'What was done in the period' })
  achievements?: string | null;

  @TextField({ max: 5000, optional: true })
  risks?: string | null;

  @TextField({ max: 5000, optional: true })
  nextSteps?: string | null;

  @EnumField(LIFECYCLE_STATUSES, 'LifecycleStatus', {
    optional: true,
    description:
      'The project’s lifecycle stage at the end of the period: set on the project too, by its allowed transitions',
  })
  lifecycleStatus?: LifecycleStatus | null;

  @ApiPropertyOptional({
    type: [CompletedMilestoneInput],
    maxItems: MAX_FORM_ITEMS,
    description: 'Milestones completed in the period: marked done',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FORM_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CompletedMilestoneInput)
  milestonesCompleted?: CompletedMilestoneInput[];

  @ApiPropertyOptional({
    type: [PeriodActualInput],
    maxItems: MAX_FORM_ITEMS,
    description: 'Indicator values of the period',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FORM_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => PeriodActualInput)
  indicatorActuals?: PeriodActualInput[];

  @ApiPropertyOptional({
    type: [PeriodPaymentInput],
    maxItems: MAX_FORM_ITEMS,
    description: 'Payments received in the period: recorded as new payments',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FORM_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => PeriodPaymentInput)
  payments?: PeriodPaymentInput[];
}

/**
 * The one form of a period report: its narrative, the project's stage, milestones completed,
 * indicator values and payments of the period, saved together or not at all. Fields left out keep
 * their values; null clears a narrative field.
 */
export class SavePeriodReportDto extends VersionedDto(PeriodReportFields) {}
