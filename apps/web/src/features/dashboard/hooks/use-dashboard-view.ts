import { useSearchParams } from 'react-router';
import type { DashboardFilters } from '../api/get-dashboard';

/** The "needs an update" thresholds offered (days); 90 is the API's default. */
export const STALE_CHOICES = [30, 60, 90, 180, 365] as const;
export const DEFAULT_STALE_AFTER_DAYS = 90;

/** The dashboard's view: what it is about, and when a project needs an update. */
export type DashboardView = Required<Pick<DashboardFilters, 'staleAfterDays'>> & DashboardFilters;

/**
 * The view in a dashboard URL's search (?agreementId=&priorityAreaId=&staleAfterDays=): the page
 * reads it, and the start page's route loader reads it to request the same figures early.
 */
export function dashboardViewOf(search: URLSearchParams): DashboardView {
  const stale = Number(search.get('staleAfterDays'));
  return {
    agreementId: search.get('agreementId') || undefined,
    priorityAreaId: search.get('priorityAreaId') || undefined,
    staleAfterDays: (STALE_CHOICES as readonly number[]).includes(stale) ? stale : DEFAULT_STALE_AFTER_DAYS,
  };
}

/** The dashboard's view in the URL, so it can be shared; `change` replaces it. */
export function useDashboardView() {
  const [search, setSearch] = useSearchParams();
  const view = dashboardViewOf(search);
  const change = (next: DashboardFilters) => {
    const params = new URLSearchParams();
    if (next.agreementId) params.set('agreementId', next.agreementId);
    if (next.priorityAreaId) params.set('priorityAreaId', next.priorityAreaId);
    if (next.staleAfterDays && next.staleAfterDays !== DEFAULT_STALE_AFTER_DAYS) {
      params.set('staleAfterDays', String(next.staleAfterDays));
    }
    setSearch(params, { replace: true, preventScrollReset: true });
  };
  return { view, change };
}
