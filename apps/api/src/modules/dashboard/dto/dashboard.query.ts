import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const DEFAULT_DUE_SOON_DAYS = 30;
export const MAX_DUE_SOON_DAYS = 365;
export const DEFAULT_STALE_AFTER_DAYS = 90;
export const MAX_STALE_AFTER_DAYS = 3650;

export class DashboardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this agreement (404 when not in the caller’s scope)' })
  @IsOptional()
  @IsUUID('all')
  agreementId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this priority area (404 when not in scope or not under the given agreement)',
  })
  @IsOptional()
  @IsUUID('all')
  priorityAreaId?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_DUE_SOON_DAYS,
    default: DEFAULT_DUE_SOON_DAYS,
    description: 'Milestones due within this many days from today count as due soon',
  })
  @TransformType(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DUE_SOON_DAYS)
  days: number = DEFAULT_DUE_SOON_DAYS;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_STALE_AFTER_DAYS,
    default: DEFAULT_STALE_AFTER_DAYS,
    description: 'A project needs an update when its latest status report is older than this many days',
  })
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_STALE_AFTER_DAYS)
  staleAfterDays: number = DEFAULT_STALE_AFTER_DAYS;
}
