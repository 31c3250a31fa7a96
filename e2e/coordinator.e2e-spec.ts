/**
 * A coordinator keeps a project current through the forms: changes VESI-KH's stage (active →
 * on hold), records a funding decision (granted, 1 000,00 €) and a payment under it (250,00 €);
 * the project page then shows the new stage and the payment in the funding totals. Every form
 * page is also checked with axe (zero violations), as the coordinator sees it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS } from './support/accounts';
import { axeViolations, launchBrowser, newPage, openSignedIn, projectId, visible } from './support/browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let vesiId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await openSignedIn(page, ACCOUNTS.coordinator);
  vesiId = await projectId(page, 'VESI-KH');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The "Perustiedot" fact with this term (a <dt>), as text. */
async function fact(term: string): Promise<string> {
  const summary = page.getByRole('region', { name: 'Perustiedot' });
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

async function openProjectPage(): Promise<void> {
  await page.goto(`/projects/${vesiId}`);
  await visible(page.getByRole('heading', { level: 1 }));
}

test('the coordinator changes the project’s stage from active to on hold', async () => {
  await openProjectPage();
  expect(await fact('Vaihe')).toBe('Käynnissä');
  await page.getByRole('link', { name: 'Vaihda vaihetta' }).click();
  const select = page.getByLabel('Uusi vaihe');
  await visible(select);
  expect(await axeViolations(page, 'fi lifecycle status form')).toEqual([]);
  await select.selectOption({ label: 'Keskeytetty' });
  await page.getByRole('button', { name: 'Tallenna' }).click();

  await visible(page.getByRole('status').filter({ hasText: 'Hankkeen vaihe vaihdettu.' }));
  expect(new URL(page.url()).pathname).toBe(`/projects/${vesiId}`);
  await visible(page.getByRole('region', { name: 'Perustiedot' }).getByText('Keskeytetty'));
  expect(await fact('Vaihe')).toBe('Keskeytetty');
});

test('the coordinator records a granted funding decision of 1 000,00 €', async () => {
  await openProjectPage();
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

test('the other form pages have no axe violations', async () => {
  for (const path of ['edit', 'milestones/new', 'status-reports/new']) {
    await page.goto(`/projects/${vesiId}/${path}`);
    await visible(page.getByRole('button', { name: 'Tallenna' }));
    expect(await axeViolations(page, `fi form ${path}`)).toEqual([]);
  }
});
