import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { REPORT_STALE_TIME, reportKeys } from './get-reports';

export type AgreementIndicatorResults = components['schemas']['AgreementIndicatorResults'];
export type NationalIndicatorResults = components['schemas']['NationalIndicatorResults'];
export type IndicatorResultLine = components['schemas']['IndicatorResultLine'];
export type IndicatorRef = components['schemas']['IndicatorRef'];
export type Enterprise = components['schemas']['Enterprise'];

/** GET /api/indicator-results/agreements/{agreementId}: the agreement's indicators, for it and by priority area. */
export function getAgreementIndicatorResults(
  agreementId: string,
  signal?: AbortSignal,
): Promise<AgreementIndicatorResults> {
  return unwrap(api.GET('/api/indicator-results/agreements/{id}', { params: { path: { id: agreementId } }, signal }));
}

/** GET /api/indicator-results/national: the common indicators of every agreement in the user's scope. */
export function getNationalIndicatorResults(signal?: AbortSignal): Promise<NationalIndicatorResults> {
  return unwrap(api.GET('/api/indicator-results/national', { signal }));
}

export function agreementIndicatorResultsQueryOptions(agreementId: string) {
  return queryOptions({
    queryKey: reportKeys.agreementIndicators(agreementId),
    queryFn: ({ signal }) => getAgreementIndicatorResults(agreementId, signal),
  });
}

export function nationalIndicatorResultsQueryOptions() {
  return queryOptions({
    queryKey: reportKeys.nationalIndicators(),
    queryFn: ({ signal }) => getNationalIndicatorResults(signal),
  });
}

/** A report's indicators load on their own, beside the report's figures (read, printed: five minutes fresh). */
export function useAgreementIndicatorResults(agreementId: string) {
  return useQuery({ ...agreementIndicatorResultsQueryOptions(agreementId), staleTime: REPORT_STALE_TIME });
}

export function useNationalIndicatorResults() {
  return useQuery({ ...nationalIndicatorResultsQueryOptions(), staleTime: REPORT_STALE_TIME });
}
