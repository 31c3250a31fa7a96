import { fireEvent, screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch, renderApp, requestsTo, withSession } from '../../../test/render-app';
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
};

function pageOf(items: ProjectSummary[], overrides: Partial<ProjectSummaryPage> = {}): ProjectSummaryPage {
  return { items, total: items.length, page: 1, pageSize: 25, ...overrides };
}

afterEach(() => {
  localStorage.clear();
});

describe('projects page', () => {
  it('announces loading, then lists the projects in a table with Finnish labels, money and dates', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetchMock = mockFetch(withSession(() => new Promise<Response>((resolve) => (answer = resolve))));
    renderApp();

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
      'Tunnus',
      'Nimi',
      'Painopiste',
      'Päätoteuttaja',
      'Vaihe',
      'Viimeisin tilanne',
      'Myönnetty',
      'Maksettu',
      'Jäljellä',
      'Seuraava virstanpylväs',
    ]);

    const water = within(table).getByRole('row', { name: /VESI-KH/ });
    expect(within(water).getByRole('rowheader')).toHaveTextContent(waterProject.name);
    expect(within(water).getByText('Vesi')).toBeInTheDocument();
    expect(within(water).getByText('Savonia-ammattikorkeakoulu')).toBeInTheDocument();
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
  });

  it('switches to English and Swedish: headings, labels and formats follow, names fall back to Finnish', async () => {
    mockFetch(withSession(() => jsonResponse(pageOf([waterProject, healthTechProject]))));
    renderApp();
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

  it('pages through a long list with previous and next', async () => {
    const fetchMock = mockFetch(
      withSession((request) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        const item = page === 1 ? waterProject : healthTechProject;
        return jsonResponse(pageOf([item], { total: 60, page, pageSize: 25 }));
      }),
    );
    renderApp();

    const paging = await screen.findByRole('navigation', { name: 'Sivutus' });
    expect(within(paging).getByText('Sivu 1 / 3')).toBeInTheDocument();
    expect(within(paging).getByRole('button', { name: 'Edellinen sivu' })).toHaveAttribute('aria-disabled', 'true');

    fireEvent.click(within(paging).getByRole('button', { name: 'Seuraava sivu' }));
    expect(await screen.findByText('Sivu 2 / 3')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /HYTE-KH/ })).toBeInTheDocument();
    expect(new URL(requestsTo(fetchMock, '/api/projects')[1]!.url).searchParams.get('page')).toBe('2');
    expect(screen.getByRole('button', { name: 'Edellinen sivu' })).toHaveAttribute('aria-disabled', 'false');
  });

  it('shows an alert when the projects cannot be loaded, and loads them on retry', async () => {
    let fail = true;
    mockFetch(
      withSession(() =>
        fail
          ? jsonResponse({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' }, 500)
          : jsonResponse(pageOf([waterProject])),
      ),
    );
    renderApp();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Hankkeiden lataaminen epäonnistui.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
