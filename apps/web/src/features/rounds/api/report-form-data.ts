import { periodBounds } from '@salkku/shared';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages';
import type { components } from '../../../lib/api/schema';
import { roundKeys, type PeriodReport } from './rounds';

export type ReportProject = components['schemas']['ProjectDetailResponse'];
export type ReportMilestone = components['schemas']['MilestoneResponse'];
export type ReportDecision = components['schemas']['FundingDecisionResponse'];
export type ReportPayment = components['schemas']['PaymentResponse'];
export type ReportIndicator = components['schemas']['IndicatorResponse'];
export type ReportActual = components['schemas']['IndicatorActualResponse'];

/**
 * What the period report form shows beside the report itself, read fresh (staleTime 0) under the
 * rounds' key root, so a save refreshes them: the project (its stage and allowed changes), its
 * milestones, its funding decisions and the payments already recorded in the period, the typed-in
 * indicators its agreement uses and the project's values of the period.
 */
export function useReportFormData(report: PeriodReport | undefined) {
  const enabled = report !== undefined;
  const reportId = report?.id ?? '';
  const projectId = report?.project.id ?? '';
  const agreementId = report?.round.agreementId ?? '';
  const period = report?.round.period ?? '';
  const key = (part: string) => [...roundKeys.formData(reportId), part] as const;
  const project = useQuery({
    queryKey: key('project'),
    queryFn: ({ signal }) => unwrap(api.GET('/api/projects/{id}', { params: { path: { id: projectId } }, signal })),
    enabled,
    staleTime: 0,
  });
  const milestones = useQuery({
    queryKey: key('milestones'),
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/api/milestones', { params: { query: { projectId, page, pageSize, sort: 'dueDate' } }, signal }),
        ),
      ),
    enabled,
    staleTime: 0,
  });
  const decisions = useQuery({
    queryKey: key('decisions'),
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/api/funding-decisions', {
            params: { query: { projectId, page, pageSize, sort: 'decisionDate' } },
            signal,
          }),
        ),
      ),
    enabled,
    staleTime: 0,
  });
  const payments = useQuery({
    queryKey: key('payments'),
    queryFn: ({ signal }) => {
      const { from, to } = periodBounds(period);
      return fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/api/payments', {
            params: { query: { projectId, paidFrom: from, paidTo: to, page, pageSize, sort: 'paidOn' } },
            signal,
          }),
        ),
      );
    },
    enabled,
    staleTime: 0,
  });
  const indicators = useQuery({
    queryKey: key('indicators'),
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/api/indicators', { params: { query: { agreementId, page, pageSize, sort: 'code' } }, signal }),
        ),
      ),
    enabled,
    staleTime: 0,
    // Only typed-in indicators take values; derived ones are computed from the participants.
    select: (items) => items.filter((indicator) => indicator.derivation === null),
  });
  const actuals = useQuery({
    queryKey: key('actuals'),
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) =>
        unwrap(api.GET('/api/indicator-actuals', { params: { query: { projectId, period, page, pageSize } }, signal })),
      ),
    enabled,
    staleTime: 0,
  });
  const parts = [project, milestones, decisions, payments, indicators, actuals];
  return {
    project: project.data,
    milestones: milestones.data,
    decisions: decisions.data,
    payments: payments.data,
    indicators: indicators.data,
    actuals: actuals.data,
    isLoading: parts.some((part) => part.isPending && part.fetchStatus !== 'idle'),
    isError: parts.some((part) => part.isError),
    refetch: () => Promise.all(parts.map((part) => part.refetch())),
  };
}
