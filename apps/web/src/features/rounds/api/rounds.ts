import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Unversioned } from '../../../lib/api/client';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages';
import type { components, operations } from '../../../lib/api/schema';

export type Round = components['schemas']['RoundResponse'];
export type RoundPage = components['schemas']['RoundPage'];
export type RoundProgress = components['schemas']['RoundProgress'];
export type PeriodReport = components['schemas']['PeriodReportResponse'];
export type PeriodReportPage = components['schemas']['PeriodReportPage'];
export type PeriodReportStatus = components['schemas']['PeriodReportStatus'];
export type OpenRoundBody = components['schemas']['OpenRoundDto'];
export type UpdateRoundBody = Unversioned<components['schemas']['UpdateRoundDto']>;
export type SavePeriodReportBody = Unversioned<components['schemas']['SavePeriodReportDto']>;
export type FrozenComparison = components['schemas']['FrozenComparisonResponse'];
export type RoundListFilters = NonNullable<operations['ReportingRounds_list']['parameters']['query']>;

/**
 * Query keys of reporting rounds. They start with 'rounds', a portfolio root
 * (lib/write-invalidation.ts): every write refreshes the rounds' progress, and every write here
 * (a save puts a project's stage, milestones, indicator values and payments in one go) refreshes
 * the dashboard, the reports, the projects list and the project page as well.
 */
export const roundKeys = {
  all: ['rounds'] as const,
  lists: () => [...roundKeys.all, 'list'] as const,
  list: (filters: RoundListFilters) => [...roundKeys.lists(), filters] as const,
  detail: (id: string) => [...roundKeys.all, 'detail', id] as const,
  reports: (roundId: string) => [...roundKeys.all, 'reports', roundId] as const,
  report: (id: string) => [...roundKeys.all, 'report', id] as const,
  mine: () => [...roundKeys.all, 'mine'] as const,
  frozen: (id: string) => [...roundKeys.all, 'frozen', id] as const,
  comparison: (id: string) => [...roundKeys.all, 'comparison', id] as const,
  /** What the period report form offers: the project's milestones, decisions, indicators and values of the period. */
  formData: (reportId: string) => [...roundKeys.all, 'form-data', reportId] as const,
};

export function roundsQueryOptions(filters: RoundListFilters) {
  return queryOptions({
    queryKey: roundKeys.list(filters),
    queryFn: ({ signal }) => unwrap(api.GET('/api/reporting-rounds', { params: { query: filters }, signal })),
  });
}

/** A page of rounds (open first, then latest due date first), the previous page kept while the next loads. */
export function useRounds(filters: RoundListFilters) {
  return useQuery({ ...roundsQueryOptions(filters), placeholderData: keepPreviousData });
}

/** The open rounds the user may see (at most 100): the start page's progress. */
export function useOpenRounds() {
  return useQuery(roundsQueryOptions({ open: true, pageSize: 100 }));
}

export function roundQueryOptions(id: string) {
  return queryOptions({
    queryKey: roundKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/reporting-rounds/{id}', { params: { path: { id } }, signal })),
  });
}

export function useRound(id: string) {
  return useQuery(roundQueryOptions(id));
}

/** Every period report of a round, by project code. */
export function useRoundReports(roundId: string) {
  return useQuery({
    queryKey: roundKeys.reports(roundId),
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) =>
        unwrap(api.GET('/api/period-reports', { params: { query: { roundId, page, pageSize } }, signal })),
      ),
  });
}

/** A period report, read fresh (staleTime 0): a coordinator edits what the server has now. */
export function periodReportQueryOptions(id: string) {
  return queryOptions({
    queryKey: roundKeys.report(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/period-reports/{id}', { params: { path: { id } }, signal })),
    staleTime: 0,
  });
}

export function usePeriodReport(id: string) {
  return useQuery(periodReportQueryOptions(id));
}

/** What the user's city owes: owed, draft and returned reports of open rounds, earliest due first. */
export function useMyReports() {
  return useQuery({
    queryKey: roundKeys.mine(),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/period-reports/mine', { params: { query: { page: 1, pageSize: 100 } }, signal })),
  });
}

/**
 * The frozen report of a closed round, exactly as stored. The API describes it only as a JSON
 * object (its shape is `FrozenDocument` of the API's frozen-document.ts); the page reads its known
 * parts through `readFrozen` and never trusts the rest.
 */
export function useFrozenReport(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: roundKeys.frozen(roundId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/reporting-rounds/{id}/frozen', { params: { path: { id: roundId } }, signal })),
    enabled,
    // Frozen: it never changes.
    staleTime: Infinity,
  });
}

export function useFrozenComparison(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: roundKeys.comparison(roundId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/reporting-rounds/{id}/frozen/comparison', { params: { path: { id: roundId } }, signal })),
    enabled,
  });
}

/** Opens a round: writes an owed report for each project (a portfolio write: progress, flags and the start page change). */
export function useOpenRound() {
  return useMutation({
    mutationFn: ({ body }: { body: OpenRoundBody }) => unwrap(api.POST('/api/reporting-rounds', { body })),
  });
}

export function useUpdateRound() {
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateRoundBody; version?: number }) =>
      unwrap(
        api.PATCH('/api/reporting-rounds/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body: body,
        }),
      ),
  });
}

export function useCloseRound() {
  return useMutation({
    mutationFn: ({ id, acceptMissing, version }: { id: string; acceptMissing?: boolean; version?: number }) =>
      unwrap(
        api.POST('/api/reporting-rounds/{id}/close', {
          params: { path: { id }, header: ifMatch(version) },
          body: { acceptMissing: acceptMissing ?? false },
        }),
      ),
  });
}

/** Saves the whole period report form in one request (its stage, milestones, values and payments too). */
export function useSavePeriodReport() {
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: SavePeriodReportBody; version?: number }) =>
      unwrap(
        api.PATCH('/api/period-reports/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body: body,
        }),
      ),
  });
}

export type ReportStep = 'submit' | 'approve' | 'return';

/** Submits, approves or returns (with a comment) a period report, on the version read. */
export function useReportStep() {
  return useMutation({
    mutationFn: ({
      id,
      step,
      comment,
      version,
    }: {
      id: string;
      step?: ReportStep;
      comment?: string;
      version?: number;
    }) => {
      const params = { path: { id }, header: ifMatch(version) };
      if (step === 'return') {
        return unwrap(
          api.POST('/api/period-reports/{id}/return', {
            params,
            body: { comment: comment ?? '' },
          }),
        );
      }
      if (step === 'approve') {
        return unwrap(
          api.POST('/api/period-reports/{id}/approve', {
            params,
            body: {},
          }),
        );
      }
      return unwrap(api.POST('/api/period-reports/{id}/submit', { params, body: {} }));
    },
  });
}

/** The projects of an agreement (by code), to choose those that owe a report when not the API's default. */
export function useAgreementProjects(agreementId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...roundKeys.all, 'agreement-projects', agreementId] as const,
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) =>
        unwrap(api.GET('/api/projects', { params: { query: { agreementId, page, pageSize, sort: 'code' } }, signal })),
      ),
    enabled: enabled && agreementId !== '',
  });
}
