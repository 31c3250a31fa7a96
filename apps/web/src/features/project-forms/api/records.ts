import { queryOptions, useQuery, useQueryClient, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages';
import type { components } from '../../../lib/api/schema';

export type Project = components['schemas']['ProjectDetailResponse'];
export type FundingDecision = components['schemas']['FundingDecisionResponse'];
export type Milestone = components['schemas']['MilestoneResponse'];
export type Payment = components['schemas']['PaymentResponse'];
export type Organisation = components['schemas']['OrganisationResponse'];
export type IndicatorTarget = components['schemas']['IndicatorTargetResponse'];
export type IndicatorActual = components['schemas']['IndicatorActualResponse'];
export type Indicator = components['schemas']['IndicatorResponse'];
export type ProjectIndicatorResults = components['schemas']['ProjectIndicatorResults'];
/** An indicator as the forms name it and read its unit: from the catalogue or from the project's results. */
export type IndicatorChoice = Pick<
  Indicator,
  'id' | 'code' | 'nameFi' | 'nameSv' | 'nameEn' | 'unit' | 'unitName' | 'derivation'
>;

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
  organisations: () => [...projectFormKeys.all, 'organisations'] as const,
  indicatorTarget: (id: string) => [...projectFormKeys.all, 'indicator-target', id] as const,
  indicatorActual: (id: string) => [...projectFormKeys.all, 'indicator-actual', id] as const,
  /** The project's indicators as the forms need them: periodicity, periods, targets and actuals. */
  projectIndicators: (projectId: string) => [...projectFormKeys.all, 'project-indicators', projectId] as const,
  /** The indicators an agreement may use: the common ones and its own. */
  agreementIndicators: (agreementId: string) => [...projectFormKeys.all, 'agreement-indicators', agreementId] as const,
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

export const indicatorTargetOptions = (id: string) =>
  recordOptions(projectFormKeys.indicatorTarget(id), (signal) =>
    unwrap(api.GET('/api/indicator-targets/{id}', { params: { path: { id } }, signal })),
  );

export const indicatorActualOptions = (id: string) =>
  recordOptions(projectFormKeys.indicatorActual(id), (signal) =>
    unwrap(api.GET('/api/indicator-actuals/{id}', { params: { path: { id } }, signal })),
  );

/** The project's indicator results (GET /api/indicator-results/projects/:id), read fresh for a form. */
export const projectIndicatorsOptions = (projectId: string) =>
  recordOptions(projectFormKeys.projectIndicators(projectId), (signal) =>
    unwrap(api.GET('/api/indicator-results/projects/{id}', { params: { path: { id: projectId } }, signal })),
  );

/** Every indicator the agreement may use (common and its own), by code. */
export function agreementIndicatorsOptions(agreementId: string) {
  return queryOptions({
    queryKey: projectFormKeys.agreementIndicators(agreementId),
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/api/indicators', { params: { query: { page, pageSize, agreementId, sort: 'code' } }, signal }),
        ),
      ),
  });
}

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

/** The organisations a lead, partner, funder or recipient is chosen from: all of them, by name. */
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
export const useOrganisations = () => useQuery(organisationsOptions());
export const useIndicatorTargetRecord = (id: string) => useQuery(indicatorTargetOptions(id));
export const useIndicatorActualRecord = (id: string) => useQuery(indicatorActualOptions(id));
export const useProjectIndicatorsRecord = (projectId: string) => useQuery(projectIndicatorsOptions(projectId));
export const useAgreementIndicators = (agreementId: string | undefined) =>
  useQuery({ ...agreementIndicatorsOptions(agreementId ?? ''), enabled: Boolean(agreementId) });
