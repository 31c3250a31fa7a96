import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { projectDetailKeys } from './query-keys';

export type ProjectIndicators = components['schemas']['ProjectIndicatorResults'];
export type ProjectIndicator = ProjectIndicators['indicators'][number];

/**
 * The project's indicators against their targets (GET /api/indicator-results/projects/:id): those
 * with a target or an actual, and every derived one, each with its values by period, value to
 * date, achievement and pace computed by the API with the shared rules. Under the project page's
 * key, so every portfolio write (a target, an actual, a participant) refetches it.
 */
export function projectIndicatorsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: projectDetailKeys.indicators(projectId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/indicator-results/projects/{id}', { params: { path: { id: projectId } }, signal })),
  });
}

export const useProjectIndicators = (projectId: string) => useQuery(projectIndicatorsQueryOptions(projectId));
