import { MAX_PAGE_SIZE } from '@salkku/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { dashboardKeys } from './get-dashboard';

export type Agreement = components['schemas']['AgreementResponse'];
export type PriorityArea = components['schemas']['PriorityAreaResponse'];

/** Reference lists are short (a few agreements, some areas each); this bounds the pages asked for. */
const MAX_PAGES = 20;

async function allPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}

/** The agreements the user may see, by title: the agreement selector's choices. */
export function agreementsQueryOptions() {
  return queryOptions({
    queryKey: dashboardKeys.agreements(),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          api.GET('/api/agreements', { params: { query: { page, pageSize: MAX_PAGE_SIZE, sort: 'title' } }, signal }),
        ),
      ),
  });
}

/** The priority areas of one agreement (or of all): the priority area selector's choices. */
export function priorityAreasQueryOptions(agreementId: string | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.priorityAreas(agreementId),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          api.GET('/api/priority-areas', {
            params: { query: { page, pageSize: MAX_PAGE_SIZE, sort: 'nameFi', agreementId } },
            signal,
          }),
        ),
      ),
  });
}

export function useAgreements() {
  return useQuery({ ...agreementsQueryOptions(), staleTime: 5 * 60_000 });
}

export function usePriorityAreas(agreementId: string | undefined) {
  return useQuery({ ...priorityAreasQueryOptions(agreementId), staleTime: 5 * 60_000 });
}
