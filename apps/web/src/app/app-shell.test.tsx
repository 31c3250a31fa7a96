import { fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp, signedInMe, unauthenticatedResponse } from '../test/render-app';

afterEach(() => {
  localStorage.clear();
});

describe('app shell', () => {
  it('returns to the sign-in page, saying why, when a write finds the session ended', async () => {
    let sessionAlive = true;
    mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (!sessionAlive) return unauthenticatedResponse();
      if (pathname === '/api/me') return jsonResponse(signedInMe());
      return jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 });
    });
    renderApp({ url: '/projects' });
    expect(await screen.findByText('Hankkeita ei ole vielä.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'Vaihda salasana' }));
    fireEvent.change(await screen.findByLabelText('Nykyinen salasana'), { target: { value: 'vanha-salasana-123' } });
    fireEvent.change(screen.getByLabelText('Uusi salasana'), { target: { value: 'uusi-pitka-salasana' } });
    fireEvent.change(screen.getByLabelText('Uusi salasana uudelleen'), { target: { value: 'uusi-pitka-salasana' } });

    // The session ends on the server (idle timeout, say): the next request answers 401.
    sessionAlive = false;
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna uusi salasana' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' });
    expect(screen.getByRole('status')).toHaveTextContent('Istuntosi on päättynyt. Kirjaudu sisään uudelleen.');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Kirjaudu ulos' })).not.toBeInTheDocument();
  });

  it('returns to the sign-in page when a query gets 401', async () => {
    let meCalls = 0;
    mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/me') return ++meCalls === 1 ? jsonResponse(signedInMe()) : unauthenticatedResponse();
      return unauthenticatedResponse();
    });
    renderApp();

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Istuntosi on päättynyt. Kirjaudu sisään uudelleen.');
    expect(meCalls).toBe(2);
  });

  it('offers a retry when the session cannot be checked', async () => {
    let fail = true;
    mockFetch(() =>
      fail
        ? jsonResponse({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' }, 500)
        : unauthenticatedResponse(),
    );
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Kirjautumisen tarkistaminen epäonnistui.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
  });
});
