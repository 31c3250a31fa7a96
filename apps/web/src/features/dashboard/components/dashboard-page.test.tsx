import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  currentUrl,
  jsonResponse,
  mockFetch,
  renderApp,
  requestsTo,
  signedInMe,
  unauthenticatedResponse,
  withSession,
} from '../../../test/render-app';
import type { Dashboard } from '../api/get-dashboard';
import type { IndicatorSummary } from '../api/get-indicator-summary';
import { PRIVATE_INVESTMENT, RCO01, SHARE } from '../../../test/indicator-result-fixtures';
import { agreementFixture, priorityAreaFixture } from '../../../test/portfolio-fixtures';

const AGREEMENT_ID = 'a3c8e1f2-0000-4000-8000-0000000000aa';
const WATER_ID = 'a3c8e1f2-0000-4000-8000-000000000001';
const VESI = { id: 'b7d1c2e3-0000-4000-8000-000000000001', code: 'VESI-KH', name: 'Vesi-painopisteen käynnistyshanke' };
const HYTE = { id: 'b7d1c2e3-0000-4000-8000-000000000002', code: 'HYTE-KH', name: 'Hyvinvointiteknologian hanke' };

const DASHBOARD: Dashboard = {
  // As the API sends it: each figure the count or sum of the tables below (apps/api/test/dashboard.int-spec.ts).
  headline: {
    activeProjects: 3,
    atRisk: 1,
    offTrack: 0,
    funding: { granted: '203000.00', paid: '51000.50', remaining: '151999.50', unknownAmounts: 1 },
    overdueMilestones: 1,
    milestonesDueSoon: 1,
    reportsOutstanding: 0,
    reportsOverdue: 0,
  },
  today: '2026-11-28',
  projectsByLifecycle: [
    { lifecycleStatus: 'planned', count: 1 },
    { lifecycleStatus: 'active', count: 3 },
    { lifecycleStatus: 'on_hold', count: 0 },
    { lifecycleStatus: 'completed', count: 2 },
    { lifecycleStatus: 'cancelled', count: 0 },
  ],
  projectsByHealth: [
    { health: 'on_track', count: 2 },
    { health: 'at_risk', count: 1 },
    { health: 'off_track', count: 0 },
    { health: 'none', count: 3 },
  ],
  fundingByPriorityArea: [
    {
      priorityArea: { id: WATER_ID, nameFi: 'Vesi', nameSv: 'Vatten', nameEn: 'Water' },
      granted: '1234567.89',
      paid: '234567.89',
      remaining: '1000000.00',
      unknownAmounts: 1,
    },
  ],
  fundingByFunder: [
    {
      funder: { id: 'c1e2f3a4-0000-4000-8000-000000000008', name: 'Kuopion kaupunki' },
      granted: '3000.00',
      paid: '1000.00',
      remaining: '2000.00',
      unknownAmounts: 1,
    },
    {
      funder: { id: 'c1e2f3a4-0000-4000-8000-000000000009', name: 'Työ- ja elinkeinoministeriö' },
      granted: '200000.00',
      paid: '50000.50',
      remaining: '149999.50',
      unknownAmounts: 0,
    },
  ],
  milestonesDueSoon: [
    { id: 'd1e2f3a4-0000-4000-8000-000000000001', title: 'Testiympäristö auki', dueDate: '2026-12-04', project: VESI },
  ],
  overdueMilestones: [
    { id: 'd1e2f3a4-0000-4000-8000-000000000002', title: 'Ohjausryhmä koottu', dueDate: '2026-10-01', project: HYTE },
  ],
  projectsNeedingUpdate: [{ project: HYTE, latestReportingDate: null }],
  latestReports: [
    {
      id: 'e1e2f3a4-0000-4000-8000-000000000001',
      reportingDate: '2026-11-15',
      health: 'at_risk',
      summary: 'Rekrytointi viivästyi.',
      project: VESI,
    },
  ],
  openRounds: [],
};

const AGREEMENT = agreementFixture(AGREEMENT_ID, 'Kuopion ekosysteemisopimus 2021–2027');
const WATER = priorityAreaFixture(WATER_ID, AGREEMENT_ID, { nameFi: 'Vesi', nameSv: 'Vatten', nameEn: 'Water' });

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 100 });

const OULU_AGREEMENT_ID = 'a3c8e1f2-0000-4000-8000-0000000000bb';

/** Kuopio's key indicators (a count behind pace, euros on pace) and Oulu's none. */
const SUMMARY: IndicatorSummary = {
  indicators: [RCO01, PRIVATE_INVESTMENT, SHARE],
  agreements: [
    {
      agreementId: AGREEMENT_ID,
      title: 'Kuopion ekosysteemisopimus 2021–2027',
      indicators: [
        { indicatorId: RCO01.id, toDate: '12', targetValue: '40', achievement: 0.3, onPace: false },
        {
          indicatorId: PRIVATE_INVESTMENT.id,
          toDate: '1234.5',
          targetValue: '5000',
          achievement: 0.2469,
          onPace: true,
        },
        { indicatorId: SHARE.id, toDate: null, targetValue: '30', achievement: null, onPace: null },
      ],
    },
    { agreementId: OULU_AGREEMENT_ID, title: 'Oulun ekosysteemisopimus', indicators: [] },
  ],
};

function mockApi(
  dashboard: (request: Request) => Response = () => jsonResponse(DASHBOARD),
  language: 'fi' | 'sv' | 'en' = 'fi',
  summary: (request: Request) => Response | Promise<Response> = () => jsonResponse(SUMMARY),
) {
  return mockFetch(
    withSession(
      (request) => {
        const { pathname } = new URL(request.url);
        if (pathname === '/api/dashboard') return dashboard(request);
        if (pathname === '/api/indicator-results/summary') return summary(request);
        if (pathname === '/api/agreements') return jsonResponse(page([AGREEMENT]));
        if (pathname === '/api/priority-areas') return jsonResponse(page([WATER]));
        // The reporting rounds' part of the start page: nothing owed, no open round.
        if (pathname === '/api/period-reports/mine' || pathname === '/api/reporting-rounds') {
          return jsonResponse(page([]));
        }
        return jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, 404);
      },
      signedInMe({ user: { language } }),
    ),
  );
}

/** The dashboard's chunk loads on demand: slower than a render on a busy machine. */
const LOAD = { timeout: 5000 };

/** A non-breaking space, as Intl puts in Finnish money ("1 234,56 €"). */
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

/** A card's table, shown by pressing its "show as table" toggle (the chart is shown first). */
function showTable(card: string, table = card): HTMLElement {
  const region = screen.getByRole('region', { name: card });
  const toggle = within(region).getByRole('button', { name: /Näytä taulukkona|Visa som tabell|Show as table/ });
  expect(toggle).toHaveAttribute('aria-pressed', 'false');
  fireEvent.click(toggle);
  expect(toggle).toHaveAttribute('aria-pressed', 'true');
  return within(region).getByRole('table', { name: table });
}

/** Euro cents of a money text in Finnish ("1 234,56 €" → 123456n). */
const centsOf = (text: string | null) => BigInt((text ?? '').replace(/[^0-9]/g, ''));

describe('dashboard page', () => {
  it('is the start page, with charts that each have a table alternative one toggle away', async () => {
    mockApi();
    renderApp({ url: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Yleiskatsaus' }, LOAD)).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).getByRole('link', { name: 'Yleiskatsaus' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Hankkeet' })).not.toHaveAttribute('aria-current');

    // Each chart is an image with a text summary, and its figures are in a table below it.
    const lifecycleChart = await screen.findByRole('img', { name: /hankkeiden määrästä vaiheittain/ }, LOAD);
    expect(lifecycleChart).toHaveAccessibleName(expect.stringContaining('Käynnissä 3'));
    // The tables are not repeated below the charts: each is one press of its card's toggle away,
    // and takes the chart's place until pressed again.
    expect(screen.queryByRole('table', { name: 'Hankkeet vaiheittain' })).not.toBeInTheDocument();
    const lifecycleTable = showTable('Hankkeet vaiheittain');
    expect(screen.queryByRole('img', { name: /hankkeiden määrästä vaiheittain/ })).not.toBeInTheDocument();
    expect(within(lifecycleTable).getByRole('row', { name: 'Päättynyt 2' })).toBeInTheDocument();

    expect(screen.getByRole('img', { name: /viimeisimmän tilanneraportin mukaan/ })).toHaveAccessibleName(
      expect.stringContaining('Ei tilanneraporttia 3'),
    );
    const healthTable = showTable('Hankkeet tilanteen mukaan');
    expect(within(healthTable).getByRole('row', { name: 'Riskissä 1' })).toBeInTheDocument();

    // Money in Finnish formatting, exact to the cent, in the tables and the chart summaries.
    expect(screen.getAllByRole('img', { name: /myönnetystä, maksetusta/ })[0]).toHaveAccessibleName(
      expect.stringContaining(`Vesi: myönnetty ${nbsp('1 234 567,89 €')}`),
    );
    const areaTable = showTable('Rahoitus painopisteittäin');
    const water = within(areaTable).getByRole('row', { name: /Vesi/ });
    expect(
      within(water)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      nbsp('1 234 567,89 €') + '+ 1 päätös, jonka summa ei ole tiedossa',
      nbsp('234 567,89 €'),
      nbsp('1 000 000,00 €'),
    ]);
    const funderTable = showTable('Rahoitus rahoittajittain');
    const ministry = within(funderTable).getByRole('row', { name: /Työ- ja elinkeinoministeriö/ });
    expect(
      within(ministry)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([nbsp('200 000,00 €'), nbsp('50 000,50 €'), nbsp('149 999,50 €')]);
  });

  it('heads the page with figures that equal the tables below, each a link to what is behind it', async () => {
    mockApi();
    renderApp({ url: `/?agreementId=${AGREEMENT_ID}` });
    const headline = await screen.findByRole('region', { name: 'Tilanne yhdellä silmäyksellä' }, LOAD);
    // The charts' code loads on demand, beside the figures.
    await screen.findByRole('img', { name: /hankkeiden määrästä vaiheittain/ }, LOAD);
    const figure = (name: RegExp) => within(headline).getByRole('link', { name });
    /** The number shown in a headline figure (the first part of its link). */
    const shown = (name: RegExp) => figure(name).querySelector('.headline-figure__value')!.textContent;
    const cell = (table: HTMLElement, row: string | RegExp, column = 0) =>
      within(within(table).getByRole('row', { name: row })).getAllByRole('cell')[column]!.textContent;

    // Projects: the counts of the lifecycle and health tables.
    const lifecycle = showTable('Hankkeet vaiheittain');
    expect(shown(/Käynnissä olevat hankkeet/)).toBe(cell(lifecycle, /^Käynnissä/));
    const health = showTable('Hankkeet tilanteen mukaan');
    expect(shown(/Riskissä olevat hankkeet/)).toBe(cell(health, /^Riskissä/));
    expect(shown(/eivät etene suunnitellusti/)).toBe(cell(health, /^Ei etene suunnitellusti/));
    expect(headline).toHaveTextContent('6 hanketta kaikkiaan');

    // Funding: granted and paid are the sums of the funder table's columns, to the cent.
    const funders = showTable('Rahoitus rahoittajittain');
    const column = (index: number) =>
      within(funders)
        .getAllByRole('row')
        .slice(1)
        // The amount only, not the note of decisions whose amount is not known below it.
        .reduce((sum, row) => sum + centsOf(within(row).getAllByRole('cell')[index]!.firstChild!.textContent), 0n);
    expect(centsOf(shown(/Myönnetty rahoitus/))).toBe(column(0));
    expect(shown(/Myönnetty rahoitus/)).toBe(nbsp('203 000,00 €'));
    const paid = /Maksettu ([^(]+) \(/.exec(headline.textContent ?? '')?.[1] ?? '';
    expect(centsOf(paid)).toBe(column(1));
    expect(headline).toHaveTextContent(/Maksettu 51\s000,50\s€ \(25\s%\)/);
    expect(headline).toHaveTextContent('+ 1 päätös, jonka summa ei ole tiedossa');

    // Milestones: the overdue card's list; indicators: the strip's items with a target on pace.
    const overdue = screen.getByRole('region', { name: 'Myöhässä olevat virstanpylväät' });
    expect(shown(/Myöhässä olevat virstanpylväät/)).toBe(String(within(overdue).getAllByRole('listitem').length));
    const strip = screen.getByRole('region', { name: 'Indikaattorit' });
    await within(strip).findByText('RCO01 Tuetut yritykset');
    const items = within(strip).getAllByRole('listitem');
    const onPace = items.filter((item) => within(item).queryByText('Aikataulussa')).length;
    await waitFor(() => expect(shown(/Indikaattorit tavoitetahdissa/)).toBe(`${onPace}/${items.length}`));
    expect(shown(/Palauttamattomat kausiraportit/)).toBe('0');

    // Each figure links to what is behind it, in the same agreement.
    expect(figure(/Käynnissä olevat hankkeet/)).toHaveAttribute(
      'href',
      `/projects?agreementId=${AGREEMENT_ID}&lifecycleStatus=active`,
    );
    expect(figure(/Riskissä olevat hankkeet/)).toHaveAttribute(
      'href',
      `/projects?agreementId=${AGREEMENT_ID}&health=at_risk`,
    );
    expect(figure(/eivät etene/)).toHaveAttribute('href', `/projects?agreementId=${AGREEMENT_ID}&health=off_track`);
    expect(figure(/Myönnetty rahoitus/)).toHaveAttribute('href', '#dashboard-funding');
    expect(document.getElementById('dashboard-funding')).toHaveAccessibleName('Rahoitus rahoittajittain');
    expect(figure(/Myöhässä olevat/)).toHaveAttribute('href', '#dashboard-overdue');
    expect(document.getElementById('dashboard-overdue')).toBe(overdue);
    expect(figure(/Palauttamattomat/)).toHaveAttribute('href', '/rounds');
    expect(figure(/Indikaattorit tavoitetahdissa/)).toHaveAttribute('href', '#dashboard-indicators');
    expect(document.getElementById('dashboard-indicators')).toBe(strip);
  });

  it('says in words that nothing is granted yet instead of drawing an empty axis', async () => {
    const zero = { granted: '0.00', paid: '0.00', remaining: '0.00', unknownAmounts: 0 };
    mockApi(() =>
      jsonResponse({
        ...DASHBOARD,
        headline: { ...DASHBOARD.headline, funding: zero },
        fundingByPriorityArea: DASHBOARD.fundingByPriorityArea.map((row) => ({ ...row, ...zero })),
        fundingByFunder: DASHBOARD.fundingByFunder.map((row) => ({ ...row, ...zero })),
      }),
    );
    renderApp({ url: '/' });
    const byArea = await screen.findByRole('region', { name: 'Rahoitus painopisteittäin' }, LOAD);
    expect(byArea).toHaveTextContent('Rahoitusta ei ole vielä myönnetty.');
    expect(within(byArea).queryByRole('img')).not.toBeInTheDocument();
    expect(byArea.querySelector('.bar-chart__ticks')).toBeNull();
    // The table still says it row by row.
    expect(within(showTable('Rahoitus painopisteittäin')).getByRole('row', { name: /Vesi/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Tilanne yhdellä silmäyksellä' })).toHaveTextContent(
      'Rahoitusta ei ole vielä myönnetty',
    );
  });

  it('lists milestones, projects needing an update and the latest reports, linking to their projects', async () => {
    mockApi();
    renderApp({ url: '/' });

    const soon = await screen.findByRole('region', { name: 'Virstanpylväät seuraavan 30 päivän aikana' }, LOAD);
    expect(soon).toHaveTextContent('Testiympäristö aukimääräpäivä 4.12.2026');
    expect(within(soon).getByRole('link', { name: `VESI-KH ${VESI.name}` })).toHaveAttribute(
      'href',
      `/projects/${VESI.id}`,
    );

    const overdue = screen.getByRole('region', { name: 'Myöhässä olevat virstanpylväät' });
    expect(within(overdue).getByRole('link', { name: `HYTE-KH ${HYTE.name}` })).toHaveAttribute(
      'href',
      `/projects/${HYTE.id}`,
    );
    expect(overdue).toHaveTextContent('määräpäivä 1.10.2026');

    const needing = screen.getByRole('region', { name: 'Päivitystä odottavat hankkeet' });
    expect(needing).toHaveTextContent('yli 90 päivää vanha');
    expect(within(needing).getByRole('link', { name: `HYTE-KH ${HYTE.name}` })).toBeInTheDocument();
    expect(needing).toHaveTextContent('ei tilanneraporttia');

    const reports = screen.getByRole('region', { name: 'Viimeisimmät tilanneraportit' });
    expect(within(reports).getByRole('link', { name: `VESI-KH ${VESI.name}` })).toHaveAttribute(
      'href',
      `/projects/${VESI.id}`,
    );
    expect(reports).toHaveTextContent('15.11.2026');
    expect(reports).toHaveTextContent('Riskissä');
    expect(reports).toHaveTextContent('Rekrytointi viivästyi.');
  });

  it('keeps the agreement, priority area and update threshold in the URL and asks the API for them', async () => {
    const fetchMock = mockApi();
    const { router } = renderApp({ url: `/?agreementId=${AGREEMENT_ID}` });
    await screen.findByRole('img', { name: /hankkeiden määrästä vaiheittain/ }, LOAD);
    const first = new URL(requestsTo(fetchMock, '/api/dashboard')[0]!.url);
    expect(first.searchParams.get('agreementId')).toBe(AGREEMENT_ID);
    expect(first.searchParams.get('days')).toBe('30');

    const agreement = screen.getByRole('combobox', { name: 'Ekosysteemisopimus' });
    await waitFor(() => expect(agreement).toHaveValue(AGREEMENT_ID));
    const area = screen.getByRole('combobox', { name: 'Painopiste' });
    await screen.findByRole('option', { name: 'Vesi' });
    fireEvent.change(area, { target: { value: WATER_ID } });
    expect(currentUrl(router)).toBe(`/?agreementId=${AGREEMENT_ID}&priorityAreaId=${WATER_ID}`);
    await waitFor(() => expect(requestsTo(fetchMock, '/api/dashboard')).toHaveLength(2));
    expect(new URL(requestsTo(fetchMock, '/api/dashboard')[1]!.url).searchParams.get('priorityAreaId')).toBe(WATER_ID);

    fireEvent.change(screen.getByRole('combobox', { name: /Päivitystä odottaa/ }), { target: { value: '30' } });
    expect(currentUrl(router)).toBe(`/?agreementId=${AGREEMENT_ID}&priorityAreaId=${WATER_ID}&staleAfterDays=30`);
    await waitFor(() => expect(requestsTo(fetchMock, '/api/dashboard')).toHaveLength(3));
    expect(new URL(requestsTo(fetchMock, '/api/dashboard')[2]!.url).searchParams.get('staleAfterDays')).toBe('30');

    // Choosing all agreements clears the priority area too.
    fireEvent.change(agreement, { target: { value: '' } });
    expect(currentUrl(router)).toBe('/?staleAfterDays=30');
  });

  it('asks for the figures as soon as the session is known, and not at all without one', async () => {
    let session = false;
    const fetchMock = mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/auth/login') {
        session = true;
        return jsonResponse(signedInMe());
      }
      if (!session) return unauthenticatedResponse();
      if (pathname === '/api/me') return jsonResponse(signedInMe());
      if (pathname === '/api/dashboard') return jsonResponse(DASHBOARD);
      if (pathname === '/api/indicator-results/summary') return jsonResponse(SUMMARY);
      return jsonResponse(page([]));
    });
    renderApp({ url: '/' });

    // A first visit without a session: the sign-in page, with no word of an ended session.
    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' }, LOAD)).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requestsTo(fetchMock, '/api/dashboard')).toHaveLength(0);
    expect(screen.queryByText(/Istuntosi on päättynyt/)).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Sähköpostiosoite'), { target: { value: 'k@kuopio.example' } });
    fireEvent.change(screen.getByLabelText('Salasana'), { target: { value: 'oikea-salasana-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
    expect(await screen.findByRole('img', { name: /hankkeiden määrästä vaiheittain/ }, LOAD)).toBeInTheDocument();
    expect(requestsTo(fetchMock, '/api/dashboard')).toHaveLength(1);
  });

  it('says so when the chosen agreement is not found', async () => {
    const notFound = () => jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Agreement not found' }, 404);
    const fetchMock = mockApi(notFound, 'fi', notFound);
    renderApp({ url: `/?agreementId=${AGREEMENT_ID}` });
    expect(await screen.findByRole('alert', {}, LOAD)).toHaveTextContent(
      'Valittua sopimusta tai painopistettä ei löytynyt.',
    );
    // Said once: the indicator strip, asked for the same agreement, adds no second alert.
    await waitFor(() => expect(requestsTo(fetchMock, '/api/indicator-results/summary')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Indikaattorit' })).not.toBeInTheDocument());
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('is translated to Swedish and English', async () => {
    mockApi(undefined, 'sv');
    renderApp({ url: '/', language: 'sv' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Översikt' }, LOAD)).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Finansiering per prioriterat område' }, LOAD);
    expect(showTable('Finansiering per prioriterat område')).toHaveTextContent('Vatten');
    expect(screen.getByRole('region', { name: 'Läget i korthet' })).toHaveTextContent('Beviljad finansiering');
  });

  it('is in English for an English-speaking user', async () => {
    mockApi(undefined, 'en');
    renderApp({ url: '/', language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' }, LOAD)).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Funding by priority area' }, LOAD);
    const table = showTable('Funding by priority area');
    expect(within(table).getByRole('row', { name: /Water/ })).toBeInTheDocument();
    const headline = screen.getByRole('region', { name: 'At a glance' });
    expect(within(headline).getByRole('link', { name: /Funding granted/ })).toHaveTextContent('€203,000.00');
    expect(headline).toHaveTextContent(/€51,000\.50 paid \(25\s?%\)/);
  });

  describe('indicator strip', () => {
    it("shows each agreement's key indicators: value to date against target, achievement and pace in words", async () => {
      const fetchMock = mockApi();
      renderApp({ url: '/' });
      const strip = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
      const kuopio = await within(strip).findByRole('region', { name: 'Kuopion ekosysteemisopimus 2021–2027' });
      expect(new URL(requestsTo(fetchMock, '/api/indicator-results/summary')[0]!.url).search).toBe('');

      const items = within(kuopio).getAllByRole('listitem');
      expect(items.map((item) => item.textContent)).toEqual([
        `RCO01 Tuetut yrityksetToteuma tähän mennessä12Tavoite40Saavutusaste${nbsp('30 %')}EteneminenJäljessä aikataulusta`,
        `KUO-EUR Yksityiset investoinnitToteuma tähän mennessä${nbsp('1 234,5 €')}Tavoite${nbsp('5 000 €')}Saavutusaste${nbsp('25 %')}EteneminenAikataulussa`,
        // Nothing reported yet: said so, never 0, and no achievement made up.
        `KUO-PCT Kokeilujen osuusToteuma tähän mennessäEi raportoituTavoite${nbsp('30 %')}EteneminenEi vielä arvioitavissa`,
      ]);
      // Agreements without key indicators are named in one sentence.
      expect(within(strip).queryByRole('region', { name: 'Oulun ekosysteemisopimus' })).not.toBeInTheDocument();
      expect(
        within(strip).getByText('Sopimukset, joiden indikaattoreille ei ole asetettu tavoitteita:', { exact: false }),
      ).toHaveTextContent('Sopimukset, joiden indikaattoreille ei ole asetettu tavoitteita: Oulun ekosysteemisopimus');
    });

    it("asks for the chosen agreement's indicators only, and says the area filter does not narrow them", async () => {
      const fetchMock = mockApi();
      renderApp({ url: `/?agreementId=${AGREEMENT_ID}&priorityAreaId=${WATER_ID}` });
      const strip = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
      await within(strip).findByText('RCO01 Tuetut yritykset');
      const request = requestsTo(fetchMock, '/api/indicator-results/summary')[0]!;
      expect(new URL(request.url).searchParams.get('agreementId')).toBe(AGREEMENT_ID);
      expect(strip).toHaveTextContent('Indikaattorit koskevat koko sopimusta, eivät vain valittua painopistettä.');
    });

    it('says in a sentence when the chosen agreement has no key indicators', async () => {
      mockApi(undefined, 'fi', () =>
        jsonResponse({
          agreements: [{ agreementId: AGREEMENT_ID, title: 'Kuopion ekosysteemisopimus', indicators: [] }],
        }),
      );
      renderApp({ url: `/?agreementId=${AGREEMENT_ID}` });
      const strip = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
      expect(
        await within(strip).findByText('Sopimuksen indikaattoreille ei ole asetettu tavoitteita.'),
      ).toBeInTheDocument();
      expect(within(strip).queryByRole('listitem')).not.toBeInTheDocument();
    });

    it('does not hold back the charts: they show while the indicators load, and stay when they fail', async () => {
      let answer: (response: Response) => void = () => undefined;
      const pending = new Promise<Response>((resolve) => {
        answer = resolve;
      });
      mockApi(undefined, 'fi', () => pending);
      renderApp({ url: '/' });
      expect(await screen.findByRole('img', { name: /hankkeiden määrästä vaiheittain/ }, LOAD)).toBeInTheDocument();
      const strip = screen.getByRole('region', { name: 'Indikaattorit' });
      expect(within(strip).getByRole('status')).toHaveTextContent('Ladataan indikaattoreita…');

      answer(jsonResponse({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Boom' }, 500));
      expect(await within(strip).findByRole('alert')).toHaveTextContent('Indikaattoreiden lataaminen epäonnistui.');
      expect(screen.getByRole('region', { name: 'Tilanne yhdellä silmäyksellä' })).toBeInTheDocument();
      expect(screen.getByRole('img', { name: /hankkeiden määrästä vaiheittain/ })).toBeInTheDocument();
    });

    it('is translated to Swedish and English', async () => {
      mockApi(undefined, 'sv');
      const sv = renderApp({ url: '/', language: 'sv' });
      const strip = await screen.findByRole('region', { name: 'Indikatorer' }, LOAD);
      expect(await within(strip).findByText('RCO01 Företag som får stöd')).toBeInTheDocument();
      expect(strip).toHaveTextContent('Efter tidsplanen');
      expect(strip).toHaveTextContent('Avtal vars indikatorer inte har några mål: Oulun ekosysteemisopimus');
      sv.unmount();

      mockApi(undefined, 'en');
      renderApp({ url: '/', language: 'en' });
      const en = await screen.findByRole('region', { name: 'Indicators' }, LOAD);
      expect(await within(en).findByText('RCO01 Enterprises supported')).toBeInTheDocument();
      expect(en).toHaveTextContent('On pace');
      expect(en).toHaveTextContent(/Achievement30\s%Pace/);
    });
  });
});
