import type { ReactNode } from 'react';
import { ScrollRestoration, useNavigate } from 'react-router';
import { Layout } from './layout';
import { MainNav } from './main-nav';
import { useMe } from '../lib/session';
import { AccountMenu } from '../features/auth/components/account-menu';

/**
 * The frame of the pages everyone may read, signed in or not (the accessibility statement):
 * the usual layout, with the navigation and the account menu when there is a session, and no
 * sign-in gate.
 */
export function PublicShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const navigate = useNavigate();
  const signedIn = me.data ?? null;
  return (
    <Layout
      nav={signedIn ? <MainNav me={signedIn} /> : undefined}
      account={signedIn ? <AccountMenu me={signedIn} onSignedOut={() => void navigate('/')} /> : undefined}
    >
      <ScrollRestoration />
      {children}
    </Layout>
  );
}
