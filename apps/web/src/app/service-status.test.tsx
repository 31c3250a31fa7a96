import '@testing-library/jest-dom';
import { fireEvent, screen } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp, withSession } from '../test/render-app';

const UNAVAILABLE = { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'The database cannot be reached' };

describe('while the API answers 503 (database down)', () => {
  it.each([
    ['fi', 'Palvelu on tilapäisesti poissa käytöstä. Yritä hetken kuluttua uudelleen.'],
    ['sv', 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.'],
  ] as const)('a page says the service is temporarily unavailable (%s)', async (language, text) => {
    mockFetch(
      withSession(() => jsonResponse(UNAVAILABLE, 503, { 'Retry-After': '5' }), {
        user: {
          id: 'e5f6a7b8-0000-4000-8000-000000000001',
          email: 'koordinaattori@kuopio.example',
          displayName: 'Kaisa Koordinaattori',
          role: 'coordinator',
          language,
          mailDigest: true,
          organisation: null,
        },
        permissions: ['portfolio:read'],
        cityId: null,
        csrfToken: 'csrf',
      }),
    );
    renderApp({ language, url: '/projects' });
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByText(/database/i)).not.toBeInTheDocument();
  });

  it('sign-in says so too', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/me'
        ? jsonResponse({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in first' }, 401)
        : jsonResponse(UNAVAILABLE, 503),
    );
    renderApp({ url: '/' });
    fireEvent.change(await screen.findByLabelText('Sähköpostiosoite'), { target: { value: 'a@b.fi' } });
    fireEvent.change(screen.getByLabelText('Salasana'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
    expect((await screen.findAllByText(/Palvelu on tilapäisesti poissa käytöstä/)).length).toBeGreaterThan(0);
  });
});
