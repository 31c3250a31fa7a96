import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { invalidateAfterWrite } from './write-invalidation';

/** Client errors (4xx) will not change on a retry; network and server errors get two more tries. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The app's query defaults, chosen on purpose: portfolio data changes a few times a day, so a
 * result stays fresh for 30 s and switching back to the tab does not refetch every query on a
 * report page (no refetch storms); a reconnect still refreshes stale data. After every successful
 * mutation, the queries it can change are refetched (lib/write-invalidation.ts), before the
 * mutation's own callbacks run and before `mutateAsync` resolves.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) => invalidateAfterWrite(client, mutation.meta?.writes),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: true,
        retry: shouldRetry,
      },
      mutations: {
        retry: false,
      },
    },
  });
  return client;
}
