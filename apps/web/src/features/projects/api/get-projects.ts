import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components, operations } from '../../../lib/api/schema';

export type ProjectSummary = components['schemas']['ProjectSummaryResponse'];
export type ProjectSummaryPage = components['schemas']['ProjectSummaryPage'];
/** Query parameters of GET /api/projects: paging, filters and sort. */
export type ProjectListFilters = NonNullable<operations['Projects_list']['parameters']['query']>;
export type ProjectSort = NonNullable<ProjectListFilters['sort']>;

/**
 * Query keys of the projects feature; mutations invalidate by prefix (`projectKeys.all`).
 * The agreements and priority areas offered as filters are cached under it too.
 */
export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (filters: ProjectListFilters) => [...projectKeys.lists(), filters] as const,
};

export function getProjects(filters: ProjectListFilters, signal?: AbortSignal): Promise<ProjectSummaryPage> {
  return unwrap(api.GET('/api/projects', { params: { query: filters }, signal }));
}

export function projectsQueryOptions(filters: ProjectListFilters) {
  return queryOptions({
    queryKey: projectKeys.list(filters),
    queryFn: ({ signal }) => getProjects(filters, signal),
  });
}

/**
 * One page of projects from the server (it filters, sorts and pages; the app never loads all
 * rows). The previous page stays on screen while the next one loads (isPlaceholderData).
 */
export function useProjects(filters: ProjectListFilters) {
  return useQuery({ ...projectsQueryOptions(filters), placeholderData: keepPreviousData });
}
