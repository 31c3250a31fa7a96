import '@testing-library/jest-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch, requestsTo } from '../../../test/render-app';
import {
  auditItem,
  historyItems,
  historyPage,
  PROJECT_ID,
  project,
  projectPageApi,
  statusReports,
} from '../../../test/project-fixtures';
import { RESULTS } from '../../../test/indicator-fixtures';
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

/** Opens the change history (collapsed at first) and returns its section. */
async function openHistory() {
  const history = await screen.findByRole('region', { name: 'Muutoshistoria' });
  fireEvent.click(within(history).getByRole('button', { name: 'Näytä muutoshistoria' }));
  return history;
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
      'Tilannekuva',
      'Perustiedot',
      'Rahoitus',
      'Virstanpylväät',
      'Indikaattorit',
      'Tilanneraportit',
      'Toteuttajat',
      'Osallistujat',
      'Muutoshistoria',
    ]);

    // The in-page navigation links to every section below the overview, in page order.
    const sectionNav = screen.getByRole('navigation', { name: 'Hankkeen osiot' });
    const links = within(sectionNav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Perustiedot',
      'Rahoitus',
      'Virstanpylväät',
      'Indikaattorit',
      'Tilanneraportit',
      'Toteuttajat',
      'Osallistujat',
      'Muutoshistoria',
    ]);
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target).toBe(section(link.textContent));
    }

    const summary = section('Perustiedot');
    const fact = (term: string) => within(summary).getByText(term).nextElementSibling;
    expect(fact('Tunnus')).toHaveTextContent('VESI-KH');
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
    for (const path of [
      '/api/funding-decisions',
      '/api/payments',
      '/api/milestones',
      '/api/status-reports',
      '/api/participants',
    ]) {
      const params = new URL(requestsTo(fetchMock, path)[0]!.url).searchParams;
      expect([path, params.get('projectId'), params.get('pageSize')]).toEqual([path, PROJECT_ID, '100']);
    }
    expect(new URL(requestsTo(fetchMock, '/api/milestones')[0]!.url).searchParams.get('sort')).toBe('dueDate');
    // No edit controls in this read-only page: the only button opens the collapsed history.
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Näytä muutoshistoria']);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('sums the project up first: its figures are the ones the sections below show', async () => {
    mockFetch(projectPageApi({ [`/api/indicator-results/projects/${PROJECT_ID}`]: () => jsonResponse(RESULTS) }));
    renderProjectPage(PROJECT_ID);

    const overview = await screen.findByRole('region', { name: 'Tilannekuva' });
    const glance = (term: string) => text(within(overview).getByText(term, { selector: 'dt' }).nextElementSibling!);
    expect(glance('Vaihe')).toBe('Käynnissä');
    expect(glance('Viimeisin tilanne')).toBe('Riskissäraportoitu 15.12.2021');

    // Granted, paid and remaining read exactly as the funding section's totals.
    const funding = section('Rahoitus');
    const total = (term: string) => text(within(funding).getByText(term, { selector: 'dt' }).nextElementSibling!);
    for (const term of ['Myönnetty', 'Maksettu', 'Jäljellä']) expect(glance(term)).toBe(total(term));
    expect(glance('Maksettu')).toBe('50 000,00 €');

    // The next milestone is the first open one of the timeline (by due date), with the overdue count.
    await waitFor(() => expect(glance('Seuraava virstanpylväs')).not.toBe('Ladataan…'));
    const timeline = within(section('Virstanpylväät')).getAllByRole('listitem');
    const firstOpen = timeline.find((item) => !within(item).queryByText('Valmis'))!;
    const title = within(firstOpen).getByRole('heading', { level: 3 }).textContent;
    // (Text runs together where the page breaks the line: title, due date, overdue count.)
    expect(glance('Seuraava virstanpylväs')).toBe(`${title}määräpäivä 1.12.20211 virstanpylväs myöhässä`);
    expect(title).toBe('Hankinta kilpailutettu');

    // Indicator pace: of the indicators the section shows with a target, those whose pace is "on pace".
    await screen.findByRole('region', { name: 'KUO-01 Uudet palvelutuotteet' });
    const indicators = within(section('Indikaattorit'))
      .getAllByRole('region')
      .filter((region) => region.tagName === 'SECTION')
      .map((region) => ({
        target: text(within(region).getByText('Tavoite', { selector: 'dt' }).nextElementSibling!),
        pace: text(within(region).getByText('Eteneminen', { selector: 'dt' }).nextElementSibling!),
      }));
    const withTarget = indicators.filter((indicator) => indicator.target !== 'Tavoitetta ei ole asetettu');
    const onPace = withTarget.filter((indicator) => indicator.pace === 'Aikataulussa');
    expect([withTarget.length, onPace.length]).toEqual([1, 0]);
    expect(glance('Indikaattorit aikataulussa')).toBe(
      `${onPace.length} / ${withTarget.length} tavoitteellisista indikaattoreista1 jäljessä aikataulusta`,
    );
  });

  it('says so in the overview when there is no open milestone and no indicator has a target', async () => {
    mockFetch(
      projectPageApi({ '/api/milestones': () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 100 }) }),
    );
    const { i18n } = renderProjectPage(PROJECT_ID);
    const overview = await screen.findByRole('region', { name: 'Tilannekuva' });
    expect(await within(overview).findByText('Ei avoimia virstanpylväitä')).toBeInTheDocument();
    expect(await within(overview).findByText('Tavoitteita ei ole asetettu')).toBeInTheDocument();
    await act(() => i18n.changeLanguage('en'));
    const english = screen.getByRole('region', { name: 'At a glance' });
    expect(within(english).getByText('No open milestones')).toBeInTheDocument();
    expect(within(english).getByText('€50,000.00')).toBeInTheDocument();
  });

  it('keeps the change history collapsed, and loads it only when opened', async () => {
    const fetchMock = mockFetch(projectPageApi());
    renderProjectPage(PROJECT_ID);
    const history = await screen.findByRole('region', { name: 'Muutoshistoria' });
    await screen.findByRole('table', { name: 'Rahoituspäätökset' });
    const toggle = within(history).getByRole('button', { name: 'Näytä muutoshistoria' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).not.toBeVisible();
    expect(within(history).queryByRole('list')).not.toBeInTheDocument();
    expect(requestsTo(fetchMock, `/api/projects/${PROJECT_ID}/history`)).toHaveLength(0);

    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Piilota muutoshistoria');
    expect(await within(history).findByRole('list', { name: 'Muutokset, uusin ensin' })).toBeVisible();
    expect(requestsTo(fetchMock, `/api/projects/${PROJECT_ID}/history`)).toHaveLength(1);

    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(history).queryByRole('list')).not.toBeInTheDocument();
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

  it('shows the participants: business ID or a visible flag, role, period, support kind and amount', async () => {
    const fetchMock = mockFetch(projectPageApi());
    renderProjectPage(PROJECT_ID);
    const region = await screen.findByRole('region', { name: 'Osallistujat' });
    const table = await within(region).findByRole('table', { name: 'Hankkeen osallistujat' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => [...row.children].map(text)),
    ).toEqual([
      ['Organisaatio', 'Y-tunnus', 'Rooli', 'Osallistuminen', 'Tuen muoto', 'Tuen määrä'],
      ['Aalto Vesi Oy', 'Y-tunnus puuttuu', 'Osallistuva yritys', '15.1.2022–jatkuu', 'Avustus', '12 500,50 €'],
      ['Kuopion kaupunki', '0171450-7', 'Muu', 'Koko hankkeen ajan', 'ei tiedossa', 'ei tiedossa'],
      ['Savonia-ammattikorkeakoulu', '0245894-7', 'Päätoteuttaja', '1.9.2021–31.8.2023', 'Ei tukea', '0,00 €'],
    ]);
    // The flag is in words (not colour only), and the section says what it means.
    expect(within(table).getByText('Y-tunnus puuttuu').tagName).toBe('STRONG');
    expect(region).toHaveTextContent('1 yritykseltä puuttuu Y-tunnus.');
    expect(region).toHaveTextContent('voi tulla lasketuksi kahdesti');
    const params = new URL(requestsTo(fetchMock, '/api/participants')[0]!.url).searchParams;
    expect(params.get('sort')).toBe('organisation');
  });

  it('says so when the project has no participants, in Swedish and English too', async () => {
    mockFetch(
      projectPageApi({ '/api/participants': () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 100 }) }),
    );
    const { i18n } = renderProjectPage(PROJECT_ID);
    const region = await screen.findByRole('region', { name: 'Osallistujat' });
    expect(await within(region).findByText('Hankkeelle ei ole kirjattu osallistujia.')).toBeInTheDocument();
    await act(() => i18n.changeLanguage('sv'));
    expect(screen.getByRole('region', { name: 'Deltagare' })).toHaveTextContent(
      'Inga deltagare har registrerats för projektet.',
    );
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('region', { name: 'Participants' })).toHaveTextContent(
      'No participants have been recorded for the project.',
    );
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

    const history = await openHistory();
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

  it("shows a participant's change in the history in words: its kind, role, support, amount and dates", async () => {
    const SAVONIA_ID = 'c1e2f3a4-0000-4000-8000-000000000001';
    const item = auditItem({
      id: '70000000-0000-4000-8000-0000000000a1',
      action: 'update',
      entityType: 'participant',
      changes: {
        organisationId: { old: null, new: SAVONIA_ID },
        role: { old: 'partner', new: 'lead' },
        supportKind: { old: null, new: 'test_bed_access' },
        supportAmount: { old: null, new: '2500.00' },
        startsOn: { old: '2021-09-01', new: '2021-10-01' },
      },
      references: [{ id: SAVONIA_ID, kind: 'organisation', name: 'Savonia-ammattikorkeakoulu' }],
    });
    mockFetch(projectPageApi({ [`/api/projects/${PROJECT_ID}/history`]: () => jsonResponse(historyPage([item])) }));
    renderProjectPage(PROJECT_ID);
    const history = await openHistory();
    const [entry] = within(await within(history).findByRole('list', { name: 'Muutokset, uusin ensin' })).getAllByRole(
      'listitem',
    );
    expect(entry).toHaveTextContent('Osallistuja: muutettu');
    const change = (field: string) => within(entry!).getByText(field).nextElementSibling;
    expect(change('Organisaatio')).toHaveTextContent('Savonia-ammattikorkeakoulu');
    expect(change('Rooli')).toHaveTextContent('Osatoteuttaja → muuttui arvoon Päätoteuttaja');
    expect(change('Tuen muoto')).toHaveTextContent('(tyhjä) → muuttui arvoon Testiympäristön käyttö');
    expect(change('Tuen määrä')).toHaveTextContent('(tyhjä) → muuttui arvoon 2 500,00 €');
    expect(change('Osallistuminen alkaa')).toHaveTextContent('1.9.2021 → muuttui arvoon 1.10.2021');
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

    const history = await openHistory();
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
