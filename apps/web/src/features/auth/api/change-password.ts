import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import type { Me } from '../../../lib/session';
import { replaceSession } from './session-cache';

export type ChangePasswordInput = components['schemas']['ChangePasswordDto'];

/**
 * POST /api/auth/password: the API ends all of the user's sessions and starts a new one for this
 * browser (a new cookie and CSRF token, returned with the user).
 */
export function changePassword(input: ChangePasswordInput): Promise<Me> {
  return unwrap(api.POST('/api/auth/password', { body: input }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The user's own password: no portfolio view shows it; the session is replaced below.
    meta: { writes: 'none' },
    onSuccess: (me) => replaceSession(queryClient, me),
  });
}
