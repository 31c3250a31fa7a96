import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { useMe, type Me } from '../lib/session';
import { useSessionExpiry } from '../features/auth/api/session-expiry';
import { AccountMenu } from '../features/auth/components/account-menu';
import { SignInPage, type SignInNotice } from '../features/auth/components/sign-in-page';
import { focusMainHeading } from '../lib/focus';
import { applyProfileLanguage } from '../lib/i18n';
import { FailureAlert, StatusLine } from '../components/load-status';
import { Layout } from './layout';
import { MainNav } from './main-nav';

/**
 * The root route. Decides what the app shows from the session (GET /api/me): an announced check
 * while it loads, the sign-in page without a session (at whatever URL was asked for, so the user
 * lands there after signing in), and the page of the URL with the navigation and the account
 * menu with one. A 401 on any later call (the session ended) brings the sign-in page back at the
 * same URL; signing out goes back to the start page, so the next user starts there.
 *
 * When the page changes without a page load (sign-in, sign-out, another route), focus moves to
 * the new page's main heading. Changes of the search part of the URL (filters, paging) do not
 * move focus: the user is still on the same page, working its controls.
 */
export function AppShell() {
  const { i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [notice, setNotice] = useState<SignInNotice | null>(null);

  const onSessionEnded = useCallback(() => setNotice('sessionEnded'), []);
  useSessionExpiry(onSessionEnded);
  const onSignedOut = () => {
    setNotice('signedOut');
    void navigate('/');
  };

  const screen = screenOf(me.data, me.isError, pathname);
  const previousScreen = useRef<string | null>(null);
  useEffect(() => {
    const previous = previousScreen.current;
    previousScreen.current = screen;
    // The first screen after the session check is where the browser left focus (page start).
    if (previous === null || previous === 'loading' || previous === screen) return;
    focusMainHeading();
  }, [screen]);

  // Without a language chosen on this device, a signed-in user gets their profile's language.
  const profileLanguage = me.data?.user.language;
  useEffect(() => {
    if (profileLanguage) applyProfileLanguage(i18n, profileLanguage);
  }, [profileLanguage, i18n]);

  if (me.data === undefined) {
    return <Layout>{me.isError ? <SessionCheckFailed onRetry={() => void me.refetch()} /> : <SessionCheck />}</Layout>;
  }
  if (me.data === null) {
    return (
      <Layout>
        <SignInPage notice={notice} />
      </Layout>
    );
  }
  return (
    <Layout nav={<MainNav me={me.data} />} account={<AccountMenu me={me.data} onSignedOut={onSignedOut} />}>
      <ScrollRestoration />
      <Outlet />
    </Layout>
  );
}

/** Names what is shown; focus moves to the main heading when it changes (see AppShell). */
function screenOf(me: Me | null | undefined, failed: boolean, pathname: string): string {
  if (me === undefined) return failed ? 'error' : 'loading';
  if (me === null) return 'sign-in';
  return `${me.user.id}:${pathname}`;
}

function SessionCheck() {
  const { t } = useTranslation();
  return <StatusLine>{t('auth.session.loading')}</StatusLine>;
}

function SessionCheckFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return <FailureAlert message={t('auth.session.error')} actionLabel={t('auth.session.retry')} onAction={onRetry} />;
}
