import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './not-found-page';

/** Shown in place of a page whose code is still loading on the first visit (a deep link). */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="status-message">
      {t('route.loading')}
    </p>
  );
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
  const title = t('route.error.title');
  useDocumentTitle(title);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h1 id={headingId} tabIndex={-1}>
        {title}
      </h1>
      <div role="alert" className="error-message">
        <p>{t('route.error.text')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('route.error.reload')}
        </button>
      </div>
    </section>
  );
}
