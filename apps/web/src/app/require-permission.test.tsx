import '@testing-library/jest-dom';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '@salkku/shared';
import { screen, waitFor } from '@testing-library/react';
import type { RouteObject } from 'react-router';
import { emptyStartPageResponse, jsonResponse, mockFetch, renderApp, signedInMe } from '../test/render-app';
import type { RoutePermission } from './require-permission';
import { createQueryClient } from '../lib/query-client';
import { createRoutes } from './router';

const ID = 'b7d1c2e3-0000-4000-8000-000000000001';

interface GuardedPath {
  path: string;
  permission: Permission;
}

/** Every route path under a permission group, with the permission the group declares. */
function guardedPaths(list: RouteObject[], prefix = '', permission?: Permission): GuardedPath[] {
  return list.flatMap((route) => {
    const declared = (route.handle as RoutePermission | undefined)?.permission ?? permission;
    const path = route.path === undefined ? prefix : `${prefix.replace(/\/$/, '')}/${route.path.replace(/^\//, '')}`;
    const own = route.path !== undefined && declared ? [{ path, permission: declared }] : [];
    return [...own, ...guardedPaths(route.children ?? [], path || prefix, declared)];
  });
}

const GUARDED = guardedPaths(createRoutes(createQueryClient()));

function meOf(role: Role) {
  return {
    ...signedInMe({ user: { role } }),
    permissions: [...ROLE_PERMISSIONS[role]],
    cityId: role === 'liaison' || role === 'admin' ? null : signedInMe().cityId,
  };
}

describe('web routes follow the permission table (issue 9, item 18)', () => {
  it('declares the forms, the admin pages and the exports', () => {
    const declared = Object.fromEntries(GUARDED.map((route) => [route.path, route.permission]));
    expect(declared).toMatchObject({
      '/projects/new': 'portfolio:write',
      '/projects/:projectId/edit': 'portfolio:write',
      '/projects/:projectId/funding-decisions/:decisionId/payments/new': 'portfolio:write',
      '/projects/:projectId/status-reports/new': 'portfolio:write',
      '/admin/users': 'users:manage',
      '/admin/organisations': 'organisations:write',
      '/admin/outbox': 'mail:read',
      '/exports': 'portfolio:export',
    });
  });

  const cases = ROLES.flatMap((role) =>
    GUARDED.map((route) => [role, route.path, ROLE_PERMISSIONS[role].includes(route.permission)] as const),
  );

  it.each(cases)('%s at %s: allowed %s', async (role, path, allowed) => {
    mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/me') return jsonResponse(meOf(role));
      const startPage = emptyStartPageResponse(pathname);
      if (startPage) return startPage;
      return jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, 404);
    });
    const url = path.replace(/:\w+/g, ID);
    const { router } = renderApp({ url });
    await screen.findByRole('navigation', { name: 'Päävalikko' });
    await waitFor(() => expect(router.state.navigation.state).toBe('idle'));
    await waitFor(() => expect(screen.queryByText('Ladataan sivua…')).not.toBeInTheDocument());
    if (allowed) {
      expect(screen.queryByRole('heading', { level: 1, name: 'Ei käyttöoikeutta' })).not.toBeInTheDocument();
    } else {
      expect(screen.getByRole('heading', { level: 1, name: 'Ei käyttöoikeutta' })).toBeInTheDocument();
      expect(screen.queryByRole('form')).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Tallenna' })).not.toBeInTheDocument();
      const back = path.includes(':projectId') ? 'Takaisin hankkeen sivulle' : 'Etusivulle';
      expect(screen.getByRole('link', { name: back })).toHaveAttribute(
        'href',
        path.includes(':projectId') ? `/projects/${ID}` : '/',
      );
    }
  });
});
