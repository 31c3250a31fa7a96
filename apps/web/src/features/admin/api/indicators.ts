import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Unversioned } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { ADMIN_PAGE_SIZE, adminKeys } from './admin';

export type Indicator = components['schemas']['IndicatorResponse'];
export type CreateIndicatorInput = components['schemas']['CreateIndicatorDto'];
export type UpdateIndicatorInput = Unversioned<components['schemas']['UpdateIndicatorDto']>;

/** GET /api/indicators, a page at a time, by code: the catalogue (issue 12). */
export function useIndicators(page: number) {
  return useQuery({
    queryKey: adminKeys.indicators(page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/indicators', { params: { query: { page, pageSize: ADMIN_PAGE_SIZE, sort: 'code' } }, signal }),
      ),
    placeholderData: keepPreviousData,
  });
}

/*
 * Portfolio writes (the default meta): an indicator's name, unit and aggregation show on project
 * pages, the dashboard strip and the reports, so every portfolio view is refetched after each
 * (lib/write-invalidation.ts). A failed update or delete may have raced a change by someone else:
 * the list is refetched then too.
 */

export function useCreateIndicator() {
  return useMutation({
    mutationFn: (body: CreateIndicatorInput) => unwrap(api.POST('/api/indicators', { body })),
  });
}

export function useUpdateIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateIndicatorInput; version: number }) =>
      unwrap(api.PATCH('/api/indicators/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
    onError: () => queryClient.invalidateQueries({ queryKey: adminKeys.allIndicators }),
  });
}

export function useDeleteIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/indicators/{id}', { params: { path: { id }, header: ifMatch(version) } })),
    onError: () => queryClient.invalidateQueries({ queryKey: adminKeys.allIndicators }),
  });
}
