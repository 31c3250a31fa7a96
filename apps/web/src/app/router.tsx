import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ProjectsPage } from '../features/projects/components/projects-page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';
import { RouteError, RouteLoading } from './route-status';

/**
 * The app's routes. The app shell is the root: it checks the session and shows the sign-in page
 * at any URL without one, so after sign-in the user is on the URL they asked for. The projects
 * list is in the first chunk (it is where the app starts); other pages are loaded on demand
 * (`lazy`), so the list does not pay for them.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      {
        // A failing page (a chunk that will not load after a new release, say) keeps the header.
        errorElement: <RouteError />,
        children: [
          // The dashboard will be the start page; until then the portfolio is.
          { index: true, element: <Navigate to="/projects" replace /> },
          { path: 'projects', element: <ProjectsPage /> },
          {
            path: 'projects/:projectId',
            hydrateFallbackElement: <RouteLoading />,
            lazy: async () => {
              const { ProjectPage } = await import('../features/project-detail/components/project-page');
              return { Component: ProjectPage };
            },
          },
          {
            path: 'password',
            hydrateFallbackElement: <RouteLoading />,
            lazy: async () => {
              const { ChangePasswordPage } = await import('../features/auth/components/change-password-page');
              return { Component: ChangePasswordPage };
            },
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** The browser's router (main.tsx); tests use createMemoryRouter with the same routes. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
