import { MAX_PAGE_SIZE } from '@salkku/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
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

/**
 * Reference lists are short (a few agreements, some areas each, hundreds of organisations); this
 * bounds the pages asked for (20 pages of MAX_PAGE_SIZE).
 */
const MAX_PAGES = 20;

/** Every item of a paged reference list, a page of the largest size at a time. */
export async function allPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}

/** The agreements the user may see (GET /api/agreements), by title: the agreement filter's choices. */
export function getAgreements(signal?: AbortSignal): Promise<Agreement[]> {
  return allPages((page) =>
    unwrap(api.GET('/api/agreements', { params: { query: { page, pageSize: MAX_PAGE_SIZE, sort: 'title' } }, signal })),
  );
}

/** Priority areas (GET /api/priority-areas), of one agreement or of all: the priority area filter's choices. */
export function getPriorityAreas(agreementId: string | undefined, signal?: AbortSignal): Promise<PriorityArea[]> {
  return allPages((page) =>
    unwrap(
      api.GET('/api/priority-areas', {
        params: { query: { page, pageSize: MAX_PAGE_SIZE, sort: 'nameFi', agreementId } },
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
