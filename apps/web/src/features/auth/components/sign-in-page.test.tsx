import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  jsonResponse,
  mockFetch,
  renderApp,
  requestsTo,
  signedInMe,
  unauthenticatedResponse,
} from '../../../test/render-app';
import type { Me } from '../../../lib/session';

const EMPTY_PAGE = { items: [], total: 0, page: 1, pageSize: 25 };

/**
 * A small stand-in for the API's session: no session until a sign-in succeeds; `login` decides
 * the answer to each sign-in. Projects answer 401 without a session, as every route does.
 */
function fakeApi(login: (body: { email: string; password: string }) => Response | Promise<Response>) {
  let session: Me | null = null;
  const fetchMock = mockFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/me') return session ? jsonResponse(session) : unauthenticatedResponse();
    if (pathname === '/api/auth/login') {
      const response = await login((await request.clone().json()) as { email: string; password: string });
      if (response.ok) session = (await response.clone().json()) as Me;
      return response;
    }
    if (pathname === '/api/auth/logout') {
      session = null;
      return new Response(null, { status: 204 });
    }
    if (pathname === '/api/projects') return session ? jsonResponse(EMPTY_PAGE) : unauthenticatedResponse();
    return jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'No such route' }, 404);
  });
  return fetchMock;
}

function fillIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Sähköpostiosoite'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Salasana'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
}

afterEach(() => {
  localStorage.clear();
});

describe('sign-in', () => {
  it('shows the sign-in page, with the language switcher, when there is no session', async () => {
    mockFetch(() => unauthenticatedResponse());
    renderApp();

    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(screen.getByLabelText('Sähköpostiosoite')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Salasana')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('group', { name: 'Kieli' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Kirjaudu ulos' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Hankkeet' })).not.toBeInTheDocument();
    expect(document.title).toBe('Kirjaudu sisään – Salkku');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toBeInTheDocument();
  });

  it('signs in to the projects page, sends the CSRF token of the login on a later POST, and signs out', async () => {
    const fetchMock = fakeApi(() => jsonResponse(signedInMe({ csrfToken: 'token-from-login' })));
    renderApp({ url: '/projects' });
    await screen.findByRole('heading', { name: 'Kirjaudu sisään' });

    fillIn('  koordinaattori@kuopio.example ', 'oikea-salasana-123');

    const heading = await screen.findByRole('heading', { level: 1, name: 'Hankkeet' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText('Hankkeita ei ole vielä.')).toBeInTheDocument();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Kaisa Koordinaattori')).toBeInTheDocument();
    expect(within(banner).getByText('Koordinaattori, Kuopion kaupunki')).toBeInTheDocument();
    const [login] = requestsTo(fetchMock, '/api/auth/login', 'POST');
    expect(await login!.json()).toEqual({ email: 'koordinaattori@kuopio.example', password: 'oikea-salasana-123' });
    // Reads do not carry the token.
    expect(requestsTo(fetchMock, '/api/projects')[0]!.headers.get('X-CSRF-Token')).toBeNull();

    fireEvent.click(within(banner).getByRole('button', { name: 'Kirjaudu ulos' }));

    const signInHeading = await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' });
    await waitFor(() => expect(signInHeading).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('Olet kirjautunut ulos.');
    expect(screen.queryByRole('button', { name: 'Kirjaudu ulos' })).not.toBeInTheDocument();
    const [logout] = requestsTo(fetchMock, '/api/auth/logout', 'POST');
    expect(logout!.headers.get('X-CSRF-Token')).toBe('token-from-login');
  });

  it('says so next to the form when the email or password is wrong, and focuses the message', async () => {
    fakeApi(() => jsonResponse({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Wrong email or password' }, 401));
    renderApp();
    await screen.findByRole('heading', { name: 'Kirjaudu sisään' });

    fillIn('koordinaattori@kuopio.example', 'väärä-salasana');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Väärä sähköposti tai salasana');
    await waitFor(() => expect(alert).toHaveFocus());
    // Still the sign-in page: a wrong password is not an ended session.
    expect(screen.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('tells how long to wait after too many failed attempts (429), or to try later when the API does not say', async () => {
    let retryAfter: string | null = null;
    fakeApi(
      () =>
        new Response(
          JSON.stringify({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many failed sign-ins' }),
          {
            status: 429,
            headers: { 'Content-Type': 'application/json', ...(retryAfter ? { 'Retry-After': retryAfter } : {}) },
          },
        ),
    );
    renderApp();
    await screen.findByRole('heading', { name: 'Kirjaudu sisään' });

    fillIn('koordinaattori@kuopio.example', 'arvaus-1');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Liian monta epäonnistunutta yritystä. Yritä uudelleen myöhemmin.',
    );

    retryAfter = '300';
    fireEvent.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Liian monta epäonnistunutta yritystä. Yritä uudelleen 5 minuutin päästä.',
      ),
    );
    await waitFor(() => expect(screen.getByRole('alert')).toHaveFocus());
  });

  it('shows missing and rejected values next to their fields and focuses the first one', async () => {
    const fetchMock = fakeApi(() =>
      jsonResponse(
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          details: { email: ['email must be an email'] },
          problems: { email: [{ code: 'invalidEmail' }] },
        },
        400,
      ),
    );
    renderApp();
    await screen.findByRole('heading', { name: 'Kirjaudu sisään' });

    fireEvent.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
    const email = screen.getByLabelText('Sähköpostiosoite');
    const password = screen.getByLabelText('Salasana');
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toBeInvalid();
    expect(email).toHaveAccessibleDescription('Anna sähköpostiosoite.');
    expect(password).toBeInvalid();
    expect(password).toHaveAccessibleDescription('Anna salasana.');
    expect(requestsTo(fetchMock, '/api/auth/login', 'POST')).toHaveLength(0);

    fillIn('ei-osoite', 'jokin-salasana');
    await waitFor(() => expect(email).toHaveAccessibleDescription('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.'));
    expect(email).toBeInvalid();
    expect(password).not.toBeInvalid();
    expect(password).not.toHaveAccessibleDescription();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(email).toHaveFocus());
  });

  it("uses the profile's language after sign-in when none was chosen on this device", async () => {
    fakeApi(() => jsonResponse(signedInMe({ user: { language: 'sv' } })));
    renderApp({ url: '/projects' });
    await screen.findByRole('heading', { name: 'Kirjaudu sisään' });

    fillIn('koordinator@kuopio.example', 'rätt-lösenord-123');

    expect(await screen.findByRole('heading', { level: 1, name: 'Projekt' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Logga ut' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'sv');
    // Not stored as a choice: the next person on this computer gets their own.
    expect(localStorage.getItem('salkku.language')).toBeNull();
  });
});
