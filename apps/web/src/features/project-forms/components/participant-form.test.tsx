import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  currentUrl,
  jsonResponse,
  mockFetch,
  renderApp,
  requestsTo,
  signedInMe,
  withSession,
} from '../../../test/render-app';
import { PROJECT_ID, pageOf, participants, project, projectPageApi } from '../../../test/project-fixtures';
import type { Organisation } from '../api/records';

const STAMP = { version: 1, createdAt: '2021-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z' };
const organisation = (id: string, name: string, kind: Organisation['kind']): Organisation => ({
  ...STAMP,
  id,
  name,
  kind,
  businessId: null,
  country: 'FI',
});
const firm = participants[0]!;
const ORGANISATIONS = [
  organisation(firm.organisation.id, 'Aalto Vesi Oy', 'company'),
  organisation('c1e2f3a4-0000-4000-8000-0000000000c1', 'Kuopion kaupunki', 'city'),
  organisation('c1e2f3a4-0000-4000-8000-0000000000f7', 'VTT', 'research_institute'),
];
const VTT = ORGANISATIONS[2]!;
const NEW_URL = `/projects/${PROJECT_ID}/participants/new`;
const EDIT_URL = `/projects/${PROJECT_ID}/participants/${firm.id}/edit`;
const RECORD_PATH = `/api/participants/${firm.id}`;

/** The project page's API plus what the participant form reads: the organisations and the participant. */
function formsApi(answer: (request: Request) => Response | undefined = () => undefined, me = signedInMe()) {
  return mockFetch(
    withSession((request) => {
      const special = answer(request);
      if (special) return special;
      const { pathname } = new URL(request.url);
      if (pathname === '/api/organisations') return jsonResponse(pageOf(ORGANISATIONS));
      if (pathname === RECORD_PATH) return jsonResponse(firm);
      return projectPageApi()(request);
    }, me),
  );
}

function problem(status: number, code: string, field: string, fieldCode: string, message: string) {
  return jsonResponse(
    {
      statusCode: status,
      code,
      message,
      details: { [field]: [message] },
      problems: { [field]: [{ code: fieldCode }] },
    },
    status,
  );
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function choose(label: string, optionName: string) {
  const select = screen.getByLabelText(label);
  const option = within(select).getByRole<HTMLOptionElement>('option', { name: optionName });
  fireEvent.change(select, { target: { value: option.value } });
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Tallenna' }));

afterEach(() => {
  localStorage.clear();
});

describe('participant forms', () => {
  it('a coordinator adds a participant from the project page and comes back to an announced message', async () => {
    const fetchMock = formsApi((request) =>
      request.method === 'POST'
        ? jsonResponse({ ...firm, id: 'f0000000-0000-4000-8000-0000000000aa' }, 201)
        : undefined,
    );
    const { router } = renderApp({ url: `/projects/${PROJECT_ID}` });
    await screen.findByRole('heading', { level: 1, name: project.name });
    const actions = screen.getByRole('navigation', { name: 'Muokkaa hanketta ja sen tietoja' });
    fireEvent.click(within(actions).getByRole('button', { name: 'Muut toiminnot' }));
    fireEvent.click(within(actions).getByRole('link', { name: 'Lisää osallistuja' }));
    await waitFor(() => expect(currentUrl(router)).toBe(NEW_URL));

    await screen.findByRole('heading', { level: 1, name: 'Uusi osallistuja' });
    expect(await screen.findByText(`Hanke: VESI-KH ${project.name}`)).toBeInTheDocument();
    choose('Organisaatio', 'VTT');
    choose('Rooli hankkeessa', 'Tutkimusorganisaatio');
    type('Osallistuminen alkaa', '2022-03-01');
    choose('Tuen muoto', 'Testiympäristön käyttö');
    type('Tuen määrä (€)', '1 234,5');
    save();

    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [post] = requestsTo(fetchMock, '/api/participants', 'POST');
    expect(await post!.json()).toEqual({
      projectId: PROJECT_ID,
      organisationId: VTT.id,
      role: 'research_organisation',
      startsOn: '2022-03-01',
      endsOn: null,
      supportKind: 'test_bed_access',
      supportAmount: '1234.50',
    });
    expect(await screen.findByText('Osallistuja tallennettu.')).toHaveAttribute('role', 'status');
  });

  it('asks for the organisation and the role, and a real amount, before sending anything', async () => {
    const fetchMock = formsApi();
    renderApp({ url: NEW_URL });
    await screen.findByRole('heading', { level: 1, name: 'Uusi osallistuja' });
    type('Tuen määrä (€)', 'paljon');
    save();
    const organisationField = screen.getByLabelText('Organisaatio');
    await waitFor(() => expect(organisationField).toHaveAttribute('aria-invalid', 'true'));
    expect(organisationField).toHaveAccessibleDescription(expect.stringContaining('Tämä tieto on pakollinen.'));
    expect(organisationField).toHaveFocus();
    expect(screen.getByLabelText('Rooli hankkeessa')).toHaveAccessibleDescription(
      expect.stringContaining('Tämä tieto on pakollinen.'),
    );
    expect(screen.getByLabelText('Tuen määrä (€)')).toHaveAccessibleDescription(
      expect.stringContaining('Anna summa euroina'),
    );
    expect(requestsTo(fetchMock, '/api/participants', 'POST')).toHaveLength(0);
  });

  it("shows the server's problems by their fields: an organisation already taking part, an end before the start", async () => {
    let answer = () =>
      problem(409, 'DUPLICATE', 'organisationId', 'duplicate', 'another record already has this value');
    formsApi((request) => (request.method === 'POST' ? answer() : undefined));
    renderApp({ url: NEW_URL });
    await screen.findByRole('heading', { level: 1, name: 'Uusi osallistuja' });
    choose('Organisaatio', 'Aalto Vesi Oy');
    choose('Rooli hankkeessa', 'Osallistuva yritys');
    save();
    const organisationField = screen.getByLabelText('Organisaatio');
    await waitFor(() => expect(organisationField).toHaveAttribute('aria-invalid', 'true'));
    expect(organisationField).toHaveAccessibleDescription(
      expect.stringContaining('Organisaatio on jo tämän hankkeen osallistuja.'),
    );
    expect(organisationField).toHaveFocus();

    answer = () => problem(400, 'VALIDATION_FAILED', 'endsOn', 'dateOrder', 'endsOn must be on or after startsOn');
    type('Osallistuminen alkaa', '2023-01-01');
    type('Osallistuminen päättyy', '2022-01-01');
    save();
    const end = screen.getByLabelText('Osallistuminen päättyy');
    await waitFor(() => expect(end).toHaveAttribute('aria-invalid', 'true'));
    expect(end).toHaveAccessibleDescription(expect.stringContaining('Loppupäivä ei voi olla ennen alkupäivää.'));
    expect(screen.getByLabelText('Organisaatio')).not.toHaveAttribute('aria-invalid');
    // What was typed stays.
    expect(screen.getByLabelText('Osallistuminen alkaa')).toHaveValue('2023-01-01');
  });

  it('edits a participant from its row: its values filled in, saved with If-Match, an amount cleared as null', async () => {
    const fetchMock = formsApi((request) =>
      request.method === 'PATCH' ? jsonResponse({ ...firm, supportAmount: null, version: 2 }) : undefined,
    );
    const { router } = renderApp({ url: `/projects/${PROJECT_ID}` });
    fireEvent.click(await screen.findByRole('link', { name: 'Muokkaa osallistujaa Aalto Vesi Oy' }));
    await waitFor(() => expect(currentUrl(router)).toBe(EDIT_URL));
    await screen.findByRole('heading', { level: 1, name: 'Muokkaa osallistujaa: Aalto Vesi Oy' });
    expect(screen.getByLabelText('Organisaatio')).toHaveValue(firm.organisation.id);
    expect(screen.getByLabelText('Rooli hankkeessa')).toHaveValue('company');
    expect(screen.getByLabelText('Osallistuminen alkaa')).toHaveValue('2022-01-15');
    expect(screen.getByLabelText('Tuen muoto')).toHaveValue('grant');
    expect(screen.getByLabelText('Tuen määrä (€)')).toHaveValue('12500,50');

    type('Tuen määrä (€)', '');
    type('Osallistuminen päättyy', '2024-12-31');
    save();
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [patch] = requestsTo(fetchMock, RECORD_PATH, 'PATCH');
    expect(patch!.headers.get('If-Match')).toBe('"1"');
    expect(await patch!.json()).toEqual({
      organisationId: firm.organisation.id,
      role: 'company',
      startsOn: '2022-01-15',
      endsOn: '2024-12-31',
      supportKind: 'grant',
      supportAmount: null,
    });
    expect(await screen.findByText('Osallistuja tallennettu.')).toHaveAttribute('role', 'status');
  });

  it('on a version conflict keeps what was typed and offers the latest version', async () => {
    const fetchMock = formsApi((request) =>
      request.method === 'PATCH'
        ? jsonResponse({ statusCode: 409, code: 'STALE_VERSION', message: 'Changed by someone else' }, 409)
        : undefined,
    );
    renderApp({ url: EDIT_URL });
    await screen.findByRole('heading', { level: 1, name: 'Muokkaa osallistujaa: Aalto Vesi Oy' });
    choose('Rooli hankkeessa', 'Osatoteuttaja');
    save();
    expect(await screen.findByText(/Joku muu on muuttanut näitä tietoja/)).toBeInTheDocument();
    expect(screen.getByLabelText('Rooli hankkeessa')).toHaveValue('partner');
    fireEvent.click(screen.getByRole('button', { name: 'Lataa uusin versio' }));
    await waitFor(() => expect(requestsTo(fetchMock, RECORD_PATH, 'GET').length).toBeGreaterThanOrEqual(2));
    expect(screen.getByLabelText('Rooli hankkeessa')).toHaveValue('partner');
  });

  it('removes a participant after asking, with If-Match, and says so on the project page', async () => {
    const fetchMock = formsApi((request) =>
      request.method === 'DELETE' ? new Response(null, { status: 204 }) : undefined,
    );
    const { router } = renderApp({ url: EDIT_URL });
    fireEvent.click(await screen.findByRole('button', { name: 'Poista osallistuja' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Poistetaanko osallistuja?' });
    expect(requestsTo(fetchMock, RECORD_PATH, 'DELETE')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Poista' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [removal] = requestsTo(fetchMock, RECORD_PATH, 'DELETE');
    expect(removal!.headers.get('If-Match')).toBe('"1"');
    expect(await screen.findByText('Osallistuja poistettu.')).toHaveAttribute('role', 'status');
  });

  it('speaks Swedish and English too', async () => {
    formsApi(undefined, signedInMe({ user: { language: 'sv' } }));
    const { unmount } = renderApp({ url: NEW_URL, language: 'sv' });
    await screen.findByRole('heading', { level: 1, name: 'Ny deltagare' });
    expect(screen.getByLabelText('Roll i projektet')).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Stödform')).getByRole('option', { name: 'Tillgång till testmiljö' }),
    ).toBeInTheDocument();
    unmount();
    formsApi(undefined, signedInMe({ user: { language: 'en' } }));
    renderApp({ url: EDIT_URL, language: 'en' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Edit participant: Aalto Vesi Oy' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Taking part until')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove participant' })).toBeInTheDocument();
  });

  it('is not open to users who may not edit the portfolio, and they see no participant edit links', async () => {
    const liaison = {
      ...signedInMe({ user: { role: 'liaison', email: 'yhteyshenkilo@tem.example' } }),
      permissions: ['portfolio:read' as const],
      cityId: null,
    };
    mockFetch(withSession(projectPageApi(), liaison));
    renderApp({ url: `/projects/${PROJECT_ID}` });
    await screen.findByRole('table', { name: 'Hankkeen osallistujat' });
    expect(screen.queryByRole('link', { name: /^Muokkaa osallistujaa/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Lisää osallistuja' })).not.toBeInTheDocument();
  });
});
