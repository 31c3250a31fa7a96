import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

export type Dashboard = components['schemas']['DashboardResponse'];
export type DashboardMilestone = components['schemas']['DashboardMilestone'];
export type FundingByPriorityArea = components['schemas']['FundingByPriorityArea'];
export type FundingByFunder = components['schemas']['FundingByFunder'];

/** What the dashboard is about: an agreement and priority area (none = everything in scope). */
export interface DashboardFilters {
  agreementId?: string;
  priorityAreaId?: string;
  /** A project needs an update when its latest report is older than this many days. */
  staleAfterDays?: number;
}

/** Milestones due within this many days are "due soon" (the 30 days). */
export const DUE_SOON_DAYS = 30;

/** The dashboard feature's query keys: one factory, invalidated by its prefix. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (filters: DashboardFilters) => [...dashboardKeys.all, 'figures', filters] as const,
};

/** GET /api/dashboard: the figures of the chosen agreement and priority area. */
export function getDashboard(filters: DashboardFilters, signal?: AbortSignal): Promise<Dashboard> {
  return unwrap(
    api.GET('/api/dashboard', {
      params: {
        query: {
          agreementId: filters.agreementId,
          priorityAreaId: filters.priorityAreaId,
          staleAfterDays: filters.staleAfterDays,
          days: DUE_SOON_DAYS,
        },
      },
      signal,
    }),
  );
}

export function dashboardQueryOptions(filters: DashboardFilters) {
  return queryOptions({
    queryKey: dashboardKeys.figures(filters),
    queryFn: ({ signal }) => getDashboard(filters, signal),
  });
}

/**
 * The dashboard's figures; while another agreement's load, the previous ones stay on screen
 * (marked busy) rather than the page emptying. Kept fresh for a minute: a report page, not a feed.
 */
export function useDashboard(filters: DashboardFilters) {
  return useQuery({ ...dashboardQueryOptions(filters), placeholderData: keepPreviousData, staleTime: 60_000 });
}
