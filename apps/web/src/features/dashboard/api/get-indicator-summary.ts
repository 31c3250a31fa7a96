import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { DASHBOARD_STALE_TIME, dashboardKeys } from './get-dashboard';

export type IndicatorSummary = components['schemas']['IndicatorSummary'];
export type IndicatorSummaryAgreement = IndicatorSummary['agreements'][number];

/** GET /api/indicator-results/summary: the key indicators of every agreement in scope (or of one). */
export function getIndicatorSummary(agreementId: string | undefined, signal?: AbortSignal): Promise<IndicatorSummary> {
  return unwrap(api.GET('/api/indicator-results/summary', { params: { query: { agreementId } }, signal }));
}

export function indicatorSummaryQueryOptions(agreementId: string | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.indicators(agreementId),
    queryFn: ({ signal }) => getIndicatorSummary(agreementId, signal),
  });
}

/**
 * The dashboard's indicator strip: its own query, asked for when the page renders and not by the
 * start page's loader, so the figures of the first charts never wait for it.
 */
export function useIndicatorSummary(agreementId: string | undefined) {
  return useQuery({
    ...indicatorSummaryQueryOptions(agreementId),
    placeholderData: keepPreviousData,
    staleTime: DASHBOARD_STALE_TIME,
  });
}
