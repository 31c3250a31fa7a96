import '@testing-library/jest-dom';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch, requestsTo } from '../../../test/render-app';
import {
  historyItems,
  historyPage,
  PROJECT_ID,
  project,
  projectPageApi,
  statusReports,
} from '../../../test/project-fixtures';
import { renderProjectPage } from '../test/render-project-page';

const notFound = () =>
  jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: `Project ${PROJECT_ID} not found` }, 404);
const serverError = () =>
  jsonResponse({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' }, 500);

/** Text as a reader sees it: Intl's no-break spaces ("1 234,56 €") as plain spaces. */
function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A section of the page: a region landmark named by its heading. */
function section(name: string) {
  return screen.getByRole('region', { name });
}

describe('project page', () => {
  it('announces loading, then shows the project with its summary and every section', async () => {
    const fetchMock = mockFetch(projectPageApi());
    renderProjectPage(PROJECT_ID);

    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Ladataan hanketta…');
    expect(await screen.findByRole('heading', { level: 1, name: project.name })).toBeInTheDocument();
    expect(document.title).toBe(`VESI-KH ${project.name} – Salkku`);

    expect(
      screen
        .getAllByRole('region')
        .filter((region) => region.tagName === 'SECTION')
        .map((region) => within(region).getAllByRole('heading', { level: 2 })[0]!.textContent),
    ).toEqual([
      'Perustiedot',
      'Toteuttajat',
      'Rahoitus',
      'Virstanpylväät',
      'Indikaattorit',
      'Tilanneraportit',
      'Muutoshistoria',
    ]);

    const summary = section('Perustiedot');
    const fact = (term: string) => within(summary).getByText(term).nextElementSibling;
    expect(fact('Tunnus')).toHaveTextContent('VESI-KH');
    expect(fact('Vaihe')).toHaveTextContent('Käynnissä');
    expect(fact('Viimeisin tilanne')).toHaveTextContent('Riskissäraportoitu 15.12.2021');
    expect(fact('Hanketyyppi')).toHaveTextContent('Käynnistämishanke');
    expect(fact('Painopiste')).toHaveTextContent('Vesi');
    expect(fact('Päätoteuttaja')).toHaveTextContent('Savonia-ammattikorkeakoulu');
    expect(fact('Suunniteltu toteutusaika')).toHaveTextContent('1.9.2021 – 31.8.2023');
    expect(fact('Kokonaisbudjetti')).toHaveTextContent('450 000,00 €');
    expect(fact('EURA-tunnus')).toHaveTextContent('A77777');

    const partners = within(section('Toteuttajat')).getByRole('table', { name: 'Osatoteuttajat ja kumppanit' });
    const kuopio = within(partners).getByRole('row', { name: /Kuopion kaupunki/ });
    expect(within(kuopio).getAllByRole('cell').map(text)).toEqual(['Kaupunki', 'Vastinrahoittaja', '90 000,00 €']);

    // The lists ask for the project's records, a full page each; milestones by due date.
    await screen.findByRole('table', { name: 'Rahoituspäätökset' });
    for (const path of ['/api/funding-decisions', '/api/payments', '/api/milestones', '/api/status-reports']) {
      const params = new URL(requestsTo(fetchMock, path)[0]!.url).searchParams;
      expect([path, params.get('projectId'), params.get('pageSize')]).toEqual([path, PROJECT_ID, '100']);
    }
    expect(new URL(requestsTo(fetchMock, '/api/milestones')[0]!.url).searchParams.get('sort')).toBe('dueDate');
    // No edit controls in this read-only page.
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('shows a decision whose amount is not known as "ei tiedossa", never as 0,00 €, and lists payments per decision', async () => {
    mockFetch(projectPageApi());
    renderProjectPage(PROJECT_ID);

    const funding = await screen.findByRole('region', { name: 'Rahoitus' });
    const totals = within(funding).getByText('Myönnetty', { selector: 'dt' }).closest('dl')!;
    expect(totals).toHaveTextContent('Myönnetty200 000,00 €+ 1 päätös, jonka summa ei ole tiedossa');
    expect(totals).toHaveTextContent('Maksettu50 000,00 €');
    expect(totals).toHaveTextContent('Jäljellä150 000,00 €');

    const table = await within(funding).findByRole('table', { name: 'Rahoituspäätökset' });
    const city = within(table).getByRole('row', { name: /Kuopion kaupunki, Kaupungin rahoitus, 4\.10\.2021/ });
    const cityCells = within(city).getAllByRole('cell');
    expect(cityCells.map(text)).toEqual([
      'Myönnetty',
      'Kuopion kaupunginhallitus §51',
      '1.9.2021 – 31.8.2023',
      'ei tiedossa',
      '0,00 €',
      'ei tiedossa',
    ]);

    const akke = within(table).getByRole('row', { name: /Työ- ja elinkeinoministeriö, AKKE-rahoitus, 20\.9\.2021/ });
    expect(within(akke).getByText('200 000,00 €')).toBeInTheDocument();
    expect(within(akke).getByText('rahoitusosuus 80 %')).toBeInTheDocument();
    expect(within(akke).getByText('150 000,00 €')).toBeInTheDocument();

    const paymentsTable = await within(funding).findByRole('table', {
      name: 'Maksut: Työ- ja elinkeinoministeriö, AKKE-rahoitus, 20.9.2021',
    });
    expect(
      within(paymentsTable)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.children].map(text)),
    ).toEqual([
      ['30.11.2021', '20 000,00 €', 'Ennakko'],
      ['31.3.2022', '30 000,00 €', ''],
    ]);
    expect(
      within(funding).getByText('Ei maksuja: Kuopion kaupunki, Kaupungin rahoitus, 4.10.2021'),
    ).toBeInTheDocument();
  });

  it('says "okänt" in Swedish and "unknown" in English for an unknown amount', async () => {
    mockFetch(projectPageApi());
    const { i18n } = renderProjectPage(PROJECT_ID, { language: 'sv' });

    let table = await screen.findByRole('table', { name: 'Finansieringsbeslut' });
    let city = within(table).getByRole('row', { name: /Kuopion kaupunki/ });
    expect(within(city).getAllByText('okänt')).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 2, name: 'Grunduppgifter' })).toBeInTheDocument();
    expect(within(section('Grunduppgifter')).getByText('Vatten')).toBeInTheDocument();

    await act(() => i18n.changeLanguage('en'));
    table = await screen.findByRole('table', { name: 'Funding decisions' });
    city = within(table).getByRole('row', { name: /Kuopion kaupunki/ });
    expect(within(city).getAllByText('unknown')).toHaveLength(2);
    expect(within(table).getByText('€200,000.00')).toBeInTheDocument();
  });

  it('shows the milestones on a timeline by due date and marks the overdue one in words', async () => {
    mockFetch(projectPageApi());
    renderProjectPage(PROJECT_ID);

    const milestones = await screen.findByRole('region', { name: 'Virstanpylväät' });
    const timeline = await within(milestones).findByRole('list');
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Ohjausryhmä hyväksyy toimintasuunnitelman',
      'Hankinta kilpailutettu',
      'Testiympäristö auki',
    ]);
    expect(items[0]).toHaveTextContent('Määräpäivä 31.10.2021');
    expect(items[0]).toHaveTextContent('Valmis');
    expect(items[0]).toHaveTextContent('Valmistui 28.10.2021');
    expect(within(items[1]!).getByText('Myöhässä')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('Työn alla');
    expect(within(items[0]!).queryByText(/myöhässä/i)).not.toBeInTheDocument();
    expect(within(items[2]!).queryByText(/myöhässä/i)).not.toBeInTheDocument();
    expect(within(milestones).getByText('1 virstanpylväs myöhässä')).toBeInTheDocument();
  });

  it('shows the status reports newest first with health, situation, risks and next steps', async () => {
    mockFetch(projectPageApi());
    renderProjectPage(PROJECT_ID);

    const reports = await screen.findByRole('region', { name: 'Tilanneraportit' });
    const timeline = await within(reports).findByRole('list');
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Tilanne 15.12.2021',
      'Tilanne 31.10.2021',
    ]);
    expect(within(items[0]!).getByText('Riskissä')).toBeInTheDocument();
    expect(within(items[0]!).getByText(statusReports[0]!.summary)).toBeInTheDocument();
    expect(within(items[0]!).getByText('Riskit').nextElementSibling).toHaveTextContent(statusReports[0]!.risks!);
    expect(within(items[0]!).getByText('Seuraavat askeleet').nextElementSibling).toHaveTextContent(
      statusReports[0]!.nextSteps!,
    );
    expect(within(items[1]!).getByText('Etenee suunnitellusti')).toBeInTheDocument();
    expect(within(items[1]!).queryByText('Riskit')).not.toBeInTheDocument();
  });

  it('shows the change history: who, when, and what changed from what to what, formatted', async () => {
    mockFetch(projectPageApi());
    renderProjectPage(PROJECT_ID);

    const history = await screen.findByRole('region', { name: 'Muutoshistoria' });
    const list = await within(history).findByRole('list', { name: 'Muutokset, uusin ensin' });
    const [update, report, create] = within(list).getAllByRole('listitem');

    expect(update).toHaveTextContent('Hanke: muutettu');
    expect(update).toHaveTextContent('10.1.2022 klo 14.30 · Tekijä: Kaisa Koordinaattori');
    const change = (item: HTMLElement, field: string) => within(item).getByText(field).nextElementSibling;
    expect(change(update!, 'Kokonaisbudjetti')).toHaveTextContent('400 000,00 € → muuttui arvoon 450 000,00 €');
    expect(change(update!, 'Suunniteltu päättymispäivä')).toHaveTextContent('30.6.2023 → muuttui arvoon 31.8.2023');
    expect(change(update!, 'Vaihe')).toHaveTextContent('Suunniteltu → muuttui arvoon Käynnissä');

    expect(report).toHaveTextContent('Tilanneraportti 15.12.2021');
    expect(within(report!).getByText('Riskissä')).toBeInTheDocument();

    expect(create).toHaveTextContent('Rahoituspäätös: lisätty');
    expect(create).toHaveTextContent('Tekijä: Pekka Pääkäyttäjä');
    expect(change(create!, 'Rahoitusväline')).toHaveTextContent(/^Kaupungin rahoitus$/);
    expect(change(create!, 'Tila')).toHaveTextContent(/^Myönnetty$/);
    expect(change(create!, 'Päätöspäivä')).toHaveTextContent(/^4\.10\.2021$/);
    // Records are named, never shown as raw ids; one deleted since is said to be so.
    expect(change(create!, 'Hanke')).toHaveTextContent(/^VESI-KH Vesi-painopisteen käynnistämishanke$/);
    expect(change(create!, 'Rahoittaja')).toHaveTextContent(/^\(poistettu tieto\)$/);
    expect(history).not.toHaveTextContent(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('pages through a long history', async () => {
    const fetchMock = mockFetch(
      projectPageApi({
        [`/api/projects/${PROJECT_ID}/history`]: (request) => {
          const page = Number(new URL(request.url).searchParams.get('page'));
          const items = page === 1 ? historyItems : [historyItems[2]!];
          return jsonResponse(historyPage(items, { total: 28, page }));
        },
      }),
    );
    renderProjectPage(PROJECT_ID);

    const history = await screen.findByRole('region', { name: 'Muutoshistoria' });
    const paging = await within(history).findByRole('navigation', { name: 'Sivutus' });
    expect(within(paging).getByText('Sivu 1 / 2')).toBeInTheDocument();
    fireEvent.click(within(paging).getByRole('button', { name: 'Seuraava sivu' }));

    expect(await within(history).findByText('Sivu 2 / 2')).toBeInTheDocument();
    expect(await within(history).findByText('Rahoituspäätös: lisätty')).toBeInTheDocument();
    expect(within(history).queryByText('Hanke: muutettu')).not.toBeInTheDocument();
    const pages = requestsTo(fetchMock, `/api/projects/${PROJECT_ID}/history`).map((request) =>
      Object.fromEntries(new URL(request.url).searchParams),
    );
    expect(pages).toEqual([
      { page: '1', pageSize: '25' },
      { page: '2', pageSize: '25' },
    ]);
  });

  it('says the project was not found when the API answers 404', async () => {
    mockFetch(projectPageApi({ [`/api/projects/${PROJECT_ID}`]: notFound }));
    renderProjectPage(PROJECT_ID);

    expect(await screen.findByRole('heading', { level: 1, name: 'Hanketta ei löytynyt' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Hanketta ei ole, tai sinulla ei ole oikeutta nähdä sitä.');
    expect(screen.queryByRole('region', { name: 'Rahoitus' })).not.toBeInTheDocument();
    expect(document.title).toBe('Hanketta ei löytynyt – Salkku');
  });

  it('says the same for an address that cannot be a project (the API answers 400 to a malformed id)', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/projects/not-a-project'
        ? jsonResponse({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Validation failed' }, 400)
        : jsonResponse({ items: [], total: 0, page: 1, pageSize: 100 }),
    );
    renderProjectPage('not-a-project');

    expect(await screen.findByRole('heading', { level: 1, name: 'Hanketta ei löytynyt' })).toBeInTheDocument();
  });

  it('shows an alert when the project cannot be loaded, and loads it on retry', async () => {
    let fail = true;
    mockFetch(
      projectPageApi({ [`/api/projects/${PROJECT_ID}`]: () => (fail ? serverError() : jsonResponse(project)) }),
    );
    renderProjectPage(PROJECT_ID);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Hankkeen lataaminen epäonnistui.');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await screen.findByRole('heading', { level: 1, name: project.name })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the rest of the page when one section fails to load', async () => {
    mockFetch(projectPageApi({ '/api/milestones': serverError }));
    renderProjectPage(PROJECT_ID);

    const milestones = await screen.findByRole('region', { name: 'Virstanpylväät' });
    expect(await within(milestones).findByRole('alert')).toHaveTextContent('Näiden tietojen lataaminen epäonnistui.');
    expect(await screen.findByRole('table', { name: 'Rahoituspäätökset' })).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
