import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { FailureAlert, StatusLine } from '../components/load-status';
import { Page } from '../components/page';
import { NotFoundPage } from './not-found-page';

/** Shown in place of a page whose code is still loading on the first visit (a deep link). */
export function RouteLoading() {
  const { t } = useTranslation();
  return <StatusLine>{t('route.loading')}</StatusLine>;
}

/**
 * A page that failed to render or load (its code could not be fetched after a new release, say):
 * an alert with a reload, inside the app's header and navigation.
 */
export function RouteError() {
  const error = useRouteError();
  return isRouteErrorResponse(error) && error.status === 404 ? <NotFoundPage /> : <PageFailed />;
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <Page title={t('route.error.title')}>
      <FailureAlert
        message={t('route.error.text')}
        actionLabel={t('route.error.reload')}
        onAction={() => window.location.reload()}
      />
    </Page>
  );
}
