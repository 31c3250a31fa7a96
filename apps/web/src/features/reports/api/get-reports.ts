import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import type { Period } from '../lib/period';

export type AgreementReport = components['schemas']['AgreementReportResponse'];
export type NationalReport = components['schemas']['NationalReportResponse'];
export type NationalReportRow = components['schemas']['NationalReportRow'];
export type ReportFundingTable = components['schemas']['ReportFundingTable'];
export type ReportFundingFigures = components['schemas']['ReportFundingFigures'];
export type ReportMilestone = components['schemas']['ReportMilestone'];
export type ReportPriorityArea = components['schemas']['ReportPriorityArea'];
export type HealthCount = components['schemas']['HealthCount'];

/** The reports feature's query keys: one factory, invalidated by its prefix. */
export const reportKeys = {
  all: ['reports'] as const,
  national: (period: Period) => [...reportKeys.all, 'national', period] as const,
  agreement: (agreementId: string, period: Period) => [...reportKeys.all, 'agreement', agreementId, period] as const,
  /** Indicator results: not by the report's period (they cover every reporting period). */
  agreementIndicators: (agreementId: string) => [...reportKeys.all, 'indicators', 'agreement', agreementId] as const,
  nationalIndicators: () => [...reportKeys.all, 'indicators', 'national'] as const,
};

/** GET /api/reports/national: every agreement in the user's scope over the period. */
export function getNationalReport(period: Period, signal?: AbortSignal): Promise<NationalReport> {
  return unwrap(api.GET('/api/reports/national', { params: { query: { from: period.from, to: period.to } }, signal }));
}

/** GET /api/reports/agreements/{id}: one agreement's portfolio report over the period. */
export function getAgreementReport(
  agreementId: string,
  period: Period,
  signal?: AbortSignal,
): Promise<AgreementReport> {
  return unwrap(
    api.GET('/api/reports/agreements/{id}', {
      params: { path: { id: agreementId }, query: { from: period.from, to: period.to } },
      signal,
    }),
  );
}

export function nationalReportQueryOptions(period: Period) {
  return queryOptions({
    queryKey: reportKeys.national(period),
    queryFn: ({ signal }) => getNationalReport(period, signal),
  });
}

export function agreementReportQueryOptions(agreementId: string, period: Period) {
  return queryOptions({
    queryKey: reportKeys.agreement(agreementId, period),
    queryFn: ({ signal }) => getAgreementReport(agreementId, period, signal),
  });
}

/*
 * Reports are read, printed and compared, not watched: five minutes fresh, and the previous
 * period's figures stay on screen (marked busy) while another period's load.
 */
export const REPORT_STALE_TIME = 5 * 60_000;

export function useNationalReport(period: Period) {
  return useQuery({
    ...nationalReportQueryOptions(period),
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE_TIME,
  });
}

export function useAgreementReport(agreementId: string, period: Period) {
  return useQuery({
    ...agreementReportQueryOptions(agreementId, period),
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE_TIME,
  });
}
