import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { meQueryOptions } from '../../../lib/session';

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
  indicators: (agreementId: string | undefined) => [...dashboardKeys.all, 'indicators', { agreementId }] as const,
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

/** The dashboard's figures stay fresh for a minute: a report page, not a feed. */
export const DASHBOARD_STALE_TIME = 60_000;

/**
 * The dashboard's figures; while another agreement's load, the previous ones stay on screen
 * (marked busy) rather than the page emptying.
 */
export function useDashboard(filters: DashboardFilters) {
  return useQuery({
    ...dashboardQueryOptions(filters),
    placeholderData: keepPreviousData,
    staleTime: DASHBOARD_STALE_TIME,
  });
}

/**
 * Starts loading the figures before the page renders (the start page's route loader calls it),
 * so the request does not wait for the page's code and first render. Only once the session is
 * known to be signed in: without one, the API's 401 would read as an ended session. The page's
 * own query then finds the figures loading or loaded, and reports any failure itself.
 */
export async function prefetchDashboard(queryClient: QueryClient, filters: DashboardFilters): Promise<void> {
  const me = await queryClient.ensureQueryData(meQueryOptions()).catch(() => null);
  if (me) await queryClient.prefetchQuery({ ...dashboardQueryOptions(filters), staleTime: DASHBOARD_STALE_TIME });
}
