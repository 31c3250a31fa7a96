import type { Permission } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams, type RouteObject } from 'react-router';
import { useCan } from '../lib/session';
import { uuidParam } from '../lib/ids';
import { Page } from '../components/page';

/** What a route declares in its `handle`: the permission (packages/shared/src/permissions.ts) it needs. */
export interface RoutePermission {
  permission: Permission;
}

/**
 * A group of routes that need `permission`: the same table the API enforces. Users without it
 * get a "no access" page at those URLs instead of a form they could not save.
 */
export function requirePermission(permission: Permission, children: RouteObject[]): RouteObject {
  const handle: RoutePermission = { permission };
  return { element: <RequirePermission permission={permission} />, handle, children };
}

/** Renders the route's page when the signed-in user has `permission`, the "no access" page otherwise. */
export function RequirePermission({ permission }: RoutePermission) {
  // The app shell has loaded the session before any page renders; this only reads it.
  return useCan(permission) ? <Outlet /> : <NoAccessPage />;
}

/** Says the user's role does not allow the page, with the way back (to the project, or to the start page). */
export function NoAccessPage() {
  const { t } = useTranslation();
  const { projectId } = useParams();
  const project = uuidParam(projectId);
  return (
    <Page title={t('noAccess.title')}>
      <p>{t('noAccess.text')}</p>
      <p>
        {project ? (
          <Link to={`/projects/${project}`}>{t('noAccess.toProject')}</Link>
        ) : (
          <Link to="/">{t('noAccess.toStart')}</Link>
        )}
      </p>
    </Page>
  );
}
