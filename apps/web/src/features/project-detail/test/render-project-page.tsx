import type { Language } from '@salkku/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { testI18n } from '../../../test/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { ProjectPage } from '../components/project-page';

/**
 * Renders the project page alone at /projects/<id> in a memory router, with a fresh QueryClient
 * (the app's defaults, but no retries) and a fresh i18n instance in the given language.
 */
export function renderProjectPage(projectId: string, { language = 'fi' }: { language?: Language } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const i18n = testI18n(language);
  const router = createMemoryRouter([{ path: '/projects/:projectId', element: <ProjectPage /> }], {
    initialEntries: [`/projects/${projectId}`],
  });
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...utils, queryClient, i18n, router };
}
