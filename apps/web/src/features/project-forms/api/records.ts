import { queryOptions, useQuery, useQueryClient, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages';
import type { components } from '../../../lib/api/schema';

export type Project = components['schemas']['ProjectDetailResponse'];
export type FundingDecision = components['schemas']['FundingDecisionResponse'];
export type Milestone = components['schemas']['MilestoneResponse'];
export type Payment = components['schemas']['PaymentResponse'];
export type Organisation = components['schemas']['OrganisationResponse'];
export type Participant = components['schemas']['ParticipantResponse'];

/**
 * Query keys of the forms. They start with 'projects', a portfolio root (lib/write-invalidation.ts),
 * so saving anything also refreshes the records a form loaded. A form reads its record fresh
 * (staleTime 0): a coordinator edits what the server has now, not what a list showed minutes ago.
 */
export const projectFormKeys = {
  all: ['projects', 'forms'] as const,
  project: (id: string) => [...projectFormKeys.all, 'project', id] as const,
  decision: (id: string) => [...projectFormKeys.all, 'funding-decision', id] as const,
  milestone: (id: string) => [...projectFormKeys.all, 'milestone', id] as const,
  payment: (id: string) => [...projectFormKeys.all, 'payment', id] as const,
  participant: (id: string) => [...projectFormKeys.all, 'participant', id] as const,
  organisations: () => [...projectFormKeys.all, 'organisations'] as const,
};

/** A record a form edits, read fresh (staleTime 0) under the forms' key. */
function recordOptions<T>(queryKey: QueryKey, read: (signal: AbortSignal) => Promise<T>) {
  return queryOptions({ queryKey, queryFn: ({ signal }) => read(signal), staleTime: 0 });
}

export const projectOptions = (id: string) =>
  recordOptions(projectFormKeys.project(id), (signal) =>
    unwrap(api.GET('/api/projects/{id}', { params: { path: { id } }, signal })),
  );

export const decisionOptions = (id: string) =>
  recordOptions(projectFormKeys.decision(id), (signal) =>
    unwrap(api.GET('/api/funding-decisions/{id}', { params: { path: { id } }, signal })),
  );

export const milestoneOptions = (id: string) =>
  recordOptions(projectFormKeys.milestone(id), (signal) =>
    unwrap(api.GET('/api/milestones/{id}', { params: { path: { id } }, signal })),
  );

export const paymentOptions = (id: string) =>
  recordOptions(projectFormKeys.payment(id), (signal) =>
    unwrap(api.GET('/api/payments/{id}', { params: { path: { id } }, signal })),
  );

export const participantOptions = (id: string) =>
  recordOptions(projectFormKeys.participant(id), (signal) =>
    unwrap(api.GET('/api/participants/{id}', { params: { path: { id } }, signal })),
  );

/**
 * A form's `reload` after a version conflict: reads the record again from the server and gives
 * it as the form shows it, with its version.
 */
export function useLatestRecord() {
  const queryClient = useQueryClient();
  return async <T extends { version: number }, K extends QueryKey, V>(
    options: FetchQueryOptions<T, Error, T, K>,
    valuesOf: (record: T) => V,
  ) => {
    const latest = await queryClient.fetchQuery({ ...options, staleTime: 0 });
    return { values: valuesOf(latest), version: latest.version };
  };
}

/** The organisations a lead, partner, participant, funder or recipient is chosen from: all of them, by name. */
export function organisationsOptions() {
  return queryOptions({
    queryKey: projectFormKeys.organisations(),
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) =>
        unwrap(api.GET('/api/organisations', { params: { query: { page, pageSize, sort: 'name' } }, signal })),
      ),
  });
}

/** The project a form edits or belongs to; `enabled` false for a new project's form (no project yet). */
export const useProjectRecord = (id: string, enabled = true) => useQuery({ ...projectOptions(id), enabled });
export const useDecisionRecord = (id: string) => useQuery(decisionOptions(id));
export const useMilestoneRecord = (id: string) => useQuery(milestoneOptions(id));
export const usePaymentRecord = (id: string) => useQuery(paymentOptions(id));
export const useParticipantRecord = (id: string) => useQuery(participantOptions(id));
export const useOrganisations = () => useQuery(organisationsOptions());
