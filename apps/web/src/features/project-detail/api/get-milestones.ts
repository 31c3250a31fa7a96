import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages';
import { projectDetailKeys } from './query-keys';

export type Milestone = components['schemas']['MilestoneResponse'];

/** Every milestone of the project by due date. */
export function getMilestones(projectId: string, signal?: AbortSignal): Promise<Milestone[]> {
  return fetchAllPages((page, pageSize) =>
    unwrap(api.GET('/api/milestones', { params: { query: { projectId, page, pageSize, sort: 'dueDate' } }, signal })),
  );
}

export function milestonesQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: projectDetailKeys.milestones(projectId),
    queryFn: ({ signal }) => getMilestones(projectId, signal),
  });
}

export function useMilestones(projectId: string) {
  return useQuery(milestonesQueryOptions(projectId));
}
