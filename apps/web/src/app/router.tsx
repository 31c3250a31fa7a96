import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { prefetchDashboard } from '../features/dashboard/api/get-dashboard';
import { DashboardPage } from '../features/dashboard/components/dashboard-page';
import { dashboardViewOf } from '../features/dashboard/hooks/use-dashboard-view';
import { ProjectsPage } from '../features/projects/components/projects-page';
import { RoundsStartSection } from '../features/rounds/components/start-section';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';
import { requirePermission } from './require-permission';
import { RouteError, RouteLoading } from './route-status';

/** The start page's loader: starts loading the dashboard's figures and returns at once (see createRoutes). */
function startDashboard(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    void prefetchDashboard(queryClient, dashboardViewOf(new URL(request.url).searchParams));
    return null;
  };
}

/** A page loaded on demand (`lazy`): its code is fetched when its route is first opened. */
function onDemand(load: () => Promise<ComponentType>) {
  return { hydrateFallbackElement: <RouteLoading />, lazy: async () => ({ Component: await load() }) };
}

/**
 * The app's routes. The app shell is the root: it checks the session and shows the sign-in page
 * at any URL without one, so after sign-in the user is on the URL they asked for. The dashboard
 * (the start page, where nearly every visit begins) and the projects list are in the first chunk;
 * other pages are loaded on demand (`lazy`), so the start does not pay for them. Pages that need
 * more than reading the portfolio are grouped under `requirePermission` with the permission the
 * API asks for the same work (packages/shared/src/permissions.ts): without it, the URL shows a
 * "no access" page.
 *
 * The start page's figures are requested by its route loader as soon as the session is known,
 * before the page first renders: the loader starts the query without waiting for it (it returns
 * at once), and the page's own query finds it under way.
 */
export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: '/',
    element: <AppShell />,
    children: [
      {
        // A failing page (a chunk that will not load after a new release, say) keeps the header.
        errorElement: <RouteError />,
        children: [
          // The start page: the portfolio dashboard, with its charts, in the first chunk.
          {
            index: true,
            loader: startDashboard(queryClient),
            // Only on arrival: a change of the filters is the page's own (its query follows the URL).
            shouldRevalidate: () => false,
            hydrateFallbackElement: <RouteLoading />,
            element: <DashboardPage rounds={<RoundsStartSection />} />,
          },
          { path: 'projects', element: <ProjectsPage /> },
          {
            path: 'projects/:projectId',
            ...onDemand(async () => (await import('../features/project-detail/components/project-page')).ProjectPage),
          },
          // The coordinators' forms (features/project-forms), loaded only when opened; for those who may write.
          requirePermission('portfolio:write', [
            {
              path: 'projects/new',
              ...onDemand(
                async () => (await import('../features/project-forms/components/new-project-page')).NewProjectPage,
              ),
            },
            {
              path: 'projects/:projectId/funding-decisions/:decisionId/edit',
              ...onDemand(
                async () =>
                  (await import('../features/project-forms/components/funding-decision-form')).EditFundingDecisionPage,
              ),
            },
            {
              path: 'projects/:projectId/funding-decisions/:decisionId/payments/:paymentId/edit',
              ...onDemand(
                async () => (await import('../features/project-forms/components/payment-form')).EditPaymentPage,
              ),
            },
            {
              path: 'projects/:projectId/milestones/:milestoneId/edit',
              ...onDemand(
                async () => (await import('../features/project-forms/components/milestone-form')).EditMilestonePage,
              ),
            },
            {
              path: 'projects/:projectId/edit',
              ...onDemand(
                async () => (await import('../features/project-forms/components/edit-project-page')).EditProjectPage,
              ),
            },
            {
              path: 'projects/:projectId/status',
              ...onDemand(
                async () => (await import('../features/project-forms/components/simple-forms')).LifecycleStatusPage,
              ),
            },
            {
              path: 'projects/:projectId/funding-decisions/new',
              ...onDemand(
                async () =>
                  (await import('../features/project-forms/components/funding-decision-form')).NewFundingDecisionPage,
              ),
            },
            {
              path: 'projects/:projectId/funding-decisions/:decisionId/payments/new',
              ...onDemand(
                async () => (await import('../features/project-forms/components/payment-form')).NewPaymentPage,
              ),
            },
            {
              path: 'projects/:projectId/milestones/new',
              ...onDemand(
                async () => (await import('../features/project-forms/components/milestone-form')).NewMilestonePage,
              ),
            },
            // A project's indicator targets and actuals (issue 12).
            {
              path: 'projects/:projectId/indicators/targets/new',
              ...onDemand(
                async () =>
                  (await import('../features/project-forms/components/indicator-target-form')).NewIndicatorTargetPage,
              ),
            },
            {
              path: 'projects/:projectId/indicators/targets/:targetId/edit',
              ...onDemand(
                async () =>
                  (await import('../features/project-forms/components/indicator-target-form')).EditIndicatorTargetPage,
              ),
            },
            {
              path: 'projects/:projectId/indicators/actuals/new',
              ...onDemand(
                async () =>
                  (await import('../features/project-forms/components/indicator-actual-form')).NewIndicatorActualPage,
              ),
            },
            {
              path: 'projects/:projectId/indicators/actuals/:actualId/edit',
              ...onDemand(
                async () =>
                  (await import('../features/project-forms/components/indicator-actual-form')).EditIndicatorActualPage,
              ),
            },
            {
              path: 'projects/:projectId/status-reports/new',
              ...onDemand(
                async () => (await import('../features/project-forms/components/simple-forms')).NewStatusReportPage,
              ),
            },
            {
              path: 'projects/:projectId/participants/new',
              ...onDemand(
                async () => (await import('../features/project-forms/components/participant-form')).NewParticipantPage,
              ),
            },
            {
              path: 'projects/:projectId/participants/:participantId/edit',
              ...onDemand(
                async () => (await import('../features/project-forms/components/participant-form')).EditParticipantPage,
              ),
            },
          ]),
          // The reports (features/reports), with their charts, loaded only when opened.
          {
            path: 'reports',
            ...onDemand(
              async () => (await import('../features/reports/components/national-report-page')).NationalReportPage,
            ),
          },
          {
            path: 'reports/agreements/:agreementId',
            ...onDemand(
              async () => (await import('../features/reports/components/agreement-report-page')).AgreementReportPage,
            ),
          },
          // Reporting rounds (features/rounds, issue 13), loaded only when opened. The email links point here.
          {
            path: 'rounds',
            ...onDemand(async () => (await import('../features/rounds/components/rounds-page')).RoundsPage),
          },
          {
            path: 'rounds/:roundId',
            ...onDemand(async () => (await import('../features/rounds/components/round-page')).RoundPage),
          },
          {
            path: 'rounds/:roundId/frozen',
            ...onDemand(
              async () => (await import('../features/rounds/components/frozen-report-page')).FrozenReportPage,
            ),
          },
          {
            path: 'rounds/:roundId/reports/:reportId',
            ...onDemand(
              async () => (await import('../features/rounds/components/period-report-page')).PeriodReportPage,
            ),
          },
          requirePermission('rounds:manage', [
            {
              path: 'rounds/new',
              ...onDemand(async () => (await import('../features/rounds/components/open-round-page')).OpenRoundPage),
            },
          ]),
          requirePermission('users:manage', [
            {
              path: 'admin/users',
              ...onDemand(async () => (await import('../features/admin/components/users-page')).UsersPage),
            },
          ]),
          requirePermission('organisations:write', [
            {
              path: 'admin/organisations',
              ...onDemand(
                async () => (await import('../features/admin/components/organisations-page')).OrganisationsPage,
              ),
            },
          ]),
          // The indicator catalogue (issue 12): kept by admins.
          requirePermission('indicators:write', [
            {
              path: 'admin/indicators',
              ...onDemand(async () => (await import('../features/admin/components/indicators-page')).IndicatorsPage),
            },
          ]),
          // The mail outbox (issue 13): every email, sent or waiting, for admins.
          requirePermission('mail:read', [
            {
              path: 'admin/outbox',
              ...onDemand(async () => (await import('../features/mail/components/outbox-page')).OutboxPage),
            },
          ]),
          requirePermission('portfolio:export', [
            {
              path: 'exports',
              ...onDemand(async () => (await import('../features/exports/components/exports-page')).ExportsPage),
            },
          ]),
          {
            path: 'email-settings',
            ...onDemand(
              async () => (await import('../features/mail/components/email-settings-page')).EmailSettingsPage,
            ),
          },
          {
            path: 'password',
            ...onDemand(
              async () => (await import('../features/auth/components/change-password-page')).ChangePasswordPage,
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  {
    // The accessibility statement is for everyone, signed in or not: outside the sign-in gate.
    path: '/accessibility',
    ...onDemand(async () => (await import('./accessibility-route')).AccessibilityRoute),
  },
];

/** The browser's router (main.tsx); tests use createMemoryRouter with the same routes. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
