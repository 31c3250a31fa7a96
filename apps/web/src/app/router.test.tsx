import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  currentUrl,
  emptyStartPageResponse,
  jsonResponse,
  mockFetch,
  renderApp,
  signedInMe,
  unauthenticatedResponse,
  withSession,
} from '../test/render-app';

const EMPTY_PAGE = { items: [], total: 0, page: 1, pageSize: 25 };

afterEach(() => {
  localStorage.clear();
});

describe('routes and navigation', () => {
  it('starts on the dashboard, with a main navigation marking the page shown', async () => {
    mockFetch(
      withSession((request) => emptyStartPageResponse(new URL(request.url).pathname) ?? jsonResponse(EMPTY_PAGE)),
    );
    const { router } = renderApp({ url: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Yleiskatsaus' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/');
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Yleiskatsaus', 'Hankkeet', 'Raportointikierrokset', 'Raportit']);
    expect(within(nav).getByRole('link', { name: 'Yleiskatsaus' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Hankkeet' })).not.toHaveAttribute('aria-current');
    // Who is signed in, in what role and city.
    expect(screen.getByRole('banner')).toHaveTextContent('Koordinaattori, Kuopion kaupunki');
  });

  it('moves focus to the new page heading on a route change, but not when a filter changes', async () => {
    mockFetch(withSession(() => jsonResponse(EMPTY_PAGE)));
    const { router } = renderApp({ url: '/password' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Vaihda salasana' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).getByRole('link', { name: 'Hankkeet' })).not.toHaveAttribute('aria-current');

    fireEvent.click(within(nav).getByRole('link', { name: 'Hankkeet' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Hankkeet' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(nav).getByRole('link', { name: 'Hankkeet' })).toHaveAttribute('aria-current', 'page');

    const status = screen.getByRole('combobox', { name: 'Vaihe' });
    status.focus();
    fireEvent.change(status, { target: { value: 'completed' } });
    expect(currentUrl(router)).toBe('/projects?lifecycleStatus=completed');
    await screen.findByText('Hakuehtoja vastaavia hankkeita ei löytynyt.');
    expect(status).toHaveFocus();
  });

  it('shows a translated not-found page at an unknown address, with a way back', async () => {
    mockFetch(withSession(() => jsonResponse(EMPTY_PAGE)));
    const { router } = renderApp({ url: '/raportit/vanha?x=1' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löytynyt' })).toBeInTheDocument();
    expect(document.title).toBe('Sivua ei löytynyt – Salkku');
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).getByRole('link', { name: 'Hankkeet' })).not.toHaveAttribute('aria-current');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'suomi' }));

    fireEvent.click(await screen.findByRole('link', { name: 'Hankkeiden luetteloon' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hankkeet' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/projects');
  });

  it('asks to sign in at any address, then shows the page that was asked for', async () => {
    let signedIn = false;
    mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/auth/login') {
        signedIn = true;
        return jsonResponse(signedInMe());
      }
      if (!signedIn) return unauthenticatedResponse();
      if (pathname === '/api/me') return jsonResponse(signedInMe());
      return jsonResponse(EMPTY_PAGE);
    });
    const { router } = renderApp({ url: '/projects?lifecycleStatus=on_hold&q=vesi' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Päävalikko' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Sähköpostiosoite'), { target: { value: 'koordinaattori@kuopio.example' } });
    fireEvent.change(screen.getByLabelText('Salasana'), { target: { value: 'oikea-salasana-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Hankkeet' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(currentUrl(router)).toBe('/projects?lifecycleStatus=on_hold&q=vesi');
    expect(screen.getByRole('combobox', { name: 'Vaihe' })).toHaveDisplayValue('Keskeytetty');
    expect(screen.getByRole('searchbox', { name: 'Hae tunnuksella tai nimellä' })).toHaveValue('vesi');
  });

  it('shows every role its role and the navigation it may use', async () => {
    mockFetch(
      withSession(() => jsonResponse(EMPTY_PAGE), signedInMe({ user: { role: 'liaison', organisation: null } })),
    );
    renderApp({ url: '/projects' });
    const nav = await screen.findByRole('navigation', { name: 'Päävalikko' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Yleiskatsaus', 'Hankkeet', 'Raportointikierrokset', 'Raportit']);
    expect(screen.getByRole('banner')).toHaveTextContent('Ministeriön yhteyshenkilö');
  });
});
