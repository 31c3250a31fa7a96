import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../lib/session';

interface NavItem {
  to: string;
  label: ParseKeys;
  /** Shown only to users whose role has this permission. */
  permission: Me['permissions'][number];
}

/**
 * The pages of the app, in menu order. Each is shown to the roles that may use it; pages that
 * do not exist yet (dashboard, admin) are added here when they do.
 */
const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'dashboard.nav', permission: 'portfolio:read' },
  { to: '/projects', label: 'nav.projects', permission: 'portfolio:read' },
  { to: '/rounds', label: 'rounds.nav', permission: 'portfolio:read' },
  { to: '/reports', label: 'reports.nav', permission: 'portfolio:read' },
  { to: '/exports', label: 'exports.nav', permission: 'portfolio:export' },
  { to: '/admin/users', label: 'admin.nav.users', permission: 'users:manage' },
  { to: '/admin/organisations', label: 'admin.nav.organisations', permission: 'organisations:write' },
  { to: '/admin/indicators', label: 'indicators.nav', permission: 'indicators:write' },
  { to: '/admin/outbox', label: 'mail.outbox.nav', permission: 'mail:read' },
];

/**
 * The main navigation (a labelled nav landmark). The link of the page shown is marked
 * aria-current="page"; on a page under it (a project under the projects list) the link is
 * marked as the current section (aria-current="true").
 */
export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((item) => me.permissions.includes(item.permission));
  if (items.length === 0) return null;
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {items.map((item) => {
          const current = pathname === item.to ? 'page' : pathname.startsWith(`${item.to}/`) ? 'true' : undefined;
          return (
            <li key={item.to}>
              <Link to={item.to} className="main-nav__link" aria-current={current}>
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
