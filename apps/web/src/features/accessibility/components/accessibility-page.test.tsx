import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  jsonResponse,
  mockFetch,
  renderApp,
  requestsTo,
  signedInMe,
  unauthenticatedResponse,
} from '../../../test/render-app';

const CONTACT = {
  email: 'saavutettavuus@kuopio.fi',
  phone: '+358 17 123 4567',
  organisationName: 'Kuopion kaupunki',
  version: 2,
  updatedAt: '2026-11-28T08:00:00.000Z',
};

afterEach(() => localStorage.clear());

describe('accessibility statement', () => {
  it('is reachable from the footer while signed out and shows the configured contact', async () => {
    mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/settings/accessibility') return jsonResponse(CONTACT);
      return unauthenticatedResponse();
    });
    renderApp({ url: '/' });
    const footer = await screen.findByRole('contentinfo');
    fireEvent.click(within(footer).getByRole('link', { name: 'Saavutettavuusseloste' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Saavutettavuusseloste' })).toBeInTheDocument();
    expect(screen.getByText(/täyttää saavutettavuusvaatimukset osittain/)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'saavutettavuus@kuopio.fi' })).toHaveAttribute(
      'href',
      'mailto:saavutettavuus@kuopio.fi',
    );
    expect(screen.getByText('Kuopion kaupunki')).toBeInTheDocument();
    expect(screen.getByText('Yhteystiedot päivitetty 28.11.2026.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Muokkaa palautteen yhteystietoja' })).not.toBeInTheDocument();
  });

  it('is in Swedish and English too', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/settings/accessibility'
        ? jsonResponse(CONTACT)
        : unauthenticatedResponse(),
    );
    renderApp({ url: '/accessibility', language: 'sv' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Tillgänglighetsutlåtande' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeInTheDocument();
  });

  it('an admin edits the contact with the version read', async () => {
    const admin = signedInMe({ user: { role: 'admin', organisation: null } });
    admin.permissions = ['portfolio:read', 'organisations:read', 'organisations:write', 'users:manage'];
    const fetchMock = mockFetch(async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/me') return jsonResponse(admin);
      if (pathname === '/api/settings/accessibility' && request.method === 'PATCH') {
        const body = (await request.clone().json()) as Record<string, unknown>;
        return jsonResponse({ ...CONTACT, ...body, version: 3 });
      }
      return jsonResponse(CONTACT);
    });
    renderApp({ url: '/accessibility' });
    const form = await screen.findByRole('form', { name: 'Muokkaa palautteen yhteystietoja' });
    fireEvent.change(within(form).getByLabelText('Sähköposti'), { target: { value: 'palaute@kuopio.fi' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Tallenna yhteystiedot' }));
    expect(await screen.findByRole('link', { name: 'palaute@kuopio.fi' })).toBeInTheDocument();
    const [sent] = requestsTo(fetchMock, '/api/settings/accessibility', 'PATCH');
    expect(sent!.headers.get('If-Match')).toBe('"2"');
    const body = await sent!.json();
    expect(body).toMatchObject({ email: 'palaute@kuopio.fi' });
    expect(body).not.toHaveProperty('version');
  });

  it('remembers a signed-in user’s language choice in their profile', async () => {
    const fetchMock = mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/me') return jsonResponse(signedInMe());
      if (pathname === '/api/me/language') return jsonResponse({ language: 'sv' });
      return jsonResponse(CONTACT);
    });
    renderApp({ url: '/accessibility' });
    await screen.findByRole('navigation', { name: 'Päävalikko' });
    fireEvent.click(screen.getByRole('button', { name: 'svenska' }));
    await waitFor(() => expect(requestsTo(fetchMock, '/api/me/language', 'PATCH')).toHaveLength(1));
    expect(await requestsTo(fetchMock, '/api/me/language', 'PATCH')[0]!.json()).toEqual({ language: 'sv' });
  });
});
