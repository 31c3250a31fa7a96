import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export interface AppProps {
  /** Made once by main.tsx (createQueryClient), fresh per test. */
  queryClient: QueryClient;
  /** Made once by main.tsx (startI18n), fresh per test. */
  i18n: I18n;
  /** The browser router in the app (createAppRouter), a memory router with the same routes in tests. */
  router: AppRouter;
}

/** The providers around the routes (the app shell with the session, layout and pages). */
export function App({ queryClient, i18n, router }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
