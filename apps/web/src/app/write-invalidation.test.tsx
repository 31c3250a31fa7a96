import { QueryClientProvider, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { adminKeys } from '../features/admin/api/admin';
import { dashboardKeys } from '../features/dashboard/api/get-dashboard';
import { mailKeys } from '../features/mail/api/get-mail-outbox';
import { projectDetailKeys } from '../features/project-detail/api/query-keys';
import { projectFormKeys } from '../features/project-forms/api/records';
import { useRecordForm } from '../features/project-forms/components/record-form';
import { projectKeys } from '../features/projects/api/get-projects';
import { reportKeys } from '../features/reports/api/get-reports';
import { roundKeys } from '../features/rounds/api/rounds';
import { portfolioChoiceKeys } from '../lib/api/portfolio-choices';
import { createQueryClient } from '../lib/query-client';
import { PORTFOLIO_QUERY_ROOTS } from '../lib/write-invalidation';
import { jsonResponse, mockFetch } from '../test/render-app';

/**
 * Item 12 of issue 9 ("stale figures after your own save"): every write of the web app must make
 * every view whose figures it can change refetch. The test finds the writes itself (every mutation
 * hook exported by a feature's api/ folder, and the record forms' save and delete), so a new
 * mutation is checked without anyone remembering to add it here.
 */

const SRC = join(__dirname, '..');
const PROJECT = '0e6fc1d4-0000-4000-8000-000000000001';
const AGREEMENT = 'a1b2c3d4-0000-4000-8000-000000000001';
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

/** One cached query of every view that shows portfolio figures, built with the features' own key factories. */
const VIEWS: Record<string, QueryKey> = {
  dashboard: dashboardKeys.figures({}),
  'national report': reportKeys.national(PERIOD),
  'agreement report': reportKeys.agreement(AGREEMENT, PERIOD),
  'projects list': projectKeys.list({ page: 1 }),
  'project page': projectDetailKeys.summary(PROJECT),
  'project funding': projectDetailKeys.fundingDecisions(PROJECT),
  'project history': projectDetailKeys.history(PROJECT, 1),
  'project indicators': projectDetailKeys.indicators(PROJECT),
  'indicators in a form': projectFormKeys.projectIndicators(PROJECT),
  'record in a form': projectFormKeys.decision(PROJECT),
  'agreement choices': portfolioChoiceKeys.agreements(),
  'priority area choices': portfolioChoiceKeys.priorityAreas(AGREEMENT),
  'organisations list': adminKeys.organisations(1),
  'users list': adminKeys.users(1),
  'mail outbox': mailKeys.outbox({ page: 1 }),
  'reporting rounds': roundKeys.list({ page: 1 }),
  'a round': roundKeys.detail(AGREEMENT),
  'a round’s reports': roundKeys.reports(AGREEMENT),
  'a period report': roundKeys.report(PROJECT),
  'what the city owes': roundKeys.mine(),
};

/**
 * Mutations that change nothing a portfolio view shows, each with its reason. Anything else is a
 * portfolio write and must refresh every view.
 */
const NOT_PORTFOLIO_WRITES: Record<string, string> = {
  'auth/api/sign-in.ts#useSignIn': 'a new session drops every cached query',
  'auth/api/sign-out.ts#useSignOut': 'signing out drops every cached query',
  'auth/api/change-password.ts#useChangePassword': 'the user’s own password',
  'admin/api/admin.ts#useResetPassword': 'another user’s password',
  'accessibility/api/settings.ts#useUpdateAccessibilitySettings': 'the accessibility statement’s contact',
  'mail/api/set-mail-digest.ts#useSetMailDigest': 'the user’s own weekly digest choice',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function seededClient(): QueryClient {
  const queryClient = createQueryClient();
  for (const key of Object.values(VIEWS)) queryClient.setQueryData(key, { cached: true });
  return queryClient;
}

function staleViews(queryClient: QueryClient): string[] {
  return Object.entries(VIEWS)
    .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated !== true)
    .map(([name]) => name);
}

function wrapperFor(queryClient: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{children}</MemoryRouter>
      </QueryClientProvider>
    );
  };
}

interface MutationHook {
  name: string;
  hook: () => unknown;
}

/** Every `use…` export of every features/<feature>/api module that returns a mutation. */
function mutationHooks(): MutationHook[] {
  const files = sourceFiles(join(SRC, 'features')).filter((file) => /\/api\/[^/]+\.ts$/.test(file));
  const found: MutationHook[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (!source.includes('useMutation(')) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the test walks the folder to find every mutation
    const exports = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!/^use[A-Z]/.test(name) || typeof value !== 'function') continue;
      const hook = value as () => unknown;
      const probe = renderHook(() => hook(), { wrapper: wrapperFor(createQueryClient()) });
      const result = probe.result.current;
      probe.unmount();
      if (typeof result === 'object' && result !== null && 'mutateAsync' in result) {
        found.push({ name: `${relative(join(SRC, 'features'), file)}#${name}`, hook });
      }
    }
  }
  return found;
}

beforeEach(() => {
  mockFetch(() => jsonResponse({ id: PROJECT, version: 2 }));
});

describe('the key factory of every portfolio view starts with a portfolio root', () => {
  it.each(Object.entries(VIEWS))('%s', (_name, key) => {
    expect(PORTFOLIO_QUERY_ROOTS).toContain(key[0]);
  });
});

describe('every mutation hook refreshes every portfolio view', () => {
  const hooks = mutationHooks();

  it('finds the app’s mutations', () => {
    expect(hooks.map((hook) => hook.name)).toEqual(
      expect.arrayContaining([
        'admin/api/admin.ts#useCreateUser',
        'admin/api/admin.ts#useUpdateOrganisation',
        ...Object.keys(NOT_PORTFOLIO_WRITES),
      ]),
    );
  });

  it.each(hooks.filter((hook) => !(hook.name in NOT_PORTFOLIO_WRITES)).map((hook) => [hook.name, hook]))(
    '%s',
    async (_name, { hook }) => {
      const queryClient = seededClient();
      const { result } = renderHook(() => hook() as { mutateAsync: (variables: unknown) => Promise<unknown> }, {
        wrapper: wrapperFor(queryClient),
      });
      await act(() => result.current.mutateAsync({ id: PROJECT, body: {}, password: 'x' }));
      expect(staleViews(queryClient)).toEqual([]);
    },
  );
});

describe('the record forms (every project, decision, payment, milestone and status report form)', () => {
  function renderForm(queryClient: QueryClient) {
    return renderHook(
      () =>
        useRecordForm<'name'>({
          projectId: PROJECT,
          fields: ['name'],
          initial: { name: 'Vesi' },
          version: 1,
          saved: 'project',
          save: () => Promise.resolve({ id: PROJECT }),
          remove: { record: 'payment', send: () => Promise.resolve(undefined) },
        }),
      { wrapper: wrapperFor(queryClient) },
    );
  }

  it('a save refreshes every portfolio view before leaving the form', async () => {
    const queryClient = seededClient();
    const { result } = renderForm(queryClient);
    await act(() => result.current.submit({ preventDefault() {} } as never));
    expect(staleViews(queryClient)).toEqual([]);
  });

  it('a delete refreshes every portfolio view', async () => {
    const queryClient = seededClient();
    const { result } = renderForm(queryClient);
    await act(() => result.current.removeRecord());
    expect(staleViews(queryClient)).toEqual([]);
  });

  it('every write outside a features/*/api module goes through a record form', () => {
    const writers = sourceFiles(SRC)
      .filter(
        (file) => !file.includes('/lib/api/') && /\bapi\.(POST|PATCH|PUT|DELETE)\(/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(SRC, file))
      .filter((file) => !/^features\/[^/]+\/api\//.test(file));
    for (const file of writers) {
      expect([file, readFileSync(join(SRC, file), 'utf8').includes('useRecordForm')]).toEqual([file, true]);
    }
  });

  it('every file that calls useMutation is checked above', () => {
    const users = sourceFiles(SRC)
      .filter((file) => readFileSync(file, 'utf8').includes('useMutation('))
      .map((file) => relative(SRC, file))
      .filter((file) => !/^features\/[^/]+\/api\//.test(file));
    expect(users).toEqual(['features/project-forms/components/record-form.tsx']);
  });
});
