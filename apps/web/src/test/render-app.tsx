import type { Language } from '@salkku/shared';
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App } from '../app/App';
import { createRoutes } from '../app/router';
import type { Me } from '../lib/session';
import { testI18n } from './i18n';
import { createQueryClient } from '../lib/query-client';

export interface RenderAppOptions {
  /** Finnish unless given; 'remembered' starts as the app does, from localStorage. */
  language?: Language | 'remembered';
  /** The URL the app opens at (path and search), as if typed in the address bar: '/' unless given. */
  url?: string;
}

/**
 * Renders the whole app as main.tsx does, with a fresh QueryClient, i18n instance and router per
 * call. The router is a memory router with the app's routes, starting at `url`; its
 * `state.location` tells where the app is (see `currentUrl`). The app's own query defaults
 * apply, except that failed requests are not retried (a retry waits seconds; the retry policy has
 * its own test).
 */
export function renderApp({ language = 'fi', url = '/' }: RenderAppOptions = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const i18n = language === 'remembered' ? testI18n() : testI18n(language);
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const utils = render(<App queryClient={queryClient} i18n={i18n} router={router} />);
  return { ...utils, queryClient, i18n, router };
}

/** Where a rendered app is: the path and search of its router's location ("/projects?page=2"). */
export function currentUrl(router: ReturnType<typeof renderApp>['router']): string {
  const { pathname, search } = router.state.location;
  return `${pathname}${search}`;
}

/** A Fetch API response with a JSON body, as the API sends it. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Replaces the global fetch (jsdom has none) with a mock answering each Request with `answer`. */
export function mockFetch(answer: (request: Request) => Response | Promise<Response>) {
  const fetchMock = jest.fn((input: RequestInfo | URL) => {
    if (!(input instanceof Request)) throw new Error('The API client calls fetch with a Request');
    return Promise.resolve(answer(input));
  });
  globalThis.fetch = fetchMock;
  return fetchMock;
}

/** Requests the mock received for a path (and method), in order. */
export function requestsTo(fetchMock: ReturnType<typeof mockFetch>, pathname: string, method = 'GET'): Request[] {
  return fetchMock.mock.calls
    .map(([request]) => request)
    .filter(
      (request): request is Request =>
        request instanceof Request && new URL(request.url).pathname === pathname && request.method === method,
    );
}

/** A signed-in coordinator of Kuopio, as GET /api/me and POST /api/auth/login answer. */
export function signedInMe(overrides: { user?: Partial<Me['user']>; csrfToken?: string } = {}): Me {
  return {
    user: {
      id: 'e5f6a7b8-0000-4000-8000-000000000001',
      email: 'koordinaattori@kuopio.example',
      displayName: 'Kaisa Koordinaattori',
      role: 'coordinator',
      language: 'fi',
      mailDigest: true,
      organisation: { id: 'c1e2f3a4-0000-4000-8000-0000000000c1', name: 'Kuopion kaupunki' },
      ...overrides.user,
    },
    permissions: ['portfolio:read', 'portfolio:write', 'organisations:read'],
    cityId: 'c1e2f3a4-0000-4000-8000-0000000000c1',
    csrfToken: overrides.csrfToken ?? 'csrf-token-from-me',
  };
}

/** The API's 401 for a request without a live session. */
export function unauthenticatedResponse(): Response {
  return jsonResponse({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in first' }, 401);
}

/** Answers GET /api/me with a signed-in user (the session exists) and every other request with `answer`. */
export function withSession(
  answer: (request: Request) => Response | Promise<Response>,
  me: Me = signedInMe(),
): (request: Request) => Response | Promise<Response> {
  return (request) => (new URL(request.url).pathname === '/api/me' ? jsonResponse(me) : answer(request));
}

/** GET /api/dashboard of an empty portfolio: for tests that pass through the start page (the dashboard). */
export function emptyDashboardResponse(): Response {
  return jsonResponse({
    headline: {
      activeProjects: 0,
      atRisk: 0,
      offTrack: 0,
      funding: { granted: '0.00', paid: '0.00', remaining: '0.00', unknownAmounts: 0 },
      overdueMilestones: 0,
      milestonesDueSoon: 0,
      reportsOutstanding: 0,
      reportsOverdue: 0,
    },
    today: '2026-11-28',
    projectsByLifecycle: ['planned', 'active', 'on_hold', 'completed', 'cancelled'].map((lifecycleStatus) => ({
      lifecycleStatus,
      count: 0,
    })),
    projectsByHealth: ['on_track', 'at_risk', 'off_track', 'none'].map((health) => ({ health, count: 0 })),
    fundingByPriorityArea: [],
    fundingByFunder: [],
    milestonesDueSoon: [],
    overdueMilestones: [],
    projectsNeedingUpdate: [],
    latestReports: [],
    openRounds: [],
  });
}

/** GET /api/indicator-results/summary with no key indicators: for tests that pass through the start page (its indicator strip). */
export function emptyIndicatorSummaryResponse(): Response {
  return jsonResponse({ indicators: [], agreements: [] });
}

/** The start page's own requests (the dashboard's figures and its indicator strip) of an empty portfolio; null for any other path. */
export function emptyStartPageResponse(pathname: string): Response | null {
  if (pathname === '/api/dashboard') return emptyDashboardResponse();
  if (pathname === '/api/indicator-results/summary') return emptyIndicatorSummaryResponse();
  // The reporting rounds' part: nothing owed, no open round.
  if (pathname === '/api/period-reports/mine' || pathname === '/api/reporting-rounds') {
    return jsonResponse({ items: [], total: 0, page: 1, pageSize: 100 });
  }
  return null;
}
