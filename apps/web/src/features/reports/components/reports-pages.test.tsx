import { todayIso } from '@salkku/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  currentUrl,
  emptyStartPageResponse,
  jsonResponse,
  mockFetch,
  renderApp,
  requestsTo,
  signedInMe,
  withSession,
} from '../../../test/render-app';
import { periodValues, RCO01, RCO02, resultLine, SHARE } from '../../../test/indicator-result-fixtures';
import type { AgreementIndicatorResults, NationalIndicatorResults } from '../api/get-indicator-results';
import type { AgreementReport, NationalReport } from '../api/get-reports';

const KUOPIO_AGREEMENT = 'a3c8e1f2-0000-4000-8000-0000000000aa';
const OULU_AGREEMENT = 'a3c8e1f2-0000-4000-8000-0000000000bb';
const WATER_ID = 'a3c8e1f2-0000-4000-8000-000000000001';
const HEALTH_ID = 'a3c8e1f2-0000-4000-8000-000000000002';
const KUOPIO = { id: 'c1e2f3a4-0000-4000-8000-0000000000c1', name: 'Kuopion kaupunki' };
const OULU = { id: 'c1e2f3a4-0000-4000-8000-0000000000c2', name: 'Oulun kaupunki' };
const MINISTRY = { id: 'c1e2f3a4-0000-4000-8000-000000000009', name: 'Työ- ja elinkeinoministeriö' };
const VESI = { id: 'b7d1c2e3-0000-4000-8000-000000000001', code: 'VESI-KH', name: 'Vesi-painopisteen käynnistyshanke' };

const PERIOD_2024 = { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31', today: '2026-11-28' };
const health = (on: number, risk: number, off: number, none: number) => [
  { health: 'on_track' as const, count: on },
  { health: 'at_risk' as const, count: risk },
  { health: 'off_track' as const, count: off },
  { health: 'none' as const, count: none },
];
const figures = (granted: string, paid: string, paidInPeriod: string, remaining: string, unknownAmounts = 0) => ({
  granted,
  paid,
  paidInPeriod,
  remaining,
  unknownAmounts,
});

const NATIONAL: NationalReport = {
  period: PERIOD_2024,
  staleAfterDays: 90,
  agreements: [
    {
      agreement: { id: KUOPIO_AGREEMENT, title: 'Kuopion ekosysteemisopimus' },
      city: KUOPIO,
      projects: 3,
      projectsByHealth: health(1, 1, 0, 1),
      overdueMilestones: 2,
      projectsNeedingUpdate: 1,
      ...figures('1234567.89', '234567.89', '100000.00', '1000000.00', 1),
    },
    {
      agreement: { id: OULU_AGREEMENT, title: 'Oulun ekosysteemisopimus' },
      city: OULU,
      projects: 1,
      projectsByHealth: health(0, 0, 1, 0),
      overdueMilestones: 0,
      projectsNeedingUpdate: 0,
      ...figures('1000.00', '0.00', '0.00', '1000.00'),
    },
  ],
  totals: {
    projects: 4,
    projectsByHealth: health(1, 1, 1, 1),
    overdueMilestones: 2,
    projectsNeedingUpdate: 1,
    ...figures('1235567.89', '234567.89', '100000.00', '1001000.00', 1),
  },
};

const AGREEMENT_REPORT: AgreementReport = {
  agreement: {
    id: KUOPIO_AGREEMENT,
    title: 'Kuopion ekosysteemisopimus',
    validFrom: '2021-02-09',
    validTo: '2027-12-31',
    city: KUOPIO,
  },
  period: PERIOD_2024,
  priorityAreas: [
    {
      id: WATER_ID,
      nameFi: 'Vesi',
      nameSv: 'Vatten',
      nameEn: 'Water',
      projectsByHealth: health(0, 1, 0, 0),
      projects: [
        {
          ...VESI,
          kind: 'launch',
          lifecycleStatus: 'active',
          latestReport: {
            id: 'e1e2f3a4-0000-4000-8000-000000000001',
            reportingDate: '2024-06-30',
            health: 'at_risk',
            summary: 'Rekrytointi viivästyi.',
            risks: 'Toimittaja myöhässä',
          },
        },
      ],
      funding: {
        rows: [{ funder: MINISTRY, instrument: 'akke', ...figures('200000.00', '50000.50', '50000.50', '149999.50') }],
        total: figures('200000.00', '50000.50', '50000.50', '149999.50'),
      },
    },
    {
      id: HEALTH_ID,
      nameFi: 'Terveysteknologia',
      nameSv: null,
      nameEn: null,
      projectsByHealth: health(0, 0, 0, 0),
      projects: [],
      funding: { rows: [], total: figures('0.00', '0.00', '0.00', '0.00') },
    },
  ],
  agreementWideFunding: {
    rows: [{ funder: KUOPIO, instrument: 'city_co_funding', ...figures('3000.00', '1000.00', '0.00', '2000.00') }],
    total: figures('3000.00', '1000.00', '0.00', '2000.00'),
  },
  funding: {
    rows: [
      { funder: KUOPIO, instrument: 'city_co_funding', ...figures('3000.00', '1000.00', '0.00', '2000.00') },
      { funder: MINISTRY, instrument: 'akke', ...figures('200000.00', '50000.50', '50000.50', '149999.50') },
    ],
    total: figures('203000.00', '51000.50', '50000.50', '151999.50'),
  },
  milestones: {
    completed: [
      {
        id: 'd1e2f3a4-0000-4000-8000-000000000001',
        title: 'Testiympäristö auki',
        dueDate: '2024-03-01',
        status: 'done',
        completedOn: '2024-02-20',
        overdue: false,
        project: VESI,
        priorityAreaId: WATER_ID,
      },
    ],
    due: [
      {
        id: 'd1e2f3a4-0000-4000-8000-000000000002',
        title: 'Ohjausryhmä koottu',
        dueDate: '2024-05-01',
        status: 'planned',
        completedOn: null,
        overdue: true,
        project: VESI,
        priorityAreaId: WATER_ID,
      },
    ],
    overdue: [],
    totals: { completed: 1, due: 1, overdue: 0 },
  },
  narratives: [
    {
      id: 'e1e2f3a4-0000-4000-8000-000000000001',
      reportingDate: '2024-06-30',
      health: 'at_risk',
      lifecycleStatus: 'active',
      summary: 'Rekrytointi viivästyi.',
      risks: 'Toimittaja myöhässä',
      nextSteps: 'Uusi haku syksyllä',
      author: 'Kaisa Koordinaattori',
      project: VESI,
      priorityAreaId: WATER_ID,
    },
  ],
  narrativesTotal: 1,
  listLimit: 200,
};

/** No indicators yet: what the indicator results answer for an agreement and the nation without targets or actuals. */
const NO_AGREEMENT_INDICATORS: AgreementIndicatorResults = {
  agreementId: KUOPIO_AGREEMENT,
  periodicity: 'year',
  periods: ['2021', '2022', '2023', '2024', '2025', '2026'],
  indicators: [],
};
const NO_NATIONAL_INDICATORS: NationalIndicatorResults = { periods: ['2021', '2022'], indicators: [] };

function mockApi(
  options: {
    national?: (request: Request) => Response;
    agreement?: (request: Request) => Response;
    nationalIndicators?: (request: Request) => Response;
    agreementIndicators?: (request: Request) => Response;
  } = {},
  language: 'fi' | 'sv' | 'en' = 'fi',
) {
  return mockFetch(
    withSession(
      (request) => {
        const { pathname } = new URL(request.url);
        if (pathname === '/api/reports/national') return (options.national ?? (() => jsonResponse(NATIONAL)))(request);
        if (pathname.startsWith('/api/reports/agreements/')) {
          return (options.agreement ?? (() => jsonResponse(AGREEMENT_REPORT)))(request);
        }
        if (pathname === '/api/indicator-results/national') {
          return (options.nationalIndicators ?? (() => jsonResponse(NO_NATIONAL_INDICATORS)))(request);
        }
        if (pathname.startsWith('/api/indicator-results/agreements/')) {
          return (options.agreementIndicators ?? (() => jsonResponse(NO_AGREEMENT_INDICATORS)))(request);
        }
        const startPage = emptyStartPageResponse(pathname);
        if (startPage) return startPage;
        return jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, 404);
      },
      // A ministry liaison: every city, reads only.
      {
        ...signedInMe({ user: { language, role: 'liaison', organisation: null } }),
        permissions: ['portfolio:read', 'organisations:read'],
        cityId: null,
      },
    ),
  );
}

/** The reports' chunk loads on demand: slower than a render on a busy machine. */
const LOAD = { timeout: 5000 };
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

describe('national report page', () => {
  it('prints on landscape A4 (its thirteen columns fit) with the scope and period on every page', async () => {
    mockApi();
    renderApp({ url: '/reports?from=2024-01-01&to=2024-12-31' });
    await screen.findByRole('table', { name: /^Ekosysteemisopimukset/ }, LOAD);
    const css = document.head.querySelector('style[data-report-print]')?.textContent ?? '';
    expect(css).toMatch(/size: A4 landscape;/);
    expect(css).toContain('@top-left { content: "Salkku · Kaikki näkyvissä olevat ekosysteemisopimukset"');
    expect(css).toContain('Aikaväli 1.1.2024–31.12.2024');
    expect(css).toContain('counter(pages)');
  });

  it('is in the menu, and shows every agreement side by side with totals, charts and links to each report', async () => {
    const fetchMock = mockApi();
    renderApp({ url: '/' });
    const nav = await screen.findByRole('navigation', { name: 'Päävalikko' }, LOAD);
    fireEvent.click(within(nav).getByRole('link', { name: 'Raportit' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sopimukset rinnakkain' }, LOAD)).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Raportit' })).toHaveAttribute('aria-current', 'page');
    // Without a period in the URL: the current calendar year in Helsinki.
    const year = todayIso('Europe/Helsinki').slice(0, 4);
    expect(queryOf(requestsTo(fetchMock, '/api/reports/national')[0]!)).toEqual({
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });

    const table = await screen.findByRole('table', { name: /^Ekosysteemisopimukset/ });
    const kuopio = within(table).getByRole('row', { name: /Kuopion kaupunki/ });
    expect(cells(kuopio)).toEqual([
      'Kuopion ekosysteemisopimus',
      '3',
      '1',
      '1',
      '0',
      '1',
      nbsp('1 234 567,89 €') + '+ 1 päätös, jonka summa ei ole tiedossa',
      nbsp('234 567,89 €'),
      nbsp('100 000,00 €'),
      nbsp('1 000 000,00 €'),
      '2',
      '1',
    ]);
    expect(within(kuopio).getByRole('link', { name: 'Kuopion ekosysteemisopimus' })).toHaveAttribute(
      'href',
      `/reports/agreements/${KUOPIO_AGREEMENT}?from=2024-01-01&to=2024-12-31`,
    );
    const total = within(table).getByRole('row', { name: /Yhteensä/ });
    expect(cells(total)).toEqual(
      expect.arrayContaining(['4', nbsp('1 235 567,89 €') + '+ 1 päätös, jonka summa ei ole tiedossa']),
    );
    expect(within(table).getByRole('columnheader', { name: 'Päivitystä odottaa (yli 90 päivää)' })).toBeInTheDocument();

    // Each chart is an image with a text summary; the table above holds the same figures.
    expect(screen.getByRole('img', { name: /Pinottu pylväskaavio/ })).toHaveAccessibleName(
      expect.stringContaining('Oulun kaupunki: Etenee suunnitellusti 0, Riskissä 0, Ei etene suunnitellusti 1'),
    );
    expect(screen.getByRole('img', { name: /myönnetystä, maksetusta/ })).toHaveAccessibleName(
      expect.stringContaining(`Kuopion kaupunki: myönnetty ${nbsp('1 234 567,89 €')}`),
    );
  });

  it('keeps the period in the URL: a year, or a custom range checked before it is asked for', async () => {
    const fetchMock = mockApi();
    const { router } = renderApp({ url: '/reports?from=2024-01-01&to=2024-12-31' });
    const yearSelect = await screen.findByRole('combobox', { name: 'Vuosi' }, LOAD);
    expect(yearSelect).toHaveValue('2024');
    expect(queryOf(requestsTo(fetchMock, '/api/reports/national')[0]!)).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });

    fireEvent.change(yearSelect, { target: { value: '2023' } });
    expect(currentUrl(router)).toBe('/reports?from=2023-01-01&to=2023-12-31');
    await waitFor(() => expect(requestsTo(fetchMock, '/api/reports/national')).toHaveLength(2));
    expect(queryOf(requestsTo(fetchMock, '/api/reports/national')[1]!)).toEqual({
      from: '2023-01-01',
      to: '2023-12-31',
    });

    fireEvent.change(screen.getByRole('combobox', { name: 'Vuosi' }), { target: { value: 'custom' } });
    const from = screen.getByLabelText('Alkaen');
    const to = screen.getByLabelText('Päättyen');
    fireEvent.change(from, { target: { value: '2023-06-01' } });
    fireEvent.change(to, { target: { value: '2023-05-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Näytä aikaväli' }));
    expect(screen.getByLabelText('Päättyen')).toHaveAccessibleDescription('Aikaväli ei voi päättyä ennen alkuaan.');
    expect(currentUrl(router)).toBe('/reports?from=2023-01-01&to=2023-12-31');

    fireEvent.change(screen.getByLabelText('Päättyen'), { target: { value: '2024-05-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Näytä aikaväli' }));
    expect(currentUrl(router)).toBe('/reports?from=2023-06-01&to=2024-05-31');
    await waitFor(() => expect(requestsTo(fetchMock, '/api/reports/national')).toHaveLength(3));
    expect(queryOf(requestsTo(fetchMock, '/api/reports/national')[2]!)).toEqual({
      from: '2023-06-01',
      to: '2024-05-31',
    });
    // A range that is not a whole year stays shown as a custom one.
    expect(await screen.findByRole('combobox', { name: 'Vuosi' })).toHaveValue('custom');
    expect(screen.getByLabelText('Alkaen')).toHaveValue('2023-06-01');
  });

  it('is translated to Swedish and English', async () => {
    mockApi({}, 'sv');
    const sv = renderApp({ url: '/reports', language: 'sv' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Avtalen sida vid sida' }, LOAD)).toBeInTheDocument();
    expect(await screen.findByRole('columnheader', { name: 'Utbetalt under perioden' })).toBeInTheDocument();
    sv.unmount();

    mockApi({}, 'en');
    renderApp({ url: '/reports', language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Agreements side by side' }, LOAD)).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /Total/ })).toBeInTheDocument();
  });
});

describe('agreement report page', () => {
  const url = `/reports/agreements/${KUOPIO_AGREEMENT}?from=2024-01-01&to=2024-12-31`;

  it('tells a malformed agreement id in the address (not found) from a refused period', async () => {
    mockApi({
      agreement: () =>
        jsonResponse(
          { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Validation failed (uuid is expected)' },
          400,
        ),
    });
    const bad = renderApp({ url: '/reports/agreements/not-an-id?from=2024-01-01&to=2024-12-31' });
    expect(await screen.findByText('Sopimusta ei löytynyt.', {}, LOAD)).toBeInTheDocument();
    expect(screen.queryByText(/Raporttia ei voi laatia tälle aikavälille/)).not.toBeInTheDocument();
    bad.unmount();

    mockApi({
      agreement: () =>
        jsonResponse(
          {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'Validation failed',
            details: { to: ['to must be on or after from'] },
            problems: { to: [{ code: 'dateOrder' }] },
          },
          400,
        ),
    });
    renderApp({ url });
    expect(await screen.findByText(/Raporttia ei voi laatia tälle aikavälille/, {}, LOAD)).toBeInTheDocument();
  });

  it('shows the report of the period: summary, a section per priority area, milestones and narratives', async () => {
    const fetchMock = mockApi();
    renderApp({ url });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Salkkuraportti: Kuopion ekosysteemisopimus' }, LOAD),
    ).toBeInTheDocument();
    const request = requestsTo(fetchMock, `/api/reports/agreements/${KUOPIO_AGREEMENT}`)[0]!;
    expect(queryOf(request)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(screen.getByRole('combobox', { name: 'Vuosi' })).toHaveValue('2024');
    expect(screen.getByRole('link', { name: 'Kaikki sopimukset' })).toHaveAttribute(
      'href',
      '/reports?from=2024-01-01&to=2024-12-31',
    );

    // Summary: funding by funder and instrument with its total, and each chart's table.
    const byFunder = screen.getByRole('table', { name: 'Rahoitus rahoittajittain ja rahoitusmuodoittain' });
    expect(cells(within(byFunder).getByRole('row', { name: /Työ- ja elinkeinoministeriö/ }))).toEqual([
      'AKKE-rahoitus',
      nbsp('200 000,00 €'),
      nbsp('50 000,50 €'),
      nbsp('50 000,50 €'),
      nbsp('149 999,50 €'),
    ]);
    expect(cells(within(byFunder).getByRole('row', { name: /Yhteensä/ }))).toEqual([
      nbsp('203 000,00 €'),
      nbsp('51 000,50 €'),
      nbsp('50 000,50 €'),
      nbsp('151 999,50 €'),
    ]);
    const byArea = screen.getByRole('table', { name: 'Rahoitus painopisteittäin' });
    expect(within(byArea).getByRole('row', { name: /Koko sopimuksen rahoitus/ })).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /painopisteittäin: Vesi: Etenee suunnitellusti 0, Riskissä 1/ }),
    ).toBeVisible();
    expect(screen.getByRole('table', { name: /Hankkeet viimeisimmän tilanneraportin mukaan/ })).toBeInTheDocument();

    // A section per priority area, with its projects and their latest health and reasons.
    const water = screen.getByRole('region', { name: 'Vesi' });
    const projectRow = within(water).getByRole('row', { name: /VESI-KH/ });
    expect(cells(projectRow)).toEqual([
      'Käynnistämishanke',
      'Käynnissä',
      'Riskissä30.6.2024',
      'Rekrytointi viivästyi.Riskit: Toimittaja myöhässä',
    ]);
    expect(within(projectRow).getByRole('link', { name: `VESI-KH ${VESI.name}` })).toHaveAttribute(
      'href',
      `/projects/${VESI.id}`,
    );
    expect(within(water).getByRole('table', { name: /Painopisteen Vesi rahoitus/ })).toBeInTheDocument();
    const empty = screen.getByRole('region', { name: 'Terveysteknologia' });
    expect(empty).toHaveTextContent('Painopisteellä ei ole hankkeita.');
    expect(empty).toHaveTextContent('ei myönnettyä rahoitusta.');

    const milestones = screen.getByRole('region', { name: 'Virstanpylväät' });
    expect(
      cells(
        within(within(milestones).getByRole('table', { name: 'Valmistuneet aikavälillä' })).getAllByRole('row')[1]!,
      ),
    ).toEqual([`VESI-KH ${VESI.name}`, '1.3.2024', '20.2.2024']);
    expect(within(milestones).getByRole('row', { name: /Ohjausryhmä koottu/ })).toHaveTextContent('Myöhässä');
    expect(milestones).toHaveTextContent('Ei myöhässä olevia virstanpylväitä.');

    const narratives = screen.getByRole('region', { name: 'Tilanneraportit aikavälillä' });
    expect(narratives).toHaveTextContent('30.6.2024');
    expect(narratives).toHaveTextContent('Rekrytointi viivästyi.');
    expect(narratives).toHaveTextContent('Seuraavaksi: Uusi haku syksyllä');
  });

  it('says how much of a long list it shows, and where the whole list is', async () => {
    mockApi({
      agreement: () =>
        jsonResponse({
          ...AGREEMENT_REPORT,
          milestones: { ...AGREEMENT_REPORT.milestones, totals: { completed: 24812, due: 1, overdue: 0 } },
          narrativesTotal: 1200,
        }),
    });
    renderApp({ url });
    const milestones = await screen.findByRole('region', { name: 'Virstanpylväät' }, LOAD);
    expect(milestones).toHaveTextContent('Näytetään 1 / 24 812.');
    expect(within(milestones).getAllByRole('link', { name: 'Koko luettelo CSV-vientinä' })).toHaveLength(1);
    expect(within(milestones).getByRole('link', { name: 'Koko luettelo CSV-vientinä' })).toHaveAttribute(
      'href',
      '/exports',
    );
    const narratives = screen.getByRole('region', { name: 'Tilanneraportit aikavälillä' });
    expect(narratives).toHaveTextContent('Näytetään 1 / 1 200.');
  });

  it('prints: a print button, and on every page the scope, period, print date and page number', async () => {
    mockApi();
    const print = jest.fn();
    window.print = print;
    const { unmount } = renderApp({ url });
    await screen.findByRole('region', { name: 'Yhteenveto' }, LOAD);
    fireEvent.click(screen.getByRole('button', { name: 'Tulosta' }));
    expect(print).toHaveBeenCalledTimes(1);
    // The page-margin boxes of the printed pages (a header in the flow would print on page 1 only).
    const rules = Array.from(document.head.querySelectorAll('style[data-report-print]'), (s) => s.textContent);
    expect(rules).toHaveLength(1);
    const css = rules[0]!;
    expect(css).toMatch(/size: A4;/);
    expect(css).toMatch(/@top-left \{ content: "Salkku · Kuopion kaupunki · Kuopion ekosysteemisopimus"/);
    const [y, m, d] = todayIso('Europe/Helsinki').split('-').map(Number) as [number, number, number];
    expect(css).toContain('@top-right { content: "Aikaväli 1.1.2024–31.12.2024"');
    expect(css).toContain(`@bottom-left { content: "Tulostettu ${d}.${m}.${y}"`);
    expect(css).toContain('@bottom-right { content: "Sivu " counter(page) " / " counter(pages)');
    // No section is forced onto a page of its own, and no heading is printed twice.
    expect(document.querySelector('.report-section--area, .report-section--break')).toBeNull();
    const milestones = screen.getByRole('region', { name: 'Virstanpylväät' });
    for (const table of within(milestones).getAllByRole('table')) {
      expect(table.querySelector('caption')).toHaveClass('visually-hidden');
    }
    // Leaving the report leaves other pages' printing as it was.
    unmount();
    expect(document.head.querySelector('style[data-report-print]')).toBeNull();
  });

  it('changes the period in the URL and asks the API for it', async () => {
    const fetchMock = mockApi();
    const { router } = renderApp({ url });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Vuosi' }, LOAD), { target: { value: '2022' } });
    expect(currentUrl(router)).toBe(`/reports/agreements/${KUOPIO_AGREEMENT}?from=2022-01-01&to=2022-12-31`);
    await waitFor(() => expect(requestsTo(fetchMock, `/api/reports/agreements/${KUOPIO_AGREEMENT}`)).toHaveLength(2));
    expect(queryOf(requestsTo(fetchMock, `/api/reports/agreements/${KUOPIO_AGREEMENT}`)[1]!)).toEqual({
      from: '2022-01-01',
      to: '2022-12-31',
    });
  });

  it('says so when the agreement is not found, or the period is refused', async () => {
    mockApi({ agreement: () => jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }, 404) });
    const first = renderApp({ url });
    expect(await screen.findByRole('alert', {}, LOAD)).toHaveTextContent('Sopimusta ei löytynyt.');
    first.unmount();

    mockApi({
      agreement: () =>
        jsonResponse(
          { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Invalid', details: { to: ['too long'] } },
          400,
        ),
    });
    renderApp({ url: `/reports/agreements/${KUOPIO_AGREEMENT}?from=2000-01-01&to=2024-12-31` });
    expect(await screen.findByRole('alert', {}, LOAD)).toHaveTextContent('enintään 10 vuotta');
  });

  it('is translated to Swedish and English', async () => {
    mockApi({}, 'sv');
    const sv = renderApp({ url, language: 'sv' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Portföljrapport: Kuopion ekosysteemisopimus' }, LOAD),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Vatten' })).toBeInTheDocument();
    sv.unmount();

    mockApi({}, 'en');
    renderApp({ url, language: 'en' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Portfolio report: Kuopion ekosysteemisopimus' }, LOAD),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Water' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
  });
});

describe('indicators in the reports', () => {
  const url = `/reports/agreements/${KUOPIO_AGREEMENT}?from=2024-01-01&to=2024-12-31`;
  const YEARS = ['2021', '2022', '2023', '2024'];

  /** Kuopio's indicators: a derived count with an area without a target, and a share the agreement cannot add up. */
  const KUOPIO_INDICATORS: AgreementIndicatorResults = {
    agreementId: KUOPIO_AGREEMENT,
    periodicity: 'year',
    periods: YEARS,
    indicators: [
      {
        indicator: RCO01,
        agreement: resultLine(YEARS, {
          target: { baselineValue: '0', baselineYear: 2021, targetValue: '40', targetYear: 2027, milestones: [] },
          periods: periodValues(YEARS, [null, '3', '5', '4']),
          toDate: '12',
          latestPeriod: '2024',
          achievement: 0.3,
          onPace: false,
        }),
        areas: [
          {
            priorityAreaId: WATER_ID,
            nameFi: 'Vesi',
            nameSv: 'Vatten',
            nameEn: 'Water',
            result: resultLine(YEARS, {
              target: { baselineValue: '0', baselineYear: 2021, targetValue: '20', targetYear: 2027, milestones: [] },
              periods: periodValues(YEARS, [null, '3', '3', '2']),
              toDate: '8',
              latestPeriod: '2024',
              achievement: 0.4,
              onPace: true,
            }),
          },
          {
            priorityAreaId: HEALTH_ID,
            nameFi: 'Terveysteknologia',
            nameSv: null,
            nameEn: null,
            result: resultLine(YEARS, {
              periods: periodValues(YEARS, [null, null, '2', '2']),
              toDate: '4',
              latestPeriod: '2024',
            }),
          },
        ],
        enterprises: [
          {
            organisationId: 'c1e2f3a4-0000-4000-8000-0000000000e1',
            name: 'Vesiteknologia Oy',
            businessId: '1234567-8',
            flagged: false,
          },
          {
            organisationId: 'c1e2f3a4-0000-4000-8000-0000000000e2',
            name: 'Pajaputki',
            businessId: null,
            flagged: true,
          },
        ],
      },
      {
        indicator: SHARE,
        agreement: resultLine(YEARS, { refusal: 'percentDoesNotSum' }),
        areas: [
          {
            priorityAreaId: WATER_ID,
            nameFi: 'Vesi',
            nameSv: 'Vatten',
            nameEn: 'Water',
            result: resultLine(YEARS, {
              target: { baselineValue: '10', baselineYear: 2021, targetValue: '30', targetYear: 2027, milestones: [] },
              periods: periodValues(YEARS, [null, null, '12.5', null]),
              toDate: '12.5',
              latestPeriod: '2023',
              achievement: 12.5 / 30,
              onPace: false,
            }),
          },
        ],
        enterprises: null,
      },
      // Listed (every derived indicator is), but with nothing yet at any level.
      {
        indicator: RCO02,
        agreement: resultLine(YEARS),
        areas: [
          { priorityAreaId: WATER_ID, nameFi: 'Vesi', nameSv: 'Vatten', nameEn: 'Water', result: resultLine(YEARS) },
        ],
        enterprises: [],
      },
    ],
  };

  const NATIONAL_INDICATORS: NationalIndicatorResults = {
    periods: YEARS,
    indicators: [
      {
        indicator: RCO01,
        agreements: [
          {
            agreementId: KUOPIO_AGREEMENT,
            title: 'Kuopion ekosysteemisopimus',
            cityName: 'Kuopion kaupunki',
            result: KUOPIO_INDICATORS.indicators[0]!.agreement,
          },
          {
            agreementId: OULU_AGREEMENT,
            title: 'Oulun ekosysteemisopimus',
            cityName: 'Oulun kaupunki',
            result: resultLine(YEARS),
          },
        ],
        total: resultLine(YEARS, {
          target: { baselineValue: '0', baselineYear: 2021, targetValue: '40', targetYear: 2027, milestones: [] },
          periods: periodValues(YEARS, [null, '3', '5', '4']),
          toDate: '12',
          latestPeriod: '2024',
          achievement: 0.3,
          onPace: false,
        }),
        enterprises: [
          {
            organisationId: 'c1e2f3a4-0000-4000-8000-0000000000e1',
            name: 'Vesiteknologia Oy',
            businessId: '1234567-8',
            flagged: false,
          },
        ],
      },
    ],
  };

  it("shows the agreement's indicators for it and by priority area: target, actual, achievement and pace in words", async () => {
    const fetchMock = mockApi({ agreementIndicators: () => jsonResponse(KUOPIO_INDICATORS) });
    renderApp({ url });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
    await within(section).findByRole('heading', { level: 3, name: 'RCO01 Tuetut yritykset' });
    expect(requestsTo(fetchMock, `/api/indicator-results/agreements/${KUOPIO_AGREEMENT}`)).toHaveLength(1);
    expect(section).toHaveTextContent('Lukumäärä · Koonti: Kausien summa · Laskettu osallistujista');

    const levels = within(section).getByRole('table', { name: 'RCO01 Tuetut yritykset: sopimus ja painopisteet' });
    expect(cells(within(levels).getByRole('row', { name: /Koko sopimus/ }))).toEqual([
      '40 (vuonna 2027)Lähtötaso 0 (vuonna 2021)',
      '12',
      nbsp('30 %'),
      'Jäljessä aikataulusta',
    ]);
    expect(cells(within(levels).getByRole('row', { name: /Vesi/ }))).toEqual([
      '20 (vuonna 2027)Lähtötaso 0 (vuonna 2021)',
      '8',
      nbsp('40 %'),
      'Aikataulussa',
    ]);
    // No target: said in words, never as 0, and no achievement or pace made up.
    expect(cells(within(levels).getByRole('row', { name: /Terveysteknologia/ }))).toEqual([
      'Tavoitetta ei ole asetettu',
      '4',
      '',
      'Tavoitetta ei ole asetettu',
    ]);

    // The derived number's enterprises, the one without a business ID flagged.
    expect(within(section).getByText('Yritykset, joista luku on laskettu (2)')).toBeInTheDocument();
    expect(within(section).getByText(/Vesiteknologia Oy \(1234567-8\)/)).toBeInTheDocument();
    expect(within(section).getByText(/Pajaputki/)).toHaveTextContent(
      'PajaputkiEi Y-tunnusta – sama yritys voi tulla lasketuksi kahdesti',
    );
  });

  it('names the indicators with nothing yet in one sentence, without a table of dashes', async () => {
    mockApi({ agreementIndicators: () => jsonResponse(KUOPIO_INDICATORS) });
    renderApp({ url });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
    expect(await within(section).findByText('RCO02 Avustuksilla tuetut yritykset', { exact: false })).toHaveTextContent(
      'Ei vielä tavoitteita eikä toteumia: RCO02 Avustuksilla tuetut yritykset',
    );
    expect(within(section).queryByRole('heading', { name: /RCO02/ })).not.toBeInTheDocument();
    expect(within(section).queryByRole('table', { name: /RCO02/ })).not.toBeInTheDocument();
  });

  it('draws each indicator across the periods, with the same figures in a table (not reported is not 0)', async () => {
    mockApi({ agreementIndicators: () => jsonResponse(KUOPIO_INDICATORS) });
    renderApp({ url });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
    const chart = await within(section).findByRole('img', { name: /^Pylväskaavio, RCO01 Tuetut yritykset kausittain/ });
    expect(chart).toHaveAccessibleName(
      'Pylväskaavio, RCO01 Tuetut yritykset kausittain: 2021 Ei raportoitu, 2022 3, 2023 5, 2024 4',
    );
    const periods = within(section).getByRole('table', { name: 'RCO01 Tuetut yritykset kausittain' });
    expect(
      within(periods)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Kausi', 'Koko sopimus', 'Vesi', 'Terveysteknologia']);
    expect(cells(within(periods).getByRole('row', { name: /^2021/ }))).toEqual([
      '–Ei raportoitu',
      '–Ei raportoitu',
      '–Ei raportoitu',
    ]);
    expect(cells(within(periods).getByRole('row', { name: /^2023/ }))).toEqual(['5', '3', '2']);
  });

  it('says why a roll-up has no value: percentages are not added up', async () => {
    mockApi({ agreementIndicators: () => jsonResponse(KUOPIO_INDICATORS) });
    renderApp({ url });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
    const levels = await within(section).findByRole('table', {
      name: 'KUO-PCT Kokeilujen osuus: sopimus ja painopisteet',
    });
    expect(cells(within(levels).getByRole('row', { name: /Koko sopimus/ }))).toEqual([
      'Tavoitetta ei ole asetettu',
      'Prosenttiosuuksia ei lasketa yhteen.',
    ]);
    expect(cells(within(levels).getByRole('row', { name: /Vesi/ }))).toEqual([
      '30\u00a0% (vuonna 2027)Lähtötaso 10\u00a0% (vuonna 2021)',
      nbsp('12,5 %'),
      nbsp('42 %'),
      'Jäljessä aikataulusta',
    ]);
    // Nothing to draw for the agreement: no chart, the table still lists the areas' periods.
    expect(within(section).queryByRole('img', { name: /KUO-PCT/ })).not.toBeInTheDocument();
    const periods = within(section).getByRole('table', { name: 'KUO-PCT Kokeilujen osuus kausittain' });
    expect(cells(within(periods).getByRole('row', { name: /^2023/ }))).toEqual(['–Ei raportoitu', nbsp('12,5 %')]);
  });

  it('keeps the rest of the report when the indicators fail, and says when there are none', async () => {
    mockApi({
      agreementIndicators: () => jsonResponse({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Boom' }, 500),
    });
    const failed = renderApp({ url });
    const section = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
    expect(await within(section).findByRole('alert')).toHaveTextContent('Indikaattoreiden lataaminen epäonnistui.');
    expect(screen.getByRole('table', { name: 'Rahoitus painopisteittäin' })).toBeInTheDocument();
    failed.unmount();

    // Only indicators with nothing yet (derived ones are always listed): one sentence, naming none.
    mockApi({
      agreementIndicators: () =>
        jsonResponse({ ...KUOPIO_INDICATORS, indicators: KUOPIO_INDICATORS.indicators.slice(2) }),
    });
    renderApp({ url });
    const empty = await screen.findByRole('region', { name: 'Indikaattorit' }, LOAD);
    expect(
      await within(empty).findByText('Sopimuksella ei ole vielä indikaattoreita: ei tavoitteita eikä toteumia.'),
    ).toBeInTheDocument();
    expect(empty).not.toHaveTextContent('RCO02');
  });

  it('shows the common indicators of every agreement side by side in the national view, with the total', async () => {
    mockApi({ nationalIndicators: () => jsonResponse(NATIONAL_INDICATORS) });
    renderApp({ url: '/reports?from=2024-01-01&to=2024-12-31' });
    const section = await screen.findByRole('region', { name: 'Yhteiset indikaattorit' }, LOAD);
    const table = await within(section).findByRole('table', { name: 'RCO01 Tuetut yritykset sopimuksittain' });
    const kuopio = within(table).getByRole('row', { name: /Kuopion kaupunki/ });
    expect(within(kuopio).getByRole('link', { name: 'Kuopion kaupunki' })).toHaveAttribute(
      'href',
      `/reports/agreements/${KUOPIO_AGREEMENT}?from=2024-01-01&to=2024-12-31`,
    );
    expect(cells(kuopio)).toEqual([
      '40 (vuonna 2027)Lähtötaso 0 (vuonna 2021)',
      '12',
      nbsp('30 %'),
      'Jäljessä aikataulusta',
    ]);
    expect(cells(within(table).getByRole('row', { name: /Oulun kaupunki/ }))).toEqual([
      'Tavoitetta ei ole asetettu',
      '–Ei raportoitu',
      '',
      'Tavoitetta ei ole asetettu',
    ]);
    expect(cells(within(table).getByRole('row', { name: /Kaikki sopimukset/ }))).toEqual([
      '40 (vuonna 2027)Lähtötaso 0 (vuonna 2021)',
      '12',
      nbsp('30 %'),
      'Jäljessä aikataulusta',
    ]);
    expect(within(section).getByText(/Vesiteknologia Oy/)).toBeInTheDocument();
  });

  it('is translated to Swedish and English', async () => {
    mockApi({ agreementIndicators: () => jsonResponse(KUOPIO_INDICATORS) }, 'sv');
    const sv = renderApp({ url, language: 'sv' });
    const section = await screen.findByRole('region', { name: 'Indikatorer' }, LOAD);
    const levels = await within(section).findByRole('table', {
      name: 'RCO01 Företag som får stöd: avtalet och de prioriterade områdena',
    });
    expect(cells(within(levels).getByRole('row', { name: /Hela avtalet/ }))).toEqual([
      '40 (år 2027)Utgångsnivå 0 (år 2021)',
      '12',
      nbsp('30 %'),
      'Efter tidsplanen',
    ]);
    expect(section).toHaveTextContent('Procentandelar räknas inte ihop.');
    sv.unmount();

    mockApi({ nationalIndicators: () => jsonResponse(NATIONAL_INDICATORS) }, 'en');
    renderApp({ url: '/reports?from=2024-01-01&to=2024-12-31', language: 'en' });
    const national = await screen.findByRole('region', { name: 'Common indicators' }, LOAD);
    const table = await within(national).findByRole('table', { name: 'RCO01 Enterprises supported by agreement' });
    expect(cells(within(table).getByRole('row', { name: /Oulun kaupunki/ }))).toEqual([
      'No target set',
      '–Not reported',
      '',
      'No target set',
    ]);
    expect(within(table).getByRole('row', { name: /Kuopion kaupunki/ })).toHaveTextContent('Behind pace');
  });
});
