import { fireEvent, screen, within } from '@testing-library/react';
import {
  currentUrl,
  jsonResponse,
  mockFetch,
  renderApp,
  signedInMe,
  unauthenticatedResponse,
  withSession,
} from '../test/render-app';

afterEach(() => {
  localStorage.clear();
});

describe('layout', () => {
  it('has a skip link to main and the banner, main and contentinfo landmarks', async () => {
    mockFetch(withSession(() => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 })));
    renderApp({ url: '/projects' });
    const main = screen.getByRole('main');
    expect(screen.getByRole('link', { name: 'Siirry pääsisältöön' })).toHaveAttribute('href', `#${main.id}`);
    expect(screen.getByRole('banner')).toHaveTextContent('Salkku');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(await screen.findByText('Hankkeita ei ole vielä.')).toBeInTheDocument();
    expect(document.title).toBe('Hankkeet – Salkku');
  });

  it('starts in the language remembered from an earlier visit, which wins over the profile language', async () => {
    mockFetch(
      withSession(
        () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 }),
        signedInMe({ user: { language: 'en' } }),
      ),
    );
    localStorage.setItem('salkku.language', 'sv');
    renderApp({ language: 'remembered', url: '/projects' });
    expect(screen.getByRole('button', { name: 'svenska' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('heading', { level: 1, name: 'Projekt' })).toBeInTheDocument();
    expect(await screen.findByText('Det finns inga projekt ännu.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'svenska' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('announces that the session is being checked before showing anything else', () => {
    mockFetch(() => new Promise<Response>(() => undefined));
    renderApp();
    expect(screen.getByRole('status')).toHaveTextContent('Tarkistetaan kirjautumista…');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });

  describe('the menu button (the phone header)', () => {
    it('opens and closes the navigation, the language and the account, and says which it is', async () => {
      mockFetch(withSession(() => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 })));
      renderApp({ url: '/projects' });
      expect(await screen.findByText('Hankkeita ei ole vielä.')).toBeInTheDocument();

      const button = screen.getByRole('button', { name: 'Valikko' });
      expect(button).toHaveAttribute('aria-expanded', 'false');
      const menu = document.getElementById(button.getAttribute('aria-controls') ?? '');
      expect(menu).not.toBeNull();
      // What it opens: the main navigation, the language switcher and the account's actions.
      expect(within(menu!).getByRole('navigation', { name: 'Päävalikko' })).toBeInTheDocument();
      expect(within(menu!).getByRole('group', { name: 'Kieli' })).toBeInTheDocument();
      expect(within(menu!).getByRole('button', { name: 'Kirjaudu ulos' })).toBeInTheDocument();

      fireEvent.click(button);
      expect(button).toHaveAttribute('aria-expanded', 'true');
      expect(menu).toHaveClass('site-header__menu--open');
      fireEvent.click(button);
      expect(button).toHaveAttribute('aria-expanded', 'false');
      expect(menu).not.toHaveClass('site-header__menu--open');
    });

    it('closes on Escape from inside the menu and gives focus back to its button', async () => {
      mockFetch(withSession(() => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 })));
      renderApp({ url: '/projects' });
      const button = await screen.findByRole('button', { name: 'Valikko' });
      fireEvent.click(button);
      const signOut = screen.getByRole('button', { name: 'Kirjaudu ulos' });
      signOut.focus();
      fireEvent.keyDown(signOut, { key: 'Escape' });
      expect(button).toHaveAttribute('aria-expanded', 'false');
      expect(button).toHaveFocus();
    });

    it('closes when a link in it opens another page', async () => {
      mockFetch(withSession(() => jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 })));
      const { router } = renderApp({ url: '/projects' });
      const button = await screen.findByRole('button', { name: 'Valikko' });
      fireEvent.click(button);
      fireEvent.click(screen.getByRole('link', { name: 'Vaihda salasana' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Vaihda salasana' })).toBeInTheDocument();
      expect(currentUrl(router)).toBe('/password');
      expect(button).toHaveAttribute('aria-expanded', 'false');
    });

    it('is not there when nobody is signed in: the header has only the language switcher', async () => {
      mockFetch(() => unauthenticatedResponse());
      renderApp();
      expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Valikko' })).not.toBeInTheDocument();
      expect(within(screen.getByRole('banner')).getByRole('group', { name: 'Kieli' })).toBeInTheDocument();
    });
  });
});
