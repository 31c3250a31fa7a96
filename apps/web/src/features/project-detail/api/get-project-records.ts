import { queryOptions, useQuery, type QueryKey } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { fetchAllPages, type Page } from '../../../lib/api/fetch-all-pages';
import type { components } from '../../../lib/api/schema';
import { projectDetailKeys } from './query-keys';

export type FundingDecision = components['schemas']['FundingDecisionResponse'];
export type Payment = components['schemas']['PaymentResponse'];
export type Milestone = components['schemas']['MilestoneResponse'];
export type StatusReport = components['schemas']['StatusReportResponse'];
export type Participant = components['schemas']['ParticipantResponse'];

/** One of the project's lists: every page of it (lib/api/fetch-all-pages.ts) under the project page's key. */
function projectListOptions<T>(
  queryKey: QueryKey,
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<Page<T>>,
) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchAllPages((page, pageSize) => fetchPage(page, pageSize, signal)),
  });
}

/** Every funding decision of the project, earliest decision first. */
export function fundingDecisionsQueryOptions(projectId: string) {
  return projectListOptions(projectDetailKeys.fundingDecisions(projectId), (page, pageSize, signal) =>
    unwrap(
      api.GET('/api/funding-decisions', {
        params: { query: { projectId, page, pageSize, sort: 'decisionDate' } },
        signal,
      }),
    ),
  );
}

/** Every payment under the project's funding decisions, earliest first. */
export function paymentsQueryOptions(projectId: string) {
  return projectListOptions(projectDetailKeys.payments(projectId), (page, pageSize, signal) =>
    unwrap(api.GET('/api/payments', { params: { query: { projectId, page, pageSize, sort: 'paidOn' } }, signal })),
  );
}

/** Every milestone of the project by due date. */
export function milestonesQueryOptions(projectId: string) {
  return projectListOptions(projectDetailKeys.milestones(projectId), (page, pageSize, signal) =>
    unwrap(api.GET('/api/milestones', { params: { query: { projectId, page, pageSize, sort: 'dueDate' } }, signal })),
  );
}

/** Every status report of the project, newest first (the API's default order: by reporting date, then by when written). */
export function statusReportsQueryOptions(projectId: string) {
  return projectListOptions(projectDetailKeys.statusReports(projectId), (page, pageSize, signal) =>
    unwrap(api.GET('/api/status-reports', { params: { query: { projectId, page, pageSize } }, signal })),
  );
}

/** Every participant of the project (the participant register), by the organisation's name. */
export function participantsQueryOptions(projectId: string) {
  return projectListOptions(projectDetailKeys.participants(projectId), (page, pageSize, signal) =>
    unwrap(
      api.GET('/api/participants', { params: { query: { projectId, page, pageSize, sort: 'organisation' } }, signal }),
    ),
  );
}

export const useFundingDecisions = (projectId: string) => useQuery(fundingDecisionsQueryOptions(projectId));
export const usePayments = (projectId: string) => useQuery(paymentsQueryOptions(projectId));
export const useMilestones = (projectId: string) => useQuery(milestonesQueryOptions(projectId));
export const useStatusReports = (projectId: string) => useQuery(statusReportsQueryOptions(projectId));
export const useParticipants = (projectId: string) => useQuery(participantsQueryOptions(projectId));
