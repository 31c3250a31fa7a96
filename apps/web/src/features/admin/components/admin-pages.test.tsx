import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp, requestsTo, signedInMe } from '../../../test/render-app';

const ADMIN = signedInMe({
  user: { id: 'a0000000-0000-4000-8000-000000000001', role: 'admin', displayName: 'Aino Admin', organisation: null },
});
ADMIN.permissions = ['portfolio:read', 'portfolio:write', 'organisations:read', 'organisations:write', 'users:manage'];
ADMIN.cityId = null;

const KUOPIO = {
  id: 'c1e2f3a4-0000-4000-8000-0000000000c1',
  name: 'Kuopion kaupunki',
  kind: 'city',
  businessId: null,
  country: 'FI',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const USER = {
  id: 'b0000000-0000-4000-8000-000000000002',
  email: 'kaisa@kuopio.example',
  displayName: 'Kaisa Koordinaattori',
  role: 'coordinator',
  organisation: { id: KUOPIO.id, name: KUOPIO.name },
  active: true,
  language: 'fi',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function adminApi(me = ADMIN, onCreateUser?: (body: Record<string, unknown>) => Response) {
  return mockFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/me') return jsonResponse(me);
    if (pathname === '/api/users' && request.method === 'POST' && onCreateUser) {
      return onCreateUser((await request.clone().json()) as Record<string, unknown>);
    }
    if (pathname === '/api/users') return jsonResponse({ items: [USER], total: 1, page: 1, pageSize: 50 });
    if (pathname === '/api/organisations') return jsonResponse({ items: [KUOPIO], total: 1, page: 1, pageSize: 50 });
    if (pathname === `/api/users/${USER.id}` && request.method === 'PATCH') {
      const body = (await request.clone().json()) as Record<string, unknown>;
      return jsonResponse({ ...USER, ...body, version: USER.version + 1 });
    }
    return jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 });
  });
}

afterEach(() => localStorage.clear());

describe('admin pages', () => {
  it('an admin sees Käyttäjät and Organisaatiot in the navigation and can open both pages', async () => {
    adminApi();
    renderApp({ url: '/projects' });
    const nav = await screen.findByRole('navigation', { name: 'Päävalikko' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Käyttäjät' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Käyttäjät' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Käyttäjät (1)' });
    const row = within(table).getByRole('row', { name: /Kaisa Koordinaattori/ });
    expect(within(row).getByRole('cell', { name: 'Koordinaattori' })).toBeInTheDocument();
    expect(within(row).getByRole('cell', { name: 'Kuopion kaupunki' })).toBeInTheDocument();
    expect(within(row).getByRole('cell', { name: 'Aktiivinen' })).toBeInTheDocument();

    fireEvent.click(within(nav).getByRole('link', { name: 'Organisaatiot' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Organisaatiot' })).toBeInTheDocument();
    const orgs = await screen.findByRole('table', { name: 'Organisaatiot (1)' });
    expect(within(orgs).getByRole('cell', { name: 'Kaupunki' })).toBeInTheDocument();
  });

  it('a coordinator sees no admin navigation', async () => {
    adminApi(signedInMe());
    renderApp({ url: '/projects' });
    const nav = await screen.findByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).getByRole('link', { name: 'Hankkeet' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Käyttäjät' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Organisaatiot' })).not.toBeInTheDocument();
  });

  it('creating a user shows the server validation errors next to their fields', async () => {
    const fetchMock = adminApi(ADMIN, () =>
      jsonResponse(
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          details: {
            email: ['email must be an email address'],
            organisationId: ['a coordinator needs an organisation: their city'],
          },
          problems: { email: [{ code: 'invalidEmail' }], organisationId: [{ code: 'required' }] },
        },
        400,
      ),
    );
    renderApp({ url: '/admin/users' });
    const form = await screen.findByRole('form', { name: 'Uusi käyttäjä' });
    fireEvent.change(within(form).getByLabelText('Sähköposti'), { target: { value: 'ei-osoite' } });
    fireEvent.change(within(form).getByLabelText('Nimi'), { target: { value: 'Uusi Käyttäjä' } });
    fireEvent.change(within(form).getByLabelText(/^Salasana/), { target: { value: 'Pitka-salasana-2026' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Luo käyttäjä' }));

    const email = within(form).getByLabelText('Sähköposti');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect(within(form).getByLabelText('Organisaatio')).toHaveAccessibleDescription(
      'Koordinaattorilla ja johtajalla on oltava organisaatio (kaupunki).',
    );
    expect(within(form).getByLabelText('Nimi')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Tarkista merkityt kentät.');
    const [sent] = requestsTo(fetchMock, '/api/users', 'POST');
    expect(await sent!.json()).toMatchObject({ email: 'ei-osoite', role: 'coordinator', organisationId: null });
  });

  it('deactivating a user sends the version read and announces it', async () => {
    const fetchMock = adminApi();
    renderApp({ url: '/admin/users' });
    fireEvent.click(await screen.findByRole('button', { name: 'Muokkaa: Kaisa Koordinaattori' }));
    // The editor opens below the table, and the keyboard is taken to its first field.
    await waitFor(() =>
      expect(document.getElementById(`edit-${USER.id}`)).toContainElement(document.activeElement as HTMLElement),
    );
    expect(document.activeElement).toHaveAccessibleName('Rooli');
    fireEvent.click(await screen.findByRole('button', { name: 'Poista käytöstä' }));
    // Said in the page's status line (the list's own says when it loads).
    expect(await screen.findByText('Käyttäjä Kaisa Koordinaattori poistettu käytöstä.')).toHaveAttribute(
      'role',
      'status',
    );
    const [sent] = requestsTo(fetchMock, `/api/users/${USER.id}`, 'PATCH');
    expect(sent!.headers.get('If-Match')).toBe('"3"');
    expect(await sent!.json()).toEqual({ active: false });
  });
});
