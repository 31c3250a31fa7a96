import { ApiPropertyOptional } from '@nestjs/swagger';
import { HEALTH_VALUES, type Health } from '@salkku/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQuery, sortValues, queryBoolean } from '../../../common/pagination';
import { IsCalendarDate, IsNotBefore } from '../../../common/validators';

export const STATUS_REPORT_SORT_KEYS = ['reportingDate', 'createdAt', 'health'] as const;

export class ListStatusReportsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Reports on the agreement's projects (through the priority area)",
  })
  @IsOptional()
  @IsUUID('all')
  agreementId?: string;

  @ApiPropertyOptional({
    enum: HEALTH_VALUES,
    enumName: 'Health',
    description: 'With latestOnly: projects whose latest report has this health',
  })
  @IsOptional()
  @IsIn(HEALTH_VALUES)
  health?: Health;

  @ApiPropertyOptional({ type: 'string', format: 'date', description: 'Reporting date on or after this date' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  reportedFrom?: string;

  @ApiPropertyOptional({
    type: 'string',
    format: 'date',
    description: 'Reporting date on or before this date (with latestOnly: the latest report as of this date)',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  @IsNotBefore('reportedFrom')
  reportedTo?: string;

  @ApiPropertyOptional({
    type: 'boolean',
    default: false,
    description:
      "Only each project's latest report (latest reporting date, then latest created) within the date range; " +
      'the health filter then applies to that latest report',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'latestOnly must be true or false' })
  latestOnly?: boolean;

  @ApiPropertyOptional({
    enum: sortValues(STATUS_REPORT_SORT_KEYS),
    default: '-reportingDate',
    description: 'Newest first by default; equal reporting dates are ordered by creation time',
  })
  @IsOptional()
  @IsIn(sortValues(STATUS_REPORT_SORT_KEYS))
  sort?: string;
}
