import { DEFAULT_PAGE_SIZE, HEALTH_VALUES, LIFECYCLE_STATUSES, PROJECT_KINDS } from '@salkku/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { uuidParam } from '../../../lib/ids';
import type { ProjectListFilters, ProjectSort } from '../api/get-projects';

/** The sort keys of GET /api/projects, each ascending and descending ("-key"). */
export const PROJECT_SORT_KEYS = [
  'code',
  'name',
  'plannedStart',
  'plannedEnd',
  'lifecycleStatus',
  'health',
  'updatedAt',
] as const satisfies readonly Exclude<ProjectSort, `-${string}`>[];
export type ProjectSortKey = (typeof PROJECT_SORT_KEYS)[number];

/** The API's order when none is asked for. */
export const DEFAULT_SORT: ProjectSort = 'code';

export const HEALTH_FILTERS = [...HEALTH_VALUES, 'none'] as const satisfies readonly NonNullable<
  ProjectListFilters['health']
>[];

/** What the list shows: the filters, the order and the page, all of it kept in the URL. */
export interface ProjectListView {
  agreementId?: string;
  priorityAreaId?: string;
  lifecycleStatus?: ProjectListFilters['lifecycleStatus'];
  health?: ProjectListFilters['health'];
  kind?: ProjectListFilters['kind'];
  q?: string;
  sort?: ProjectSort;
  page: number;
}

/** The filters (not the order or the page) of a view: changing any of them starts from page 1. */
export type ProjectListFilterChange = Partial<
  Pick<ProjectListView, 'agreementId' | 'priorityAreaId' | 'lifecycleStatus' | 'health' | 'kind' | 'q'>
>;

/** Longest free text sent; the rest of a pasted essay is not a useful search. */
const MAX_QUERY_LENGTH = 200;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function isSort(value: string | null): value is ProjectSort {
  if (value === null) return false;
  const key = value.startsWith('-') ? value.slice(1) : value;
  return (PROJECT_SORT_KEYS as readonly string[]).includes(key);
}

/**
 * Reads a view from the URL's search part. Whatever is not a valid value (a mistyped link, an
 * old bookmark) is ignored rather than sent to the API, which would refuse the whole request.
 */
export function parseProjectListView(params: URLSearchParams): ProjectListView {
  const q = params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH);
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  return {
    agreementId: uuidParam(params.get('agreementId')),
    priorityAreaId: uuidParam(params.get('priorityAreaId')),
    lifecycleStatus: oneOf(LIFECYCLE_STATUSES, params.get('lifecycleStatus')),
    health: oneOf(HEALTH_FILTERS, params.get('health')),
    kind: oneOf(PROJECT_KINDS, params.get('kind')),
    q: q || undefined,
    sort: isSort(sort) && sort !== DEFAULT_SORT ? sort : undefined,
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** Writes a view as search params, in a fixed order and without defaults, so equal views share a URL. */
export function projectListSearch(view: ProjectListView): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(name, String(value));
  };
  set('agreementId', view.agreementId);
  set('priorityAreaId', view.priorityAreaId);
  set('lifecycleStatus', view.lifecycleStatus);
  set('health', view.health);
  set('kind', view.kind);
  set('q', view.q?.trim());
  set('sort', view.sort === DEFAULT_SORT ? undefined : view.sort);
  set('page', view.page > 1 ? view.page : undefined);
  return params;
}

/** Whether any filter or search narrows the list. */
export function isFiltered(view: ProjectListView): boolean {
  return Boolean(view.agreementId || view.priorityAreaId || view.lifecycleStatus || view.health || view.kind || view.q);
}

/**
 * The projects list's view, read from and written to the URL (useSearchParams): a view can be
 * shared or bookmarked, and back and forward step through the views. Each change is a history
 * entry; a filter or order change returns to page 1.
 */
export function useProjectListView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseProjectListView(searchParams), [searchParams]);

  const go = useCallback((next: ProjectListView) => setSearchParams(projectListSearch(next)), [setSearchParams]);
  const changeFilters = useCallback(
    (change: ProjectListFilterChange) => go({ ...view, ...change, page: 1 }),
    [go, view],
  );
  const changeSort = useCallback((sort: ProjectSort) => go({ ...view, sort, page: 1 }), [go, view]);
  const changePage = useCallback((page: number) => go({ ...view, page }), [go, view]);

  /** The request for this view: the server filters, sorts and pages (absent values are not sent). */
  const request = useMemo<ProjectListFilters>(() => ({ ...view, pageSize: DEFAULT_PAGE_SIZE }), [view]);

  return { view, request, changeFilters, changeSort, changePage };
}
