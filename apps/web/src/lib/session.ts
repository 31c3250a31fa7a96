import type { Permission } from '@salkku/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken, toApiError } from './api/client';
import type { components } from './api/schema';

/** The signed-in user, their permissions and the session's CSRF token (GET /api/me). */
export type Me = components['schemas']['MeResponse'];
export type Role = components['schemas']['Role'];

/** Query keys of the session. `me` holds the session: a Me, or null when signed out. */
export const authKeys = {
  all: ['auth'] as const,
  me: ['auth', 'me'] as const,
};

/**
 * The current session: the user, or null when there is none (401 is an answer here, not a
 * failure: it means "show the sign-in page"). Keeps the session's CSRF token for the API client.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  const { data, error, response } = await api.GET('/api/me', { signal });
  if (response.status === 401) {
    setCsrfToken(null);
    return null;
  }
  if (!response.ok || !data) throw toApiError(response, error);
  setCsrfToken(data.csrfToken);
  return data;
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => getMe(signal),
  });
}

/** The session: pending while it is checked, then a Me or null (signed out). */
export function useMe() {
  return useQuery(meQueryOptions());
}

/**
 * May the signed-in user do what `permission` allows (the table in packages/shared)? Reads the
 * session the app shell already loaded; never fetches it itself. The server enforces the same
 * table on every request: this only decides what the web offers.
 */
export function useCan(permission: Permission): boolean {
  const me = useQuery({ ...meQueryOptions(), enabled: false });
  return me.data?.permissions.includes(permission) ?? false;
}
