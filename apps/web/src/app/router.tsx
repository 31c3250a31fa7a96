import { createBrowserRouter, type RouteObject } from 'react-router';
import { ProjectsPage } from '../features/projects/components/projects-page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';
import { requirePermission } from './require-permission';
import { RouteError, RouteLoading } from './route-status';

/**
 * The app's routes. The app shell is the root: it checks the session and shows the sign-in page
 * at any URL without one, so after sign-in the user is on the URL they asked for. The projects
 * list is in the first chunk (it is where the app starts); other pages are loaded on demand
 * (`lazy`), so the list does not pay for them. Pages that need more than reading the portfolio are
 * grouped under `requirePermission` with the permission the API asks for the same work
 * (packages/shared/src/permissions.ts): without it, the URL shows a "no access" page.
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
          // The start page: the portfolio dashboard (its charts load with it, not with the first chunk).
          {
            index: true,
            hydrateFallbackElement: <RouteLoading />,
            lazy: async () => {
              const { DashboardPage } = await import('../features/dashboard/components/dashboard-page');
              return { Component: DashboardPage };
            },
          },
          { path: 'projects', element: <ProjectsPage /> },
          {
            path: 'projects/:projectId',
            hydrateFallbackElement: <RouteLoading />,
            lazy: async () => {
              const { ProjectPage } = await import('../features/project-detail/components/project-page');
              return { Component: ProjectPage };
            },
          },
          // The coordinators' forms (features/project-forms), loaded only when opened; for those who may write.
          requirePermission('portfolio:write', [
            {
              path: 'projects/new',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { NewProjectPage } = await import('../features/project-forms/components/new-project-page');
                return { Component: NewProjectPage };
              },
            },
            {
              path: 'projects/:projectId/funding-decisions/:decisionId/edit',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { EditFundingDecisionPage } =
                  await import('../features/project-forms/components/funding-decision-form');
                return { Component: EditFundingDecisionPage };
              },
            },
            {
              path: 'projects/:projectId/funding-decisions/:decisionId/payments/:paymentId/edit',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { EditPaymentPage } = await import('../features/project-forms/components/payment-form');
                return { Component: EditPaymentPage };
              },
            },
            {
              path: 'projects/:projectId/milestones/:milestoneId/edit',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { EditMilestonePage } = await import('../features/project-forms/components/milestone-form');
                return { Component: EditMilestonePage };
              },
            },
            {
              path: 'projects/:projectId/edit',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { EditProjectPage } = await import('../features/project-forms/components/edit-project-page');
                return { Component: EditProjectPage };
              },
            },
            {
              path: 'projects/:projectId/status',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { LifecycleStatusPage } = await import('../features/project-forms/components/simple-forms');
                return { Component: LifecycleStatusPage };
              },
            },
            {
              path: 'projects/:projectId/funding-decisions/new',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { NewFundingDecisionPage } =
                  await import('../features/project-forms/components/funding-decision-form');
                return { Component: NewFundingDecisionPage };
              },
            },
            {
              path: 'projects/:projectId/funding-decisions/:decisionId/payments/new',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { NewPaymentPage } = await import('../features/project-forms/components/payment-form');
                return { Component: NewPaymentPage };
              },
            },
            {
              path: 'projects/:projectId/milestones/new',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { NewMilestonePage } = await import('../features/project-forms/components/milestone-form');
                return { Component: NewMilestonePage };
              },
            },
            {
              path: 'projects/:projectId/status-reports/new',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { NewStatusReportPage } = await import('../features/project-forms/components/simple-forms');
                return { Component: NewStatusReportPage };
              },
            },
          ]),
          // The reports (features/reports), with their charts, loaded only when opened.
          {
            path: 'reports',
            hydrateFallbackElement: <RouteLoading />,
            lazy: async () => {
              const { NationalReportPage } = await import('../features/reports/components/national-report-page');
              return { Component: NationalReportPage };
            },
          },
          {
            path: 'reports/agreements/:agreementId',
            hydrateFallbackElement: <RouteLoading />,
            lazy: async () => {
              const { AgreementReportPage } = await import('../features/reports/components/agreement-report-page');
              return { Component: AgreementReportPage };
            },
          },
          requirePermission('users:manage', [
            {
              path: 'admin/users',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { UsersPage } = await import('../features/admin/components/users-page');
                return { Component: UsersPage };
              },
            },
          ]),
          requirePermission('organisations:write', [
            {
              path: 'admin/organisations',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { OrganisationsPage } = await import('../features/admin/components/organisations-page');
                return { Component: OrganisationsPage };
              },
            },
          ]),
          requirePermission('portfolio:export', [
            {
              path: 'exports',
              hydrateFallbackElement: <RouteLoading />,
              lazy: async () => {
                const { ExportsPage } = await import('../features/exports/components/exports-page');
                return { Component: ExportsPage };
              },
            },
          ]),
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
  {
    // The accessibility statement is for everyone, signed in or not: outside the sign-in gate.
    path: '/accessibility',
    hydrateFallbackElement: <RouteLoading />,
    lazy: async () => {
      const { AccessibilityRoute } = await import('./accessibility-route');
      return { Component: AccessibilityRoute };
    },
  },
];

/** The browser's router (main.tsx); tests use createMemoryRouter with the same routes. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
