import {
  HEALTH_VALUES,
  LIFECYCLE_STATUSES,
  PROJECT_KINDS,
  type Health,
  type LifecycleStatus,
  type ProjectKind,
} from '@salkku/shared';
import { PageQuery } from '../../../common/pagination';
import { EnumFilter, IdFilter, SearchText, SortBy } from '../../../common/query-fields';

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
  @SearchText('Free text, case-insensitive, on code or name')
  q?: string;

  @IdFilter('Projects under this agreement (through their priority area)')
  agreementId?: string;

  @IdFilter()
  priorityAreaId?: string;

  @EnumFilter(LIFECYCLE_STATUSES, 'LifecycleStatus')
  lifecycleStatus?: LifecycleStatus;

  @EnumFilter(
    HEALTH_FILTER_VALUES,
    'HealthFilter',
    'Health of the latest status report; "none" for projects without any report',
  )
  health?: HealthFilter;

  @IdFilter()
  leadOrganisationId?: string;

  @EnumFilter(PROJECT_KINDS, 'ProjectKind')
  kind?: ProjectKind;

  @SortBy(
    PROJECT_SORT_KEYS,
    'code',
    'A key, or "-key" for descending; health sorts on_track, at_risk, off_track, then none',
  )
  sort?: string;
}
