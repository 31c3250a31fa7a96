import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSwitcher } from './language-switcher';
import { RouteProgress } from './route-progress';
import { ServiceStatus } from './service-status';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * Page frame with landmarks: a skip link, header (banner), main and footer (contentinfo). The
 * header holds the language switcher always, and the account menu and the main navigation when
 * someone is signed in.
 *
 * On a phone (CSS, below 768 px) the header is one row: the service's name and a menu button
 * (a disclosure: aria-expanded, aria-controls) that shows the navigation, the language switcher
 * and the account below it, so the first screen shows the page rather than the header. Escape
 * closes the menu and puts focus back on its button; opening a page closes it. On wider screens
 * the button is not shown and the menu's parts are laid out in the header as they always were.
 */
export function Layout({ account, nav, children }: { account?: ReactNode; nav?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // The page the menu was opened on: opening another page (a link in the menu) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
  const hasMenu = nav !== undefined || account !== undefined;

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setOpenOn(null);
    menuButton.current?.focus();
  };

  return (
    <>
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        {t('app.skipToContent')}
      </a>
      <header className={hasMenu ? 'site-header site-header--with-menu' : 'site-header'} onKeyDown={closeOnEscape}>
        <RouteProgress />
        <div className="container site-header__inner">
          <p className="site-header__brand">
            <Link to="/" className="site-header__name">
              {t('app.name')}
            </Link>
            <span className="site-header__tagline">{t('app.tagline')}</span>
          </p>
          {hasMenu && (
            <button
              ref={menuButton}
              type="button"
              className="site-header__menu-button"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setOpenOn(menuOpen ? null : pathname)}
            >
              <span className="site-header__menu-icon" aria-hidden="true" />
              {t('app.menu')}
            </button>
          )}
          <div id={menuId} className={menuOpen ? 'site-header__menu site-header__menu--open' : 'site-header__menu'}>
            <div className="site-header__tools">
              <LanguageSwitcher />
              {account}
            </div>
            {nav}
          </div>
        </div>
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
