import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from './language-switcher';
import { ServiceStatus } from './service-status';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * Page frame with landmarks: a skip link, header (banner), main and footer (contentinfo). The
 * header holds the language switcher always, and the account menu and the main navigation when
 * someone is signed in.
 */
export function Layout({ account, nav, children }: { account?: ReactNode; nav?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <p className="site-header__brand">
            <Link to="/" className="site-header__name">
              {t('app.name')}
            </Link>
            <span className="site-header__tagline">{t('app.tagline')}</span>
          </p>
          <div className="site-header__tools">
            <LanguageSwitcher />
            {account}
          </div>
        </div>
        {nav}
      </header>
      <main id={MAIN_CONTENT_ID} className="container site-main" tabIndex={-1}>
        <ServiceStatus />
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
          <p>
            <Link to="/accessibility">{t('accessibility.footerLink')}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
