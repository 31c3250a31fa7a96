import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { projectDetailKeys } from './query-keys';

export type ProjectDetail = components['schemas']['ProjectDetailResponse'];
export type ProjectPartner = components['schemas']['ProjectPartnerResponse'];

export function getProject(projectId: string, signal?: AbortSignal): Promise<ProjectDetail> {
  return unwrap(api.GET('/api/projects/{id}', { params: { path: { id: projectId } }, signal }));
}

/**
 * A project the user cannot see is simply not found (404); an id that is not a UUID at all
 * (a mistyped address) gets a 400, which to the user is the same thing.
 */
export function isProjectNotFound(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED'))
  );
}

export function projectQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: projectDetailKeys.summary(projectId),
    queryFn: ({ signal }) => getProject(projectId, signal),
  });
}

/** The project: summary, partners and funding totals. */
export function useProject(projectId: string) {
  return useQuery(projectQueryOptions(projectId));
}
