import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/page';

/** Any URL the app has no page for: says so, and offers the way back to the projects. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <ul>
        <li>
          <Link to="/">{t('notFound.toStart')}</Link>
        </li>
        <li>
          <Link to="/projects">{t('notFound.toProjects')}</Link>
        </li>
      </ul>
    </Page>
  );
}
