import type { Language } from '@salkku/shared';
import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { authKeys, type Me } from '../../../lib/session';

/**
 * Remembers a signed-in user's language choice in their profile (PATCH /api/me/language), so it
 * follows them to another device. Signed out, nothing is sent. A failure is not shown: the
 * choice still holds on this device (localStorage).
 */
export async function rememberProfileLanguage(queryClient: QueryClient, language: Language): Promise<void> {
  const me = queryClient.getQueryData<Me | null>(authKeys.me);
  if (!me || me.user.language === language) return;
  try {
    const saved = await unwrap(api.PATCH('/api/me/language', { body: { language } }));
    queryClient.setQueryData<Me | null>(authKeys.me, (current) =>
      current ? { ...current, user: { ...current.user, language: saved.language } } : current,
    );
  } catch {
    // Kept on this device only.
  }
}
