/**
 * Reports and exports as their readers use them:
 *
 * - a liaison opens the national view for a period of their own, follows a row's link to that
 *   agreement's report and the period (?from=&to=) carries over; printed (print media emulated),
 *   the report leaves out the navigation and the buttons (its running header, page numbers and
 *   page count are checked on the printed PDF in layout.e2e-spec.ts);
 * - a manager exports the projects list ("Vie näkymä CSV-tiedostoon") with the Finnish Excel
 *   profile: the file's name has the date, it starts with the UTF-8 BOM, and it has as many rows
 *   as the list says it has (the API tests check the fields).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS } from './support/accounts';
import { helsinkiToday, launchBrowser, newPage, openSignedIn, visible, waitForProject } from './support/browser';

/** A period that is not a calendar year, so it is not the default the report would fall back to. */
const PERIOD = { from: '2025-03-01', to: '2026-06-30' };
/** The same period as the Finnish UI writes it. */
const PERIOD_TEXT = '1.3.2025–30.6.2026';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the liaison’s reports', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
  });

  test('from the national view to an agreement’s report, the period carries over', async () => {
    await openSignedIn(page, ACCOUNTS.liaison, `/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
    await visible(page.getByRole('heading', { level: 1, name: 'Sopimukset rinnakkain' }));
    const table = page.getByRole('table', { name: `Ekosysteemisopimukset ${PERIOD_TEXT}` });
    await visible(table);

    const link = table.locator('tbody tr').filter({ hasText: 'Kuopio' }).getByRole('link').first();
    const title = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/reports\/agreements\/[0-9a-f-]{36}\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual(PERIOD);
    await visible(page.getByRole('heading', { level: 1, name: `Salkkuraportti: ${title}` }));
    // The report is for that period: the picker shows it as a range of one's own.
    expect(await page.getByLabel('Alkaen').inputValue()).toBe(PERIOD.from);
    expect(await page.getByLabel('Päättyen').inputValue()).toBe(PERIOD.to);
    await visible(page.locator('main table').first());
  });

  test('printed, the report has no navigation or buttons', async () => {
    // On screen the navigation and the print button are shown.
    expect(await page.getByRole('navigation', { name: 'Päävalikko' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tulosta' }).isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    try {
      // The period of the page's margins on paper (the report's @page rules).
      const pageRules = await page.locator('style[data-report-print]').evaluate((style) => style.textContent ?? '');
      expect(pageRules).toContain(`Aikaväli ${PERIOD_TEXT}`);
      expect(pageRules).toContain('Kuopio');

      for (const hidden of [
        page.getByRole('banner'),
        page.getByRole('navigation', { name: 'Päävalikko' }),
        page.getByRole('contentinfo'),
        page.getByRole('form', { name: 'Raportin aikaväli' }),
        page.getByRole('link', { name: 'Kaikki sopimukset' }),
      ]) {
        expect(await hidden.isVisible()).toBe(false);
      }
      // No button of any kind is printed (print, retry, the period's).
      const shownButtons = await page
        .getByRole('button')
        .evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).offsetParent !== null).length);
      expect(shownButtons).toBe(0);
      // The report itself is printed.
      expect(await page.locator('main h1').isVisible()).toBe(true);
      expect(await page.locator('main table').first().isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

/** Records of a CSV text (quoted fields may hold line breaks), blank lines left out. */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === '\n' || char === '\r')) {
      if (current !== '') records.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current !== '') records.push(current);
  return records;
}

test('the manager exports the projects list with the Finnish Excel profile', async () => {
  const { context, page } = await newPage(browser);
  try {
    await openSignedIn(page, ACCOUNTS.manager, '/projects');
    await waitForProject(page, 'VESI-KH');
    const caption = await page.getByRole('table').locator('caption').innerText();
    const total = Number(/yhteensä (\d+)/.exec(caption)?.[1]);
    expect(total).toBeGreaterThanOrEqual(2);

    await page.getByText('Vie näkymä CSV-tiedostoon', { exact: true }).click();
    const excel = page.getByRole('radio', { name: /Excel \(suomi\)/ });
    await visible(excel);
    await excel.check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa CSV' }).click(),
    ]);

    const fileName = download.suggestedFilename();
    // The profile is in the name: the two profiles of the same list never overwrite each other.
    expect(fileName).toMatch(/-excel\.csv$/);
    expect(fileName).toContain(helsinkiToday());
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const records = csvRecords(bytes.subarray(3).toString('utf8'));
    // The header row, then one row per project of the list.
    expect(records.length - 1).toBe(total);
    expect(records[0]).toContain(';');
    expect(records.some((record) => record.includes('VESI-KH'))).toBe(true);
    await visible(
      page
        .getByRole('status')
        .filter({ hasText: `Tiedosto ${fileName} ladattu (${total} ${total === 1 ? 'rivi' : 'riviä'}).` }),
    );
  } finally {
    await context.close();
  }
});
