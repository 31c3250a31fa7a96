import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';

/** Any URL the app has no page for: says so, and offers the way back to the projects. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const title = t('notFound.title');
  useDocumentTitle(title);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h1 id={headingId} tabIndex={-1}>
        {title}
      </h1>
      <p>{t('notFound.text')}</p>
      <ul>
        <li>
          <Link to="/">{t('notFound.toStart')}</Link>
        </li>
        <li>
          <Link to="/projects">{t('notFound.toProjects')}</Link>
        </li>
      </ul>
    </section>
  );
}
