import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { fetchAllPages } from './fetch-all-pages';
import type { components } from './schema';

/**
 * The agreements and priority areas a user may choose from: the selectors of the dashboard and of
 * the projects list share these queries (and their cache).
 */
export const portfolioChoiceKeys = {
  all: ['portfolio-choices'] as const,
  agreements: () => [...portfolioChoiceKeys.all, 'agreements'] as const,
  priorityAreas: (agreementId: string | undefined) =>
    [...portfolioChoiceKeys.all, 'priority-areas', agreementId ?? null] as const,
};

export type Agreement = components['schemas']['AgreementResponse'];
export type PriorityArea = components['schemas']['PriorityAreaResponse'];

/** The agreements the user may see (GET /api/agreements), by title: the agreement filter's choices. */
export function getAgreements(signal?: AbortSignal): Promise<Agreement[]> {
  return fetchAllPages((page, pageSize) =>
    unwrap(api.GET('/api/agreements', { params: { query: { page, pageSize, sort: 'title' } }, signal })),
  );
}

/** Priority areas (GET /api/priority-areas), of one agreement or of all: the priority area filter's choices. */
export function getPriorityAreas(agreementId: string | undefined, signal?: AbortSignal): Promise<PriorityArea[]> {
  return fetchAllPages((page, pageSize) =>
    unwrap(
      api.GET('/api/priority-areas', {
        params: { query: { page, pageSize, sort: 'nameFi', agreementId } },
        signal,
      }),
    ),
  );
}

export function agreementsQueryOptions() {
  return queryOptions({ queryKey: portfolioChoiceKeys.agreements(), queryFn: ({ signal }) => getAgreements(signal) });
}

export function priorityAreasQueryOptions(agreementId: string | undefined) {
  return queryOptions({
    queryKey: portfolioChoiceKeys.priorityAreas(agreementId),
    queryFn: ({ signal }) => getPriorityAreas(agreementId, signal),
  });
}

/** Agreements rarely change: kept fresh for the session's page views (5 min). */
export function useAgreements() {
  return useQuery({ ...agreementsQueryOptions(), staleTime: 5 * 60_000 });
}

/** The priority areas of the chosen agreement, or of every agreement when none is chosen. */
export function usePriorityAreas(agreementId: string | undefined) {
  return useQuery({ ...priorityAreasQueryOptions(agreementId), staleTime: 5 * 60_000 });
}
