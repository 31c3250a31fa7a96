import { ApiPropertyOptional } from '@nestjs/swagger';
import { isIsoDate } from '@salkku/shared';
import { Type as TransformType } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { IsCalendarDate, IsNotBefore } from '../../../common/validators';
import { DEFAULT_STALE_AFTER_DAYS, MAX_STALE_AFTER_DAYS } from '../../dashboard/dto/dashboard.query';

/** A report period may span at most this many years (`to` must be before `from` + 10 years). */
export const MAX_PERIOD_YEARS = 10;

/** The same calendar day `years` later (29 February becomes 1 March in a common year). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** Both dates of the period, when both are valid calendar dates (otherwise each field reports itself). */
function periodOf(value: unknown, args: ValidationArguments): { from: string; to: string } | null {
  const from = (args.object as { from?: unknown }).from;
  if (typeof value !== 'string' || typeof from !== 'string' || !isIsoDate(value) || !isIsoDate(from)) return null;
  return { from, to: value };
}

/** The period spans less than MAX_PERIOD_YEARS (field problem `periodTooLong`). */
function IsWithinMaxPeriod(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isWithinMaxPeriod',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [MAX_PERIOD_YEARS],
      options: { ...validationOptions, context: { problem: 'periodTooLong' } },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const period = periodOf(value, args);
          return period === null || period.to < addYears(period.from, MAX_PERIOD_YEARS);
        },
        defaultMessage: (args: ValidationArguments) =>
          `the period may span at most ${MAX_PERIOD_YEARS} years: to must be before ${addYears((args.object as { from: string }).from, MAX_PERIOD_YEARS)}`,
      },
    });
  };
}

/**
 * The period of a report, both days included. Without either, the current calendar year (in
 * SALKKU_TIME_ZONE, Helsinki by default); with only one, the rest of that date's calendar year.
 */
export class ReportPeriodQuery {
  @ApiPropertyOptional({
    type: 'string',
    format: 'date',
    example: '2025-01-01',
    description: 'First day of the period (default: 1 January of the year of `to`, or of the current year)',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    type: 'string',
    format: 'date',
    example: '2025-12-31',
    description: `Last day of the period (default: 31 December of the year of \`from\`, or of the current year); on or after \`from\` and less than ${MAX_PERIOD_YEARS} years after it`,
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  @IsNotBefore('from')
  @IsWithinMaxPeriod()
  to?: string;
}

export class NationalReportQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_STALE_AFTER_DAYS,
    default: DEFAULT_STALE_AFTER_DAYS,
    description:
      'As on the dashboard: a planned, active or on-hold project needs an update when its latest status report is older than this many days (before today), or it has none',
  })
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_STALE_AFTER_DAYS)
  staleAfterDays: number = DEFAULT_STALE_AFTER_DAYS;
}
