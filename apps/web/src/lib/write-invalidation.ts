import type { QueryClient } from '@tanstack/react-query';

/**
 * The one place that knows which cached queries a write can make stale. Every write of the web app
 * is a TanStack mutation; the app's MutationCache (lib/query-client.ts) calls `invalidateAfterWrite`
 * after each successful one with the mutation's `meta.writes`, so no mutation can forget a view.
 *
 * A portfolio write (a project, decision, payment, milestone, status report, organisation or user;
 * an indicator of the catalogue, a target or an actual: names and figures of all of them show up on
 * the dashboard, in reports, in lists, on the project page and in its history) marks every
 * portfolio-derived query stale. Over-invalidating costs a
 * few refetches of data on screen; forgetting one shows a coordinator their old totals.
 */
export type WriteKind =
  /** Changes portfolio data: every query under PORTFOLIO_QUERY_ROOTS is refetched (the default). */
  | 'portfolio'
  /** Changes nothing any portfolio view shows (the session, a password, the accessibility contact): the mutation updates the cache itself. */
  | 'none';

/**
 * First elements of the query keys of everything that shows portfolio data. Each feature's key
 * factory starts with one of these (write-invalidation.test.tsx checks every factory):
 * projects (list, project page and history, the forms' records), dashboard, reports (national and
 * agreement), portfolio-choices (agreement and priority-area choices), admin (users, organisations) and
 * rounds (reporting rounds, their progress, period reports and what a city owes).
 */
export const PORTFOLIO_QUERY_ROOTS = [
  'projects',
  'dashboard',
  'reports',
  'portfolio-choices',
  'admin',
  'rounds',
] as const;
export type PortfolioQueryRoot = (typeof PORTFOLIO_QUERY_ROOTS)[number];

const ROOTS: ReadonlySet<unknown> = new Set(PORTFOLIO_QUERY_ROOTS);

/** Is this query's data derived from the portfolio (stale after any portfolio write)? */
export function isPortfolioQueryKey(queryKey: readonly unknown[]): boolean {
  return ROOTS.has(queryKey[0]);
}

/**
 * Marks the queries a write of `kind` can change as stale: the ones on screen refetch now (awaited,
 * so a form navigates to fresh figures), the others when they are next shown.
 */
export async function invalidateAfterWrite(queryClient: QueryClient, kind: WriteKind = 'portfolio'): Promise<void> {
  if (kind === 'none') return;
  await queryClient.invalidateQueries({ predicate: (query) => isPortfolioQueryKey(query.queryKey) });
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** What the write changes (lib/write-invalidation.ts); a portfolio write when absent. */
      writes?: WriteKind;
      /** Sign-in's 401 (wrong password) is an answer, not an ended session. */
      unauthenticatedIsAnAnswer?: boolean;
    };
  }
}
