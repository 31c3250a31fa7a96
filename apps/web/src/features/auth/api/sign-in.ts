import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import type { Me } from '../../../lib/session';
import { startSession } from './session-cache';

export type SignInInput = components['schemas']['SignInDto'];

/** Marks a mutation whose 401 is an expected answer (wrong password), not an ended session. */
export const UNAUTHENTICATED_IS_AN_ANSWER = { unauthenticatedIsAnAnswer: true } as const;

/** POST /api/auth/login: the API sets the session cookie (HttpOnly) and returns the user. */
export function signIn(input: SignInInput): Promise<Me> {
  return unwrap(api.POST('/api/auth/login', { body: input }));
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    // A new session drops every cached query itself (startSession): nothing to refetch.
    meta: { ...UNAUTHENTICATED_IS_AN_ANSWER, writes: 'none' },
    onSuccess: (me) => startSession(queryClient, me),
  });
}
