import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../../lib/api/client';
import { authKeys } from '../../../lib/session';

const ME_HASH = hashKey(authKeys.me);

/**
 * Watches every query and mutation: a 401 means the session has ended (idle or absolute expiry,
 * deactivation, a password change elsewhere), so the session is checked again and the app
 * returns to the sign-in page; `onSessionEnded` lets the page say why. A CSRF refusal means the
 * token in hand is stale: checking the session again fetches the current one.
 * Sign-in's own 401 (wrong password) is an answer, not an ended session (see its meta).
 */
export function useSessionExpiry(onSessionEnded: () => void): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const handle = (error: unknown) => {
      if (!(error instanceof ApiError)) return;
      // Several queries of a page fail together when the session ends: one session check answers them all.
      if (error.status === 401) {
        onSessionEnded();
        void queryClient.invalidateQueries({ queryKey: authKeys.me }, { cancelRefetch: false });
      } else if (error.code === 'CSRF_FAILED') {
        void queryClient.invalidateQueries({ queryKey: authKeys.me }, { cancelRefetch: false });
      }
    };
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && event.query.queryHash !== ME_HASH) {
        handle(event.action.error);
      }
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      if (event.mutation.options.meta?.unauthenticatedIsAnAnswer === true) return;
      handle(event.action.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, onSessionEnded]);
}
