import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages';
import { projectDetailKeys } from './query-keys';

export type FundingDecision = components['schemas']['FundingDecisionResponse'];

/** Every funding decision of the project, earliest decision first. */
export function getFundingDecisions(projectId: string, signal?: AbortSignal): Promise<FundingDecision[]> {
  return fetchAllPages((page, pageSize) =>
    unwrap(
      api.GET('/api/funding-decisions', {
        params: { query: { projectId, page, pageSize, sort: 'decisionDate' } },
        signal,
      }),
    ),
  );
}

export function fundingDecisionsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: projectDetailKeys.fundingDecisions(projectId),
    queryFn: ({ signal }) => getFundingDecisions(projectId, signal),
  });
}

export function useFundingDecisions(projectId: string) {
  return useQuery(fundingDecisionsQueryOptions(projectId));
}
