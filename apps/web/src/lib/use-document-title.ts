import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the page title to "<page> – Salkku" (WCAG 2.4.2), following the active language. */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${appName}` : appName;
  }, [pageTitle, appName]);
}
