import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { authKeys, type Me } from '../../../lib/session';

/** PATCH /api/me/mail-digest: the signed-in user's weekly digest switch. */
export function setMailDigest(mailDigest: boolean): Promise<{ mailDigest: boolean }> {
  return unwrap(api.PATCH('/api/me/mail-digest', { body: { mailDigest } }));
}

/** Saves the switch and puts the saved choice into the session (GET /api/me), which the settings page reads. */
export function useSetMailDigest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setMailDigest,
    // The user's own email choice: no portfolio view shows it; the session is updated below.
    meta: { writes: 'none' },
    onSuccess: (saved) =>
      queryClient.setQueryData<Me | null>(authKeys.me, (current) =>
        current ? { ...current, user: { ...current.user, mailDigest: saved.mailDigest } } : current,
      ),
  });
}
