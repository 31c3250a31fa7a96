import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, toApiError } from '../../../lib/api/client';
import { endSession } from './session-cache';

/** POST /api/auth/logout: the session ends on the server. One that had already ended counts as done. */
export async function signOut(): Promise<void> {
  const { error, response } = await api.POST('/api/auth/logout');
  if (response.ok || response.status === 401) return;
  throw toApiError(response, error);
}

/** Sign out; `onSignedOut` runs just before the session is dropped (and the sign-in page shows). */
export function useSignOut(onSignedOut?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Signing out drops the cached data (endSession): nothing to refetch.
    meta: { writes: 'none' },
    onSuccess: () => {
      onSignedOut?.();
      endSession(queryClient);
    },
  });
}
