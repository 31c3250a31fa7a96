import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  HEALTH_VALUES,
  LIFECYCLE_STATUSES,
  PROJECT_KINDS,
  type Health,
  type LifecycleStatus,
  type ProjectKind,
} from '@salkku/shared';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery, sortValues } from '../../../common/pagination';

export const PROJECT_SORT_KEYS = [
  'code',
  'name',
  'plannedStart',
  'plannedEnd',
  'lifecycleStatus',
  'updatedAt',
  'health',
] as const;

/** Health filter values: a RAG health of the latest report, or "none" for projects without reports. */
export const HEALTH_FILTER_VALUES = [...HEALTH_VALUES, 'none'] as const;
export type HealthFilter = Health | 'none';

export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Free text, case-insensitive, on code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Projects under this agreement (through their priority area)' })
  @IsOptional()
  @IsUUID('all')
  agreementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  priorityAreaId?: string;

  @ApiPropertyOptional({ enum: LIFECYCLE_STATUSES, enumName: 'LifecycleStatus' })
  @IsOptional()
  @IsIn(LIFECYCLE_STATUSES)
  lifecycleStatus?: LifecycleStatus;

  @ApiPropertyOptional({
    enum: HEALTH_FILTER_VALUES,
    enumName: 'HealthFilter',
    description: 'Health of the latest status report; "none" for projects without any report',
  })
  @IsOptional()
  @IsIn(HEALTH_FILTER_VALUES)
  health?: HealthFilter;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  leadOrganisationId?: string;

  @ApiPropertyOptional({ enum: PROJECT_KINDS, enumName: 'ProjectKind' })
  @IsOptional()
  @IsIn(PROJECT_KINDS)
  kind?: ProjectKind;

  @ApiPropertyOptional({
    enum: sortValues(PROJECT_SORT_KEYS),
    default: 'code',
    description: 'A key, or "-key" for descending; health sorts on_track, at_risk, off_track, then none',
  })
  @IsOptional()
  @IsIn(sortValues(PROJECT_SORT_KEYS))
  sort?: string;
}
