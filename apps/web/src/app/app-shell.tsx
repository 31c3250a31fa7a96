import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, type Me } from '../features/auth/api/get-me';
import { useSessionExpiry } from '../features/auth/api/session-expiry';
import { AccountMenu } from '../features/auth/components/account-menu';
import { ChangePasswordPage } from '../features/auth/components/change-password-page';
import { SignInPage, type SignInNotice } from '../features/auth/components/sign-in-page';
import { ProjectsPage } from '../features/projects/components/projects-page';
import { focusMainHeading } from '../lib/focus';
import { applyProfileLanguage } from '../lib/i18n';
import { Layout } from './layout';

type View = 'projects' | 'password';

/**
 * Decides what the app shows from the session (GET /api/me): an announced check while it loads,
 * the sign-in page without a session, and the portfolio with the account menu with one. A 401 on
 * any later call (the session ended) brings the sign-in page back.
 *
 * The signed-in pages are two for now (projects, change password), so the view is state here;
 * a router comes with more pages. When the view changes without a page load (sign-in,
 * sign-out, another page), focus moves to the new page's main heading.
 */
export function AppShell() {
  const { i18n } = useTranslation();
  const me = useMe();
  const [notice, setNotice] = useState<SignInNotice | null>(null);
  const [chosen, setChosen] = useState<{ userId: string; view: View } | null>(null);

  // Signed out or session ended: say why on the sign-in page; the next sign-in starts on the projects page.
  const leave = useCallback((why: SignInNotice) => {
    setNotice(why);
    setChosen(null);
  }, []);
  const onSessionEnded = useCallback(() => leave('sessionEnded'), [leave]);
  useSessionExpiry(onSessionEnded);

  const user = me.data?.user ?? null;
  // A view belongs to the user who chose it (another user signing in starts on the projects page).
  const view: View = user && chosen?.userId === user.id ? chosen.view : 'projects';
  const show = (next: View) => {
    if (user) setChosen({ userId: user.id, view: next });
  };

  const screen = screenOf(me.data, me.isError, view);
  const previousScreen = useRef<string | null>(null);
  useEffect(() => {
    const previous = previousScreen.current;
    previousScreen.current = screen;
    // The first screen after the session check is where the browser left focus (page start).
    if (previous === null || previous === 'loading' || previous === screen) return;
    focusMainHeading();
  }, [screen]);

  // Without a language chosen on this device, a signed-in user gets their profile's language.
  const profileLanguage = user?.language;
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
    <Layout
      account={
        <AccountMenu
          me={me.data}
          changingPassword={view === 'password'}
          onChangePassword={() => show('password')}
          onSignedOut={() => leave('signedOut')}
        />
      }
    >
      {view === 'password' ? <ChangePasswordPage onBack={() => show('projects')} /> : <ProjectsPage />}
    </Layout>
  );
}

/** Names what is shown; focus moves to the main heading when it changes (see AppShell). */
function screenOf(me: Me | null | undefined, failed: boolean, view: View): string {
  if (me === undefined) return failed ? 'error' : 'loading';
  if (me === null) return 'sign-in';
  return `${me.user.id}:${view}`;
}

function SessionCheck() {
  const { t } = useTranslation();
  return (
    <p role="status" className="status-message">
      {t('auth.session.loading')}
    </p>
  );
}

function SessionCheckFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-message">
      <p>{t('auth.session.error')}</p>
      <button type="button" onClick={onRetry}>
        {t('auth.session.retry')}
      </button>
    </div>
  );
}
