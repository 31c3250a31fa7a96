import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { currentUrl, jsonResponse, mockFetch, renderApp, requestsTo, withSession } from '../../../test/render-app';
import type { Agreement, PriorityArea } from '../../../lib/api/portfolio-choices';
import { agreementFixture, priorityAreaFixture } from '../../../test/portfolio-fixtures';
import type { ProjectSummary, ProjectSummaryPage } from '../api/get-projects';

const WATER = { id: 'a3c8e1f2-0000-4000-8000-000000000001', agreementId: 'a3c8e1f2-0000-4000-8000-0000000000aa' };
const HEALTH_TECH = { id: 'a3c8e1f2-0000-4000-8000-000000000002', agreementId: WATER.agreementId };

const waterProject: ProjectSummary = {
  id: 'b7d1c2e3-0000-4000-8000-000000000001',
  code: 'VESI-KH',
  name: 'Kuopion kaupungin ekosysteemisopimuksen vesi-painopisteen käynnistämishanke',
  kind: 'launch',
  lifecycleStatus: 'active',
  priorityArea: { ...WATER, nameFi: 'Vesi', nameSv: 'Vatten', nameEn: 'Water' },
  leadOrganisation: { id: 'c1e2f3a4-0000-4000-8000-000000000001', name: 'Savonia-ammattikorkeakoulu' },
  plannedStart: '2021-09-01',
  plannedEnd: null,
  totalBudget: null,
  euraCode: null,
  funding: { granted: '200000.00', paid: '50000.00', remaining: '150000.00', unknownAmounts: 0 },
  latestStatus: { reportingDate: '2021-12-15', health: 'at_risk' },
  nextMilestone: { id: 'd1e2f3a4-0000-4000-8000-000000000001', title: 'Testiympäristö auki', dueDate: '2022-02-04' },
  overdueMilestones: 1,
  overdueReport: false,
  version: 3,
  updatedAt: '2021-12-15T10:00:00.000Z',
};

const healthTechProject: ProjectSummary = {
  ...waterProject,
  id: 'b7d1c2e3-0000-4000-8000-000000000002',
  code: 'HYTE-KH',
  name: 'Terveys- ja hyvinvointiteknologian käynnistyshanke',
  lifecycleStatus: 'planned',
  priorityArea: { ...HEALTH_TECH, nameFi: 'Terveys- ja hyvinvointiteknologia', nameSv: null, nameEn: null },
  leadOrganisation: { id: 'c1e2f3a4-0000-4000-8000-000000000002', name: 'Kuopio Health' },
  funding: { granted: '0.00', paid: '0.00', remaining: '0.00', unknownAmounts: 1 },
  latestStatus: null,
  nextMilestone: null,
  overdueMilestones: 0,
  overdueReport: false,
};

const KUOPIO_AGREEMENT = agreementFixture(WATER.agreementId, 'Kuopion ekosysteemisopimus 2021–2027', 'Kaupunki');
const OULU_AGREEMENT = agreementFixture(
  'a3c8e1f2-0000-4000-8000-0000000000bb',
  'Oulun ekosysteemisopimus 2021–2027',
  'Kaupunki',
);
const PRIORITY_AREAS: PriorityArea[] = [
  priorityAreaFixture(WATER.id, WATER.agreementId, { nameFi: 'Vesi', nameEn: 'Water' }),
  priorityAreaFixture(HEALTH_TECH.id, HEALTH_TECH.agreementId, {
    nameFi: 'Terveys- ja hyvinvointiteknologia',
    nameEn: null,
  }),
  priorityAreaFixture('a3c8e1f2-0000-4000-8000-000000000003', OULU_AGREEMENT.id, {
    nameFi: 'Energia',
    nameEn: 'Energy',
  }),
];

function pageOf<T>(items: T[], overrides: Partial<ProjectSummaryPage> = {}) {
  return { items, total: items.length, page: 1, pageSize: 25, ...overrides };
}

/**
 * The API as the projects page uses it, signed in: GET /api/projects answered by `projects`,
 * the agreements and priority areas (of the agreement asked for) from the fixtures.
 */
function portfolioApi(
  projects: (url: URL) => Response | Promise<Response>,
  agreements: Agreement[] = [KUOPIO_AGREEMENT, OULU_AGREEMENT],
) {
  return mockFetch(
    withSession((request) => {
      const url = new URL(request.url);
      switch (url.pathname) {
        case '/api/projects':
          return projects(url);
        case '/api/agreements':
          return jsonResponse(pageOf(agreements, { pageSize: 100 }));
        case '/api/priority-areas': {
          const agreementId = url.searchParams.get('agreementId');
          const areas = PRIORITY_AREAS.filter((area) => !agreementId || area.agreementId === agreementId);
          return jsonResponse(pageOf(areas, { pageSize: 100 }));
        }
        default:
          return jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, 404);
      }
    }),
  );
}

/** The query of the last GET /api/projects, as search params. */
function lastProjectsQuery(fetchMock: ReturnType<typeof mockFetch>): URLSearchParams {
  const requests = requestsTo(fetchMock, '/api/projects');
  return new URL(requests[requests.length - 1]!.url).searchParams;
}

afterEach(() => {
  localStorage.clear();
});

describe('projects page', () => {
  it('announces loading, then lists the projects in a table with Finnish labels, money and dates', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetchMock = portfolioApi(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { router } = renderApp({ url: '/projects' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Hankkeet' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Ladataan hankkeita…');
    answer(jsonResponse(pageOf([waterProject, healthTechProject])));

    const table = await screen.findByRole('table', { name: 'Ekosysteemisopimuksen hankkeet, yhteensä 2' });
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      // The priority area and the lead organisation are left out by default (see the column choice).
      'Tunnus',
      'Nimi',
      'Vaihe',
      'Viimeisin tilanne',
      'Myönnetty',
      'Maksettu',
      'Jäljellä',
      'Seuraava virstanpylväs',
    ]);

    const water = within(table).getByRole('row', { name: /VESI-KH/ });
    expect(within(water).getByRole('rowheader')).toHaveTextContent(waterProject.name);
    expect(within(water).getByText('Käynnissä')).toBeInTheDocument();
    expect(within(water).getByText('Riskissä')).toBeInTheDocument();
    expect(within(water).getByText('raportoitu 15.12.2021')).toBeInTheDocument();
    expect(within(water).getByText('200 000,00 €')).toBeInTheDocument();
    expect(within(water).getByText('50 000,00 €')).toBeInTheDocument();
    expect(within(water).getByText('150 000,00 €')).toBeInTheDocument();
    expect(within(water).getByText('4.2.2022')).toBeInTheDocument();
    expect(within(water).getByText('1 virstanpylväs myöhässä')).toBeInTheDocument();

    const healthTech = within(table).getByRole('row', { name: /HYTE-KH/ });
    expect(within(healthTech).getByText('Suunniteltu')).toBeInTheDocument();
    expect(within(healthTech).getByText('Ei tilanneraporttia')).toBeInTheDocument();
    // a granted decision whose amount is not public is not shown as nothing granted
    expect(within(healthTech).getByText('+ 1 päätös, jonka summa ei ole tiedossa')).toBeInTheDocument();
    expect(within(water).queryByText(/summa ei ole tiedossa/)).not.toBeInTheDocument();

    // One page is all there is: no paging controls.
    expect(screen.queryByRole('navigation', { name: 'Sivutus' })).not.toBeInTheDocument();
    const [request] = requestsTo(fetchMock, '/api/projects');
    expect(new URL(request!.url).searchParams.get('page')).toBe('1');
    expect(new URL(request!.url).searchParams.get('pageSize')).toBe('25');
    expect(currentUrl(router)).toBe('/projects');
  });

  it('switches to English and Swedish: headings, labels and formats follow, names fall back to Finnish', async () => {
    // Every column shown (a choice remembered on this device), the priority area's names included.
    localStorage.setItem(
      'salkku.projects.columns',
      JSON.stringify(['priorityArea', 'leadOrganisation', 'lifecycleStatus', 'health', 'granted', 'paid']),
    );
    portfolioApi(() => jsonResponse(pageOf([waterProject, healthTechProject])));
    renderApp({ url: '/projects' });
    await screen.findByRole('table');

    const languages = screen.getByRole('group', { name: 'Kieli' });
    fireEvent.click(within(languages).getByRole('button', { name: 'English' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Projects' })).toBeInTheDocument();
    expect(within(languages).getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(localStorage.getItem('salkku.language')).toBe('en');
    const table = screen.getByRole('table', { name: 'Projects of the ecosystem agreement, 2 in all' });
    const water = within(table).getByRole('row', { name: /VESI-KH/ });
    expect(within(water).getByText('Water')).toBeInTheDocument();
    expect(within(water).getByText('Active')).toBeInTheDocument();
    expect(within(water).getByText('€200,000.00')).toBeInTheDocument();
    const healthTech = within(table).getByRole('row', { name: /HYTE-KH/ });
    expect(within(healthTech).getByText('Terveys- ja hyvinvointiteknologia')).toBeInTheDocument();
    expect(within(healthTech).getByText('No status report')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'svenska' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Projekt' })).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /VESI-KH/ })).getByText('Pågående')).toBeInTheDocument();
  });

  it('chooses the columns with checkboxes in a disclosure, remembers the choice and restores the defaults', async () => {
    portfolioApi(() => jsonResponse(pageOf([waterProject, healthTechProject])));
    const first = renderApp({ url: '/projects' });
    const table = await screen.findByRole('table');
    const headers = () =>
      within(screen.getByRole('table'))
        .getAllByRole('columnheader')
        .map((th) => th.textContent);
    // By default the figures a coordinator follows are there: paid, remaining, the next milestone.
    expect(headers()).toEqual(expect.arrayContaining(['Maksettu', 'Jäljellä', 'Seuraava virstanpylväs']));
    expect(headers()).not.toContain('Painopiste');
    expect(within(table).queryByText('Savonia-ammattikorkeakoulu')).not.toBeInTheDocument();

    const disclosure = screen.getByText('Sarakkeet (6/8 näkyvissä)');
    expect(disclosure.tagName).toBe('SUMMARY');
    fireEvent.click(disclosure);
    const choice = screen.getByRole('group', { name: 'Taulukossa näytettävät sarakkeet' });
    const leadBox = within(choice).getByRole('checkbox', { name: 'Päätoteuttaja' });
    expect(leadBox).not.toBeChecked();
    expect(within(choice).getByRole('checkbox', { name: 'Maksettu' })).toBeChecked();
    fireEvent.click(leadBox);
    fireEvent.click(within(choice).getByRole('checkbox', { name: 'Vaihe' }));
    expect(headers()).toEqual([
      'Tunnus',
      'Nimi',
      'Päätoteuttaja',
      'Viimeisin tilanne',
      'Myönnetty',
      'Maksettu',
      'Jäljellä',
      'Seuraava virstanpylväs',
    ]);
    expect(within(screen.getByRole('row', { name: /VESI-KH/ })).getByText('Savonia-ammattikorkeakoulu')).toBeVisible();
    expect(screen.getByText('Sarakkeet (6/8 näkyvissä)')).toBeInTheDocument();
    first.unmount();

    // Remembered on this device: the next visit shows the same columns.
    renderApp({ url: '/projects' });
    await screen.findByRole('table');
    expect(headers()).toContain('Päätoteuttaja');
    expect(headers()).not.toContain('Vaihe');
    fireEvent.click(screen.getByRole('button', { name: 'Palauta oletussarakkeet' }));
    expect(headers()).toContain('Vaihe');
    expect(headers()).not.toContain('Päätoteuttaja');
    expect(localStorage.getItem('salkku.projects.columns')).toBeNull();
  });

  it('pages through a long list with previous and next, keeping the rows on screen while the next page loads', async () => {
    let answerPage2: (response: Response) => void = () => undefined;
    const fetchMock = portfolioApi((url) => {
      const page = Number(url.searchParams.get('page'));
      if (page === 1) return jsonResponse(pageOf([waterProject], { total: 60, page, pageSize: 25 }));
      return new Promise<Response>((resolve) => (answerPage2 = resolve));
    });
    const { router } = renderApp({ url: '/projects' });

    const paging = await screen.findByRole('navigation', { name: 'Sivutus' });
    expect(within(paging).getByText('Sivu 1 / 3')).toBeInTheDocument();
    expect(within(paging).getByRole('button', { name: 'Edellinen sivu' })).toHaveAttribute('aria-disabled', 'true');

    fireEvent.click(within(paging).getByRole('button', { name: 'Seuraava sivu' }));
    expect(currentUrl(router)).toBe('/projects?page=2');
    expect(await screen.findByText('Sivu 2 / 3')).toBeInTheDocument();
    // The first page stays, marked busy, until the second arrives.
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('row', { name: /VESI-KH/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Ladataan hankkeita…');

    answerPage2(jsonResponse(pageOf([healthTechProject], { total: 60, page: 2, pageSize: 25 })));
    expect(await screen.findByRole('row', { name: /HYTE-KH/ })).toBeInTheDocument();
    expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy');
    expect(lastProjectsQuery(fetchMock).get('page')).toBe('2');
    expect(screen.getByRole('button', { name: 'Edellinen sivu' })).toHaveAttribute('aria-disabled', 'false');

    // Back returns to the first page.
    await act(() => router.navigate(-1));
    expect(currentUrl(router)).toBe('/projects');
    expect(await screen.findByRole('row', { name: /VESI-KH/ })).toBeInTheDocument();
    expect(screen.getByText('Sivu 1 / 3')).toBeInTheDocument();
  });

  it('shows an alert when the projects cannot be loaded, and loads them on retry', async () => {
    let fail = true;
    portfolioApi(() =>
      fail
        ? jsonResponse({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' }, 500)
        : jsonResponse(pageOf([waterProject])),
    );
    renderApp({ url: '/projects' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Hankkeiden lataaminen epäonnistui.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reads the filters from the URL: the request carries them and the controls show them', async () => {
    const fetchMock = portfolioApi(() => jsonResponse(pageOf([waterProject])));
    renderApp({ url: '/projects?lifecycleStatus=active&q=vesi' });

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: waterProject.name })).toBeInTheDocument();
    const query = lastProjectsQuery(fetchMock);
    expect(query.get('lifecycleStatus')).toBe('active');
    expect(query.get('q')).toBe('vesi');
    expect(query.get('page')).toBe('1');
    expect(query.get('sort')).toBeNull();

    const search = screen.getByRole('search', { name: 'Hae ja rajaa hankkeita' });
    expect(within(search).getByRole('searchbox', { name: 'Hae tunnuksella tai nimellä' })).toHaveValue('vesi');
    expect(within(search).getByRole('combobox', { name: 'Vaihe' })).toHaveDisplayValue('Käynnissä');
    expect(within(search).getByRole('combobox', { name: 'Viimeisin tilanne' })).toHaveDisplayValue('Kaikki');
    expect(within(search).getByRole('combobox', { name: 'Järjestys' })).toHaveDisplayValue('Tunnus, A–Ö');
    // After a search, how many projects match is announced.
    expect(screen.getByRole('status')).toHaveTextContent('Hakuehtoja vastaa 1 hanke.');
    expect(within(table).getByRole('columnheader', { name: 'Tunnus' })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('writes a changed filter to the URL and starts again from page 1, keeping the order', async () => {
    const fetchMock = portfolioApi((url) =>
      jsonResponse(pageOf([waterProject], { total: 100, page: Number(url.searchParams.get('page')) })),
    );
    const { router } = renderApp({ url: '/projects?sort=-name&page=3' });
    expect(await screen.findByText('Sivu 3 / 4')).toBeInTheDocument();
    expect(lastProjectsQuery(fetchMock).get('page')).toBe('3');
    expect(screen.getByRole('columnheader', { name: 'Nimi' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'Tunnus' })).not.toHaveAttribute('aria-sort');

    fireEvent.change(screen.getByRole('combobox', { name: 'Viimeisin tilanne' }), { target: { value: 'at_risk' } });

    expect(currentUrl(router)).toBe('/projects?health=at_risk&sort=-name');
    await waitFor(() => expect(lastProjectsQuery(fetchMock).get('health')).toBe('at_risk'));
    const query = lastProjectsQuery(fetchMock);
    expect(query.get('page')).toBe('1');
    expect(query.get('sort')).toBe('-name');
    expect(await screen.findByText('Sivu 1 / 4')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Viimeisin tilanne' })).toHaveDisplayValue('Riskissä');

    // A new order starts from page 1 too.
    fireEvent.click(screen.getByRole('button', { name: 'Seuraava sivu' }));
    expect(currentUrl(router)).toBe('/projects?health=at_risk&sort=-name&page=2');
    fireEvent.change(screen.getByRole('combobox', { name: 'Järjestys' }), { target: { value: '-updatedAt' } });
    expect(currentUrl(router)).toBe('/projects?health=at_risk&sort=-updatedAt');

    // Back and forward step through the views, and the controls follow.
    await act(() => router.navigate(-2));
    expect(currentUrl(router)).toBe('/projects?health=at_risk&sort=-name');
    expect(screen.getByRole('combobox', { name: 'Järjestys' })).toHaveDisplayValue('Nimi, Ö–A');
    await act(() => router.navigate(-1));
    expect(currentUrl(router)).toBe('/projects?sort=-name&page=3');
    expect(screen.getByRole('combobox', { name: 'Viimeisin tilanne' })).toHaveDisplayValue('Kaikki');
    expect(await screen.findByText('Sivu 3 / 4')).toBeInTheDocument();
  });

  it('searches by the text given, with the filters chosen, and clears them all', async () => {
    const fetchMock = portfolioApi((url) =>
      jsonResponse(url.searchParams.get('q') === 'hyte' ? pageOf([]) : pageOf([waterProject, healthTechProject])),
    );
    const { router } = renderApp({ url: '/projects' });
    await screen.findByRole('table');
    const searchbox = screen.getByRole('searchbox', { name: 'Hae tunnuksella tai nimellä' });

    searchbox.focus();
    fireEvent.change(searchbox, { target: { value: '  vesi ' } });
    expect(currentUrl(router)).toBe('/projects'); // not searched until asked
    fireEvent.submit(screen.getByRole('search')); // Enter in the field
    expect(currentUrl(router)).toBe('/projects?q=vesi');
    expect(searchbox).toHaveValue('vesi');
    expect(searchbox).toHaveFocus(); // the same page: focus stays where the user works
    await waitFor(() => expect(lastProjectsQuery(fetchMock).get('q')).toBe('vesi'));

    // Text typed but not yet searched for goes with a filter chosen after it.
    fireEvent.change(searchbox, { target: { value: 'hyte' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Hanketyyppi' }), { target: { value: 'launch' } });
    expect(currentUrl(router)).toBe('/projects?kind=launch&q=hyte');
    await waitFor(() => expect(lastProjectsQuery(fetchMock).get('kind')).toBe('launch'));
    expect(lastProjectsQuery(fetchMock).get('q')).toBe('hyte');
    expect(await screen.findByText('Hakuehtoja vastaavia hankkeita ei löytynyt.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Hakuehtoja vastaa 0 hanketta.');
    expect(screen.getByRole('combobox', { name: 'Hanketyyppi' })).toHaveDisplayValue('Käynnistämishanke');

    fireEvent.click(screen.getByRole('link', { name: 'Poista rajaukset' }));
    expect(currentUrl(router)).toBe('/projects');
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Hae tunnuksella tai nimellä' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Hanketyyppi' })).toHaveDisplayValue('Kaikki');
    expect(screen.queryByRole('link', { name: 'Poista rajaukset' })).not.toBeInTheDocument();
  });

  it('offers the priority areas of the chosen agreement, and clears the area when the agreement changes', async () => {
    const fetchMock = portfolioApi(() => jsonResponse(pageOf([waterProject])));
    const { router } = renderApp({ url: `/projects?priorityAreaId=${WATER.id}` });
    await screen.findByRole('table');

    const areas = screen.getByRole('combobox', { name: 'Painopiste' });
    // No agreement chosen: every area, under its agreement's title.
    await waitFor(() => expect(areas).toHaveDisplayValue('Vesi'));
    expect(within(areas).getByRole('group', { name: OULU_AGREEMENT.title })).toHaveTextContent('Energia');
    expect(lastProjectsQuery(fetchMock).get('priorityAreaId')).toBe(WATER.id);

    const agreements = screen.getByRole('combobox', { name: 'Ekosysteemisopimus' });
    expect(
      within(agreements)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Kaikki sopimukset', KUOPIO_AGREEMENT.title, OULU_AGREEMENT.title]);
    fireEvent.change(agreements, { target: { value: OULU_AGREEMENT.id } });

    expect(currentUrl(router)).toBe(`/projects?agreementId=${OULU_AGREEMENT.id}`);
    await waitFor(() =>
      expect(
        within(areas)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['Kaikki', 'Energia']),
    );
    expect(areas).toHaveDisplayValue('Kaikki');
    const [areasOfAgreement] = requestsTo(fetchMock, '/api/priority-areas').filter(
      (request) => new URL(request.url).searchParams.get('agreementId') === OULU_AGREEMENT.id,
    );
    expect(areasOfAgreement).toBeDefined();
    const query = lastProjectsQuery(fetchMock);
    expect(query.get('agreementId')).toBe(OULU_AGREEMENT.id);
    expect(query.get('priorityAreaId')).toBeNull();
  });

  it('ignores values in the URL that are not valid filters rather than failing the request', async () => {
    const fetchMock = portfolioApi(() => jsonResponse(pageOf([waterProject])));
    renderApp({ url: '/projects?lifecycleStatus=kesken&health=green&agreementId=42&sort=budget&page=-3' });
    await screen.findByRole('table');
    const query = lastProjectsQuery(fetchMock);
    expect([...query.keys()].sort()).toEqual(['page', 'pageSize']);
    expect(query.get('page')).toBe('1');
    expect(screen.getByRole('combobox', { name: 'Vaihe' })).toHaveDisplayValue('Kaikki');
  });

  it('says when a bookmarked page is past the end, and links to the first page', async () => {
    portfolioApi((url) =>
      jsonResponse(
        url.searchParams.get('page') === '1'
          ? pageOf([waterProject], { total: 1 })
          : pageOf([], { total: 1, page: Number(url.searchParams.get('page')) }),
      ),
    );
    const { router } = renderApp({ url: '/projects?kind=launch&page=9' });
    expect(await screen.findByText('Tällä sivulla ei ole hankkeita.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'Siirry ensimmäiselle sivulle' }));
    expect(currentUrl(router)).toBe('/projects?kind=launch');
    expect(await screen.findByRole('row', { name: /VESI-KH/ })).toBeInTheDocument();
  });

  it("opens a project's page from its name", async () => {
    portfolioApi(() => jsonResponse(pageOf([waterProject, healthTechProject])));
    const { router } = renderApp({ url: '/projects?lifecycleStatus=active' });
    const table = await screen.findByRole('table');
    fireEvent.click(within(table).getByRole('link', { name: healthTechProject.name }));

    await waitFor(() => expect(currentUrl(router)).toBe(`/projects/${healthTechProject.id}`));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Hankkeet' })).not.toBeInTheDocument());
    // The projects link marks the section the project page is in.
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).getByRole('link', { name: 'Hankkeet' })).toHaveAttribute('aria-current', 'true');

    // Back returns to the list as it was.
    await act(() => router.navigate(-1));
    expect(currentUrl(router)).toBe('/projects?lifecycleStatus=active');
    expect(await screen.findByRole('combobox', { name: 'Vaihe' })).toHaveDisplayValue('Käynnissä');
  });
});
