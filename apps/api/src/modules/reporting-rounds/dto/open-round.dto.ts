import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_REMINDER_DAYS_BEFORE, MAX_REMINDER_DAYS_BEFORE } from '@salkku/shared';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsoDateField, ReportingPeriodField, TextField, UuidField } from '../../../common/validators';

/** At most this many projects named when opening a round. */
export const MAX_ROUND_PROJECTS = 1000;

export class OpenRoundDto {
  @UuidField({ description: 'The agreement whose projects report' })
  agreementId: string;

  @ReportingPeriodField({
    description:
      'The period reported on, of the agreement’s reporting periodicity (a year "2025" or a half-year "2025-H1"); ' +
      'not after the current period. One round per agreement and period.',
  })
  period: string;

  @IsoDateField({ description: 'When the reports are due' })
  dueDate: string;

  @TextField({ max: 5000, optional: true, description: 'Instructions shown with the round and in its notices' })
  instructions?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_REMINDER_DAYS_BEFORE,
    default: DEFAULT_REMINDER_DAYS_BEFORE,
    description: 'Days before the due date that the reminder goes out',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REMINDER_DAYS_BEFORE)
  reminderDaysBefore?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_ROUND_PROJECTS,
    description:
      'The projects that owe a report (each of the agreement). Default: every project active in the period — ' +
      'planned, active or on hold, and whose planned dates (when given) overlap the period.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ROUND_PROJECTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  projectIds?: string[];
}
