import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { AppShell } from './app-shell';

export interface AppProps {
  /** Made once by main.tsx (createQueryClient), fresh per test. */
  queryClient: QueryClient;
  /** Made once by main.tsx (createI18n), fresh per test. */
  i18n: I18n;
}

/** The providers around the app shell (session, layout and pages). */
export function App({ queryClient, i18n }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AppShell />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
