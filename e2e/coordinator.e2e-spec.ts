/**
 * A coordinator keeps a project current through the forms: changes VESI-KH's stage (active →
 * on hold), records a funding decision (granted, 1 000,00 €) and a payment under it (250,00 €);
 * the project page then shows the new stage and the payment in the funding totals, and the
 * dashboard's figures move by exactly that much from what it showed before: one project fewer
 * active and one more on hold, and 1 000,00 € granted, 250,00 € paid and 750,00 € remaining more
 * for the project's priority area and for the funder (read from the charts' table alternatives).
 * The form pages are also checked with axe as the coordinator fills them in (every form page in
 * every language is in accessibility.e2e-spec.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS } from './support/accounts';
import {
  apiCall,
  axeViolations,
  euroCents,
  launchBrowser,
  newPage,
  openSignedIn,
  projectId,
  tableRows,
  visible,
} from './support/browser';

/** The funder of the decision the coordinator records. */
const FUNDER = 'Työ- ja elinkeinoministeriö';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let vesiId: string;
/** VESI-KH's priority area, by its Finnish name (as the Finnish dashboard names it). */
let areaName: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await openSignedIn(page, ACCOUNTS.coordinator);
  vesiId = await projectId(page, 'VESI-KH');
  const project = await apiCall<{ priorityArea: { nameFi: string } }>(page, 'GET', `/api/projects/${vesiId}`);
  areaName = project.priorityArea.nameFi;
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The fact of the project page's overview ("Tilannekuva") with this term (a <dt>), as text. */
async function fact(term: string): Promise<string> {
  const summary = page.getByRole('region', { name: 'Tilannekuva' });
  return (await summary.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/**
 * The amount of the funding totals' value for this term ("Maksettu"), spaces normalised, once it reads `expected`
 * (the page shows what it had cached while it refetches after a save) or after 10 seconds.
 */
async function fundingTotal(term: string, expected: string): Promise<string> {
  const value = page
    .getByRole('region', { name: 'Rahoitus' })
    .locator('dt', { hasText: term })
    .first()
    .locator('xpath=following-sibling::dd[1]');
  // The amount comes first; a note on decisions of unknown amount may follow it.
  const read = async () => (await value.innerText()).replace(/\s+/g, ' ').trim().split(' + ')[0]!;
  for (let waited = 0; waited < 10_000 && (await read()) !== expected; waited += 200) {
    await page.waitForTimeout(200);
  }
  return read();
}

/** The project page's actions other than the status report are in the "Muut toiminnot" menu. */
async function openActionsMenu(): Promise<void> {
  await page.getByRole('button', { name: 'Muut toiminnot' }).click();
}

async function openProjectPage(): Promise<void> {
  await page.goto(`/projects/${vesiId}`);
  await visible(page.getByRole('heading', { level: 1 }));
}

/** Euro figures of a row of a dashboard funding table, in cents. */
interface Funding {
  granted: number;
  paid: number;
  remaining: number;
}

interface DashboardFigures {
  /** Projects by lifecycle status: the status as the table names it → count. */
  lifecycle: Record<string, number>;
  /** The lifecycle chart's text alternative. */
  lifecycleChart: string;
  area: Funding;
  funder: Funding;
}

/** The row of a funding table (by its caption) for `name`; null when the table does not list it. */
async function fundingRow(caption: string, name: string): Promise<Funding | null> {
  const row = (await tableRows(page, caption)).find((cells) => cells[0] === name);
  if (!row) return null;
  const [, granted = '', paid = '', remaining = ''] = row;
  return { granted: euroCents(granted), paid: euroCents(paid), remaining: euroCents(remaining) };
}

/** What the dashboard (fi, all of the coordinator's portfolio) shows now, read from a fresh page load. */
async function readDashboard(): Promise<DashboardFigures> {
  await page.goto('/');
  await visible(page.getByRole('heading', { level: 1, name: 'Yleiskatsaus' }));
  const chart = page.getByRole('img', { name: /hankkeiden määrästä vaiheittain/ });
  const lifecycleChart = (await chart.getAttribute('aria-label')) ?? '';
  // Each card shows its chart; its table is one press of the card's toggle away.
  for (const card of ['Hankkeet vaiheittain', 'Rahoitus painopisteittäin', 'Rahoitus rahoittajittain']) {
    const toggle = page
      .getByRole('region', { name: card, exact: true })
      .getByRole('button', { name: 'Näytä taulukkona' });
    await toggle.click();
    await visible(page.getByRole('table', { name: card, exact: true }));
  }
  const lifecycle: Record<string, number> = {};
  for (const [status = '', count = ''] of await tableRows(page, 'Hankkeet vaiheittain')) {
    lifecycle[status] = Number(count);
  }
  // The headline's active projects are the table's.
  const active = page
    .getByRole('region', { name: 'Tilanne yhdellä silmäyksellä' })
    .getByRole('link', { name: /Käynnissä olevat hankkeet/ });
  expect(Number(await active.locator('.headline-figure__value').innerText())).toBe(lifecycle['Käynnissä']);
  const area = await fundingRow('Rahoitus painopisteittäin', areaName);
  if (!area) throw new Error(`The dashboard lists no priority area ${areaName}`);
  return {
    lifecycle,
    lifecycleChart,
    area,
    // A funder without payable decisions is not listed: nothing granted, paid or remaining.
    funder: (await fundingRow('Rahoitus rahoittajittain', FUNDER)) ?? { granted: 0, paid: 0, remaining: 0 },
  };
}

/** Read before the coordinator's changes; the last test compares the dashboard with it. */
let before: DashboardFigures;

test('the dashboard shows VESI-KH among the active projects before the changes', async () => {
  before = await readDashboard();
  expect(Object.keys(before.lifecycle)).toEqual(
    expect.arrayContaining(['Suunniteltu', 'Käynnissä', 'Keskeytetty', 'Päättynyt', 'Peruttu']),
  );
  expect(before.lifecycle['Käynnissä']).toBeGreaterThanOrEqual(1);
  expect(before.lifecycleChart).toContain(`Käynnissä ${before.lifecycle['Käynnissä']}`);
});

test('the coordinator changes the project’s stage from active to on hold', async () => {
  await openProjectPage();
  expect(await fact('Vaihe')).toBe('Käynnissä');
  await openActionsMenu();
  await page.getByRole('link', { name: 'Vaihda vaihetta' }).click();
  const select = page.getByLabel('Uusi vaihe');
  await visible(select);
  expect(await axeViolations(page, 'fi lifecycle status form')).toEqual([]);
  await select.selectOption({ label: 'Keskeytetty' });
  await page.getByRole('button', { name: 'Tallenna' }).click();

  await visible(page.getByRole('status').filter({ hasText: 'Hankkeen vaihe vaihdettu.' }));
  expect(new URL(page.url()).pathname).toBe(`/projects/${vesiId}`);
  await visible(page.getByRole('region', { name: 'Tilannekuva' }).getByText('Keskeytetty'));
  expect(await fact('Vaihe')).toBe('Keskeytetty');
});

test('the coordinator records a granted funding decision of 1 000,00 €', async () => {
  await openProjectPage();
  await openActionsMenu();
  await page.getByRole('link', { name: 'Lisää rahoituspäätös' }).click();
  const funder = page.getByLabel('Rahoittaja');
  await visible(funder);
  await page.waitForFunction(() => document.querySelectorAll('select option').length > 3);
  expect(await axeViolations(page, 'fi funding decision form')).toEqual([]);
  await funder.selectOption({ label: 'Työ- ja elinkeinoministeriö' });
  await page.getByLabel('Rahoitusmuoto').selectOption({ label: 'AKKE-rahoitus' });
  await page.getByLabel('Tila').selectOption({ label: 'Myönnetty' });
  await page.getByLabel('Myönnetty summa (€)').fill('1000,00');
  await page.getByRole('button', { name: 'Tallenna' }).click();

  await visible(page.getByRole('status').filter({ hasText: 'Rahoituspäätös tallennettu.' }));
  await visible(page.getByRole('table', { name: 'Rahoituspäätökset' }).getByText('Työ- ja elinkeinoministeriö'));
  expect(await fundingTotal('Myönnetty', '1 000,00 €')).toBe('1 000,00 €');
});

test('the coordinator records a payment of 250,00 € and the project page shows it paid', async () => {
  await openProjectPage();
  await page.getByRole('link', { name: /^Lisää maksu päätökseen Työ- ja elinkeinoministeriö/ }).click();
  const amount = page.getByLabel('Summa (€)');
  await visible(amount);
  expect(await axeViolations(page, 'fi payment form')).toEqual([]);
  await amount.fill('250,00');
  await page.getByRole('button', { name: 'Tallenna' }).click();

  await visible(page.getByRole('status').filter({ hasText: 'Maksu tallennettu.' }));
  await page.waitForLoadState('networkidle');
  expect(await fundingTotal('Maksettu', '250,00 €')).toBe('250,00 €');
  expect(await fact('Vaihe')).toBe('Keskeytetty');
  expect(await axeViolations(page, 'fi project page after the coordinator’s changes')).toEqual([]);
});

test('the dashboard reflects the new stage, decision and payment', async () => {
  const after = await readDashboard();
  const active = before.lifecycle['Käynnissä']!;
  const onHold = before.lifecycle['Keskeytetty']!;
  expect(after.lifecycle).toEqual({ ...before.lifecycle, Käynnissä: active - 1, Keskeytetty: onHold + 1 });
  expect(after.lifecycleChart).toContain(`Käynnissä ${active - 1}`);
  expect(after.lifecycleChart).toContain(`Keskeytetty ${onHold + 1}`);

  // 1 000,00 € granted, 250,00 € of it paid, 750,00 € remaining (in cents).
  const change = { granted: 100_000, paid: 25_000, remaining: 75_000 };
  const plus = (figures: Funding): Funding => ({
    granted: figures.granted + change.granted,
    paid: figures.paid + change.paid,
    remaining: figures.remaining + change.remaining,
  });
  expect(after.area).toEqual(plus(before.area));
  expect(after.funder).toEqual(plus(before.funder));
});
