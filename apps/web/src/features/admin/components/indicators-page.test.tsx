import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CATALOGUE, catalogueIndicator, EUROS } from '../../../test/indicator-fixtures';
import { agreementFixture } from '../../../test/portfolio-fixtures';
import { jsonResponse, mockFetch, renderApp, requestsTo, signedInMe } from '../../../test/render-app';
import type { Me } from '../../../lib/session';

const ADMIN: Me = {
  ...signedInMe({ user: { role: 'admin', displayName: 'Aino Admin', organisation: null } }),
  permissions: [
    'portfolio:read',
    'portfolio:write',
    'organisations:read',
    'organisations:write',
    'users:manage',
    'indicators:write',
  ],
  cityId: null,
};

const AGREEMENT = agreementFixture('a3c8e1f2-0000-4000-8000-0000000000aa', 'Kuopion ekosysteemisopimus 2021–2027');
/** An agreement's own indicator, besides the common ones of the catalogue fixture. */
const OWN = catalogueIndicator(
  { ...EUROS, id: '11111111-0000-4000-8000-000000000009', code: 'KUO-09', unit: 'other', unitName: 'm²' },
  { agreementId: AGREEMENT.id, agreementTitle: AGREEMENT.title, nameFi: 'Testiympäristöjen pinta-ala' },
);
const LIST = [...CATALOGUE, OWN];

function catalogueApi(me: Me = ADMIN, write?: (request: Request) => Response | Promise<Response>) {
  return mockFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/me') return jsonResponse(me);
    if (request.method !== 'GET' && write) return write(request);
    if (pathname === '/api/indicators') return jsonResponse({ items: LIST, total: LIST.length, page: 1, pageSize: 50 });
    if (pathname === '/api/agreements') return jsonResponse({ items: [AGREEMENT], total: 1, page: 1, pageSize: 100 });
    return jsonResponse({ items: [], total: 0, page: 1, pageSize: 25 });
  });
}

const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

afterEach(() => localStorage.clear());

describe('the indicator catalogue', () => {
  it('an admin opens it from the navigation and sees each indicator’s code, name, unit, kind, source, scope and derived mark', async () => {
    catalogueApi();
    renderApp({ url: '/projects' });
    const nav = await screen.findByRole('navigation', { name: 'Päävalikko' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Indikaattorit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Indikaattorit' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Indikaattorit (4)' });
    const cells = (code: string) =>
      [
        ...within(table)
          .getByRole('row', { name: new RegExp(code) })
          .querySelectorAll('th, td'),
      ].map(text);
    expect(cells('KUO-01')).toEqual([
      'KUO-01',
      'Uudet palvelutuotteet',
      'Lukumäärä',
      'Tuotos',
      'Kaupungin oma',
      'Yhteinen kaikille sopimuksille',
      '–',
      'Muokkaa: KUO-01',
    ]);
    expect(cells('RCO01')).toEqual([
      'RCO01',
      'Tuetut yritykset',
      'Lukumäärä',
      'Tuotos',
      'EU:n yhteinen indikaattori',
      'Yhteinen kaikille sopimuksille',
      'Laskettu',
      'Näytä: RCO01',
    ]);
    expect(cells('KUO-09').slice(2, 6)).toEqual([
      'm²',
      'Tuotos',
      'Kaupungin oma',
      'Sopimuksen oma: Kuopion ekosysteemisopimus 2021–2027',
    ]);
  });

  it('names the indicators in the language of the interface', async () => {
    catalogueApi({ ...ADMIN, user: { ...ADMIN.user, language: 'sv' } });
    renderApp({ url: '/admin/indicators', language: 'sv' });
    const table = await screen.findByRole('table', { name: 'Indikatorer (4)' });
    expect(within(table).getByRole('row', { name: /KUO-01/ })).toHaveTextContent('Nya tjänsteprodukter');
    expect(within(table).getByRole('row', { name: /RCO01/ })).toHaveTextContent('Beräknad');
  });

  it('is neither in the navigation nor open for a coordinator', async () => {
    const fetchMock = catalogueApi(signedInMe());
    renderApp({ url: '/admin/indicators' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ei käyttöoikeutta' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).queryByRole('link', { name: 'Indikaattorit' })).not.toBeInTheDocument();
    expect(requestsTo(fetchMock, '/api/indicators')).toEqual([]);
  });

  it('creates an indicator: asks a unit name only for the unit "other", makes a percentage the latest value, and announces it', async () => {
    const fetchMock = catalogueApi(ADMIN, async (request) =>
      jsonResponse(catalogueIndicator({ ...EUROS, ...((await request.clone().json()) as object) }), 201),
    );
    renderApp({ url: '/admin/indicators' });
    const form = await screen.findByRole('form', { name: 'Uusi indikaattori' });
    const field = (label: string) => within(form).getByLabelText(label);
    fireEvent.change(field('Tunnus'), { target: { value: ' KUO-03 ' } });
    fireEvent.change(field('Nimi suomeksi'), { target: { value: 'Uusien yritysten osuus' } });
    fireEvent.change(field('Nimi ruotsiksi'), { target: { value: 'Andel nya företag' } });
    fireEvent.change(field('Nimi englanniksi'), { target: { value: 'Share of new enterprises' } });
    expect(within(form).queryByLabelText('Yksikön nimi')).not.toBeInTheDocument();
    fireEvent.change(field('Yksikkö'), { target: { value: 'other' } });
    expect(field('Yksikön nimi')).toBeInTheDocument();
    fireEvent.change(field('Yksikkö'), { target: { value: 'percent' } });
    expect(within(form).queryByLabelText('Yksikön nimi')).not.toBeInTheDocument();
    expect(field('Koonti')).toHaveValue('latest');
    fireEvent.change(field('Tyyppi'), { target: { value: 'result' } });
    await within(field('Sopimus')).findByRole('option', { name: AGREEMENT.title });
    fireEvent.change(field('Sopimus'), { target: { value: AGREEMENT.id } });
    fireEvent.click(within(form).getByRole('button', { name: 'Luo indikaattori' }));

    expect(await screen.findByText('Indikaattori KUO-03 luotu.')).toBeInTheDocument();
    const [post] = requestsTo(fetchMock, '/api/indicators', 'POST');
    expect(await post!.json()).toEqual({
      code: 'KUO-03',
      nameFi: 'Uusien yritysten osuus',
      nameSv: 'Andel nya företag',
      nameEn: 'Share of new enterprises',
      definitionFi: null,
      definitionSv: null,
      definitionEn: null,
      unit: 'percent',
      unitName: null,
      kind: 'result',
      aggregation: 'latest',
      source: 'city',
      agreementId: AGREEMENT.id,
    });
    await waitFor(() => expect(field('Tunnus')).toHaveValue(''));
  });

  it('shows the API’s refusals by their fields, in the form’s words', async () => {
    catalogueApi(ADMIN, () =>
      jsonResponse(
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          details: { unitName: ['unitName is required for the unit other'], code: ['code is taken'] },
          problems: { unitName: [{ code: 'required' }], code: [{ code: 'duplicate' }] },
        },
        400,
      ),
    );
    renderApp({ url: '/admin/indicators' });
    const form = await screen.findByRole('form', { name: 'Uusi indikaattori' });
    fireEvent.change(within(form).getByLabelText('Yksikkö'), { target: { value: 'other' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Luo indikaattori' }));
    const unitName = within(form).getByLabelText('Yksikön nimi');
    await waitFor(() => expect(unitName).toHaveAttribute('aria-invalid', 'true'));
    expect(unitName).toHaveAccessibleDescription(expect.stringContaining('Anna yksikön nimi, kun yksikkö on Muu.'));
    expect(within(form).getByLabelText('Tunnus')).toHaveAccessibleDescription(
      expect.stringContaining('Tämä arvo on jo käytössä.'),
    );
    expect(within(form).getByLabelText('Nimi suomeksi')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Tarkista merkityt kentät.');
  });

  it('edits an indicator with the version read as If-Match, and says when someone else changed it first', async () => {
    let patches = 0;
    const fetchMock = catalogueApi(ADMIN, async (request) => {
      patches += 1;
      if (patches === 1)
        return jsonResponse({ statusCode: 409, code: 'STALE_VERSION', message: 'Changed by someone else' }, 409);
      return jsonResponse({ ...EUROS, ...((await request.clone().json()) as object), version: 2 });
    });
    renderApp({ url: '/admin/indicators' });
    fireEvent.click(await screen.findByRole('button', { name: 'Muokkaa: KUO-02' }));
    const form = await screen.findByRole('form', { name: 'Muokkaa indikaattoria KUO-02' });
    expect(within(form).getByLabelText('Nimi suomeksi')).toHaveValue('Yksityiset investoinnit');
    expect(within(form).getByLabelText('Yksikkö')).toHaveValue('euros');
    fireEvent.change(within(form).getByLabelText('Määritelmä suomeksi'), {
      target: { value: 'Yritysten omat investoinnit hankkeisiin.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Tallenna' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Joku muu muutti tietoja sillä välin.');

    fireEvent.click(within(form).getByRole('button', { name: 'Tallenna' }));
    expect(await screen.findByText('Indikaattori KUO-02 tallennettu.')).toBeInTheDocument();
    const patchesSent = requestsTo(fetchMock, `/api/indicators/${EUROS.id}`, 'PATCH');
    expect(patchesSent[0]!.headers.get('If-Match')).toBe(`"${EUROS.version}"`);
    expect(await patchesSent[1]!.json()).toMatchObject({ definitionFi: 'Yritysten omat investoinnit hankkeisiin.' });
  });

  it('shows a derived indicator read-only: no form, no delete', async () => {
    catalogueApi();
    renderApp({ url: '/admin/indicators' });
    fireEvent.click(await screen.findByRole('button', { name: 'Näytä: RCO01' }));
    const view = await screen.findByRole('region', { name: 'Indikaattori RCO01' });
    expect(view).toHaveTextContent('Tämä indikaattori lasketaan hankkeiden osallistujista.');
    expect(within(view).getByText('Tuetut yritykset')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: /RCO01/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Poista indikaattori' })).not.toBeInTheDocument();
  });

  it('deletes after asking, with If-Match, and explains an indicator in use', async () => {
    let deletes = 0;
    const fetchMock = catalogueApi(ADMIN, () => {
      deletes += 1;
      return deletes === 1
        ? jsonResponse({ statusCode: 409, code: 'IN_USE', message: 'The indicator has targets' }, 409)
        : new Response(null, { status: 204 });
    });
    renderApp({ url: '/admin/indicators' });
    fireEvent.click(await screen.findByRole('button', { name: 'Muokkaa: KUO-02' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Poista indikaattori' }));
    const question = screen.getByRole('group', { name: 'Poista indikaattori' });
    expect(question).toHaveTextContent('Poistetaanko indikaattori KUO-02? Poistoa ei voi perua.');
    fireEvent.click(within(question).getByRole('button', { name: 'Peruuta' }));
    expect(requestsTo(fetchMock, `/api/indicators/${EUROS.id}`, 'DELETE')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Poista indikaattori' }));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Poista indikaattori' })).getByRole('button', { name: 'Poista' }),
    );
    expect(
      await screen.findByText('Indikaattoria ei voi poistaa: sille on asetettu tavoitteita tai kirjattu toteumia.'),
    ).toHaveAttribute('role', 'alert');

    fireEvent.click(screen.getByRole('button', { name: 'Poista indikaattori' }));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Poista indikaattori' })).getByRole('button', { name: 'Poista' }),
    );
    expect(await screen.findByText('Indikaattori KUO-02 poistettu.')).toBeInTheDocument();
    const sent = requestsTo(fetchMock, `/api/indicators/${EUROS.id}`, 'DELETE');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.headers.get('If-Match')).toBe(`"${EUROS.version}"`);
  });
});
