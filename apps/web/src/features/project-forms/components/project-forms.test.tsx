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
import { PROJECT_ID, project, projectPageApi } from '../../../test/project-fixtures';

const liaison = () => ({
  ...signedInMe({ user: { role: 'liaison', email: 'yhteyshenkilo@tem.example' } }),
  permissions: ['portfolio:read' as const],
  cityId: null,
});

function type(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('editing controls on the project page', () => {
  const EDIT_CONTROL = /(^|\s)(Muokkaa|Lisää|Uusi|Poista)(\s|$)/i;

  it('a coordinator sees the links that open the forms', async () => {
    mockFetch(withSession(projectPageApi()));
    renderApp({ url: `/projects/${PROJECT_ID}` });
    await screen.findByRole('heading', { level: 1, name: project.name });
    const actions = screen.getByRole('navigation', { name: 'Muokkaa hanketta ja sen tietoja' });
    expect(within(actions).getByRole('link', { name: 'Lisää tilanneraportti' })).toBeInTheDocument();
    // The other actions are in the menu.
    fireEvent.click(within(actions).getByRole('button', { name: 'Muut toiminnot' }));
    for (const name of ['Muokkaa hanketta', 'Vaihda vaihetta', 'Lisää rahoituspäätös', 'Lisää virstanpylväs']) {
      expect(within(actions).getByRole('link', { name })).toBeInTheDocument();
    }
    // Payments are added beside the decisions; the city's decision has no amount granted yet, so
    // it offers recording the amount instead (item 15).
    const funding = screen.getByRole('region', { name: 'Rahoitus' });
    expect(await within(funding).findAllByRole('link', { name: /^Lisää maksu päätökseen/ })).toHaveLength(1);
    expect(within(funding).getAllByRole('link', { name: /^Kirjaa myönnetty summa päätökseen/ })).toHaveLength(1);
  });

  it('a liaison sees no editing controls at all', async () => {
    mockFetch(withSession(projectPageApi(), liaison()));
    renderApp({ url: `/projects/${PROJECT_ID}` });
    await screen.findByRole('heading', { level: 1, name: project.name });
    await screen.findByRole('table', { name: 'Rahoituspäätökset' });
    expect(screen.queryByRole('navigation', { name: 'Muokkaa hanketta ja sen tietoja' })).not.toBeInTheDocument();
    const controls = [...screen.queryAllByRole('link'), ...screen.queryAllByRole('button')].filter((element) =>
      EDIT_CONTROL.test(element.textContent ?? ''),
    );
    expect(controls).toEqual([]);
  });
});

describe('edit project form', () => {
  const url = `/projects/${PROJECT_ID}/edit`;

  it('shows the server’s problem next to its field in Finnish, marks it invalid and focuses it', async () => {
    mockFetch(
      withSession((request) => {
        if (request.method === 'PATCH') {
          return jsonResponse(
            {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: 'Validation failed',
              details: { plannedEnd: ['plannedEnd must be on or after plannedStart'] },
              problems: { plannedEnd: [{ code: 'dateOrder' }] },
            },
            400,
          );
        }
        return projectPageApi()(request);
      }),
    );
    renderApp({ url });
    const end = await screen.findByLabelText('Suunniteltu loppupäivä');
    fireEvent.change(end, { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna' }));

    await waitFor(() => expect(end).toHaveAttribute('aria-invalid', 'true'));
    expect(end).toHaveAccessibleDescription('Loppupäivä ei voi olla ennen alkupäivää.');
    expect(end).toHaveFocus();
    expect(screen.getByLabelText('Nimi')).not.toHaveAttribute('aria-invalid');
  });

  it('sends the version read and Finnish money as a decimal string, then goes back with a message', async () => {
    const fetchMock = mockFetch(
      withSession((request) =>
        request.method === 'PATCH'
          ? jsonResponse({ ...project, version: project.version + 1 })
          : projectPageApi()(request),
      ),
    );
    const { router } = renderApp({ url });
    await screen.findByLabelText('Kokonaisbudjetti (€)');
    type('Kokonaisbudjetti (€)', '1 234,50');
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna' }));

    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
    const [patch] = requestsTo(fetchMock, `/api/projects/${PROJECT_ID}`, 'PATCH');
    expect(patch!.headers.get('If-Match')).toBe(`"${project.version}"`);
    const body = await patch!.json();
    expect(body).toMatchObject({ totalBudget: '1234.50', name: project.name });
    expect(body).not.toHaveProperty('version');
    expect(await screen.findByText('Hankkeen tiedot tallennettu.')).toHaveAttribute('role', 'status');
  });

  it('rejects money that is not an amount without asking the server', async () => {
    const fetchMock = mockFetch(withSession(projectPageApi()));
    renderApp({ url });
    await screen.findByLabelText('Kokonaisbudjetti (€)');
    type('Kokonaisbudjetti (€)', '12 tonnia');
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna' }));
    const budget = screen.getByLabelText('Kokonaisbudjetti (€)');
    await waitFor(() => expect(budget).toHaveAttribute('aria-invalid', 'true'));
    expect(budget).toHaveAccessibleDescription(expect.stringContaining('Anna summa euroina'));
    expect(requestsTo(fetchMock, `/api/projects/${PROJECT_ID}`, 'PATCH')).toHaveLength(0);
  });

  it('on a version conflict keeps what was typed, reloads only the version and tells what changed', async () => {
    let serverProject = project;
    const fetchMock = mockFetch(
      withSession((request) => {
        const { pathname } = new URL(request.url);
        if (request.method === 'PATCH') {
          return jsonResponse(
            { statusCode: 409, code: 'STALE_VERSION', message: 'The record was changed by someone else' },
            409,
          );
        }
        if (pathname === `/api/projects/${PROJECT_ID}`) return jsonResponse(serverProject);
        return projectPageApi()(request);
      }),
    );
    renderApp({ url });
    await screen.findByLabelText('Nimi');
    type('Nimi', 'Minun uusi nimeni');
    serverProject = { ...project, version: project.version + 1, euraCode: 'B88888' };
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Joku muu on muuttanut');
    expect(screen.getByLabelText('Nimi')).toHaveValue('Minun uusi nimeni');

    fireEvent.click(within(alert).getByRole('button', { name: 'Lataa uusin versio' }));
    expect(await screen.findByText('Palvelimella muuttuneet kentät: EURA-tunnus')).toBeInTheDocument();
    expect(screen.getByLabelText('Nimi')).toHaveValue('Minun uusi nimeni');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Tallenna' }));
    await waitFor(() => expect(requestsTo(fetchMock, `/api/projects/${PROJECT_ID}`, 'PATCH')).toHaveLength(2));
    const second = requestsTo(fetchMock, `/api/projects/${PROJECT_ID}`, 'PATCH')[1]!;
    expect(second.headers.get('If-Match')).toBe(`"${project.version + 1}"`);
    expect(await second.json()).toMatchObject({ name: 'Minun uusi nimeni' });
  });

  it('asks before leaving with unsaved changes, and staying keeps them', async () => {
    mockFetch(withSession(projectPageApi()));
    const { router } = renderApp({ url });
    await screen.findByLabelText('Nimi');
    type('Nimi', 'Keskeneräinen');
    fireEvent.click(screen.getByRole('link', { name: 'Peruuta' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Poistutaanko tallentamatta?' });
    expect(within(dialog).getByRole('button', { name: 'Jatka muokkausta' })).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(currentUrl(router)).toBe(url);
    expect(screen.getByLabelText('Nimi')).toHaveValue('Keskeneräinen');

    fireEvent.click(screen.getByRole('link', { name: 'Peruuta' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Poistu tallentamatta' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${PROJECT_ID}`));
  });
});

describe('lifecycle status form', () => {
  it('offers only the transitions the project allows and shows an illegal transition as an alert', async () => {
    mockFetch(
      withSession((request) =>
        request.method === 'PATCH'
          ? jsonResponse({ statusCode: 409, code: 'ILLEGAL_TRANSITION', message: 'Cannot move' }, 409)
          : projectPageApi({
              [`/api/projects/${PROJECT_ID}`]: () =>
                jsonResponse({ ...project, lifecycleStatus: 'active', allowedTransitions: ['on_hold', 'completed'] }),
            })(request),
      ),
    );
    renderApp({ url: `/projects/${PROJECT_ID}/status` });
    const select = await screen.findByLabelText('Uusi vaihe');
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Valitse…', 'Keskeytetty', 'Päättynyt']);
    fireEvent.change(select, { target: { value: 'on_hold' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tätä vaihdosta ei voi tehdä');
  });
});
