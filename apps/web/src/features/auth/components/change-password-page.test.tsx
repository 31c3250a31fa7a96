import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  emptyStartPageResponse,
  jsonResponse,
  mockFetch,
  renderApp,
  requestsTo,
  signedInMe,
} from '../../../test/render-app';

afterEach(() => {
  localStorage.clear();
});

/** Signed in; POST /api/auth/password answers with `answer`, logout with 204, login with the user. */
function signedInApi(answer: (body: { currentPassword: string; newPassword: string }) => Response) {
  return mockFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/me') return jsonResponse(signedInMe({ csrfToken: 'token-from-me' }));
    if (pathname === '/api/auth/password') {
      return answer((await request.clone().json()) as { currentPassword: string; newPassword: string });
    }
    if (pathname === '/api/auth/logout') return new Response(null, { status: 204 });
    if (pathname === '/api/auth/login') return jsonResponse(signedInMe({ csrfToken: 'token-from-login' }));
    const startPage = emptyStartPageResponse(pathname);
    if (startPage) return startPage;
    return jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 });
  });
}

async function openChangePassword() {
  renderApp({ url: '/projects' });
  const banner = await screen.findByRole('banner');
  const link = await within(banner).findByRole('link', { name: 'Vaihda salasana' });
  expect(link).not.toHaveAttribute('aria-current');
  fireEvent.click(link);
  const heading = await screen.findByRole('heading', { level: 1, name: 'Vaihda salasana' });
  await waitFor(() => expect(heading).toHaveFocus());
  expect(link).toHaveAttribute('aria-current', 'page');
  expect(document.title).toBe('Vaihda salasana – Salkku');
  return {
    current: screen.getByLabelText('Nykyinen salasana'),
    next: screen.getByLabelText('Uusi salasana'),
    repeat: screen.getByLabelText('Uusi salasana uudelleen'),
    submit: screen.getByRole('button', { name: 'Tallenna uusi salasana' }),
  };
}

function type(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

describe('change password', () => {
  it('checks that the new password is repeated the same before asking the API', async () => {
    const fetchMock = signedInApi(() => jsonResponse(signedInMe()));
    const form = await openChangePassword();
    expect(form.next).toHaveAccessibleDescription(
      'Vähintään 12 merkkiä. Älä käytä yleistä salasanaa, nimeäsi tai sähköpostiosoitettasi.',
    );

    type(form.current, 'vanha-salasana-123');
    type(form.next, 'uusi-pitka-salasana');
    type(form.repeat, 'uusi-pitka-salasanA');
    fireEvent.click(form.submit);

    await waitFor(() => expect(form.repeat).toHaveFocus());
    expect(form.repeat).toBeInvalid();
    expect(form.repeat).toHaveAccessibleDescription('Salasanat eivät täsmää.');
    expect(form.next).not.toBeInvalid();
    expect(requestsTo(fetchMock, '/api/auth/password', 'POST')).toHaveLength(0);
  });

  it("shows the API's verdict next to its field, then announces the change", async () => {
    let answer: Response = jsonResponse(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The password is one of the most common passwords: choose another',
        details: { newPassword: ['password is one of the most common passwords: choose another'] },
        problems: { newPassword: [{ code: 'commonPassword' }] },
      },
      400,
    );
    const fetchMock = signedInApi(() => answer);
    const form = await openChangePassword();

    type(form.current, 'vanha-salasana-123');
    type(form.next, 'salasana1234');
    type(form.repeat, 'salasana1234');
    fireEvent.click(form.submit);

    await waitFor(() => expect(form.next).toHaveFocus());
    expect(form.next).toBeInvalid();
    expect(form.next).toHaveAccessibleDescription(
      'Vähintään 12 merkkiä. Älä käytä yleistä salasanaa, nimeäsi tai sähköpostiosoitettasi. Salasana on liian yleinen. Valitse toinen.',
    );
    expect(form.current).not.toBeInvalid();
    const [first] = requestsTo(fetchMock, '/api/auth/password', 'POST');
    expect(first!.headers.get('X-CSRF-Token')).toBe('token-from-me');
    expect(await first!.json()).toEqual({ currentPassword: 'vanha-salasana-123', newPassword: 'salasana1234' });

    answer = jsonResponse(signedInMe({ csrfToken: 'token-after-change' }));
    type(form.next, 'kolme-vihreää-kuusta');
    type(form.repeat, 'kolme-vihreää-kuusta');
    fireEvent.click(form.submit);

    const done = await screen.findByText('Salasana vaihdettu.');
    expect(done).toHaveAttribute('role', 'status');
    // Shown as a success, not only read out.
    expect(done).toHaveClass('status-message--success');
    expect(form.current).toHaveValue('');
    expect(form.next).not.toBeInvalid();

    // The API started a new session with a new CSRF token; the next write sends that one.
    fireEvent.click(screen.getByRole('button', { name: 'Kirjaudu ulos' }));
    await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' });
    expect(requestsTo(fetchMock, '/api/auth/logout', 'POST')[0]!.headers.get('X-CSRF-Token')).toBe(
      'token-after-change',
    );

    // Signing in again starts on the start page (the dashboard), not where the last session was.
    fireEvent.change(screen.getByLabelText('Sähköpostiosoite'), { target: { value: 'koordinaattori@kuopio.example' } });
    fireEvent.change(screen.getByLabelText('Salasana'), { target: { value: 'kolme-vihreää-kuusta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Yleiskatsaus' }, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('says when the current password is wrong, and goes back to the projects', async () => {
    signedInApi(() =>
      jsonResponse(
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'The current password is wrong',
          details: { currentPassword: ['is wrong'] },
          problems: { currentPassword: [{ code: 'wrongPassword' }] },
        },
        400,
      ),
    );
    const form = await openChangePassword();
    type(form.current, 'väärä-salasana');
    type(form.next, 'uusi-pitka-salasana');
    type(form.repeat, 'uusi-pitka-salasana');
    fireEvent.click(form.submit);

    await waitFor(() => expect(form.current).toHaveAccessibleDescription('Nykyinen salasana on väärä.'));
    await waitFor(() => expect(form.current).toHaveFocus());

    fireEvent.click(screen.getByRole('link', { name: 'Takaisin hankkeisiin' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Hankkeet' });
    await waitFor(() => expect(heading).toHaveFocus());
  });
});
