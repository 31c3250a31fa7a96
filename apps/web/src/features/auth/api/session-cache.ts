import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../lib/api/client';
import { authKeys, type Me } from '../../../lib/session';

/** Every cached query except the session itself. */
function forgetOtherQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
}

/**
 * A new session began (sign-in): nothing cached for whoever used the app before may be shown
 * (another city's portfolio, say), so all other data goes before the new user is set.
 */
export function startSession(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  forgetOtherQueries(queryClient);
  queryClient.setQueryData(authKeys.me, me);
}

/** The same user in a replaced session (password changed): a new CSRF token, the data stays. */
export function replaceSession(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(authKeys.me, me);
}

/** Signed out: the sign-in page shows and the user's data is dropped from the cache. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(authKeys.me, null);
  forgetOtherQueries(queryClient);
}
