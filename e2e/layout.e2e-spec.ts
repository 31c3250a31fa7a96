/**
 * What users see of the layout, beyond the accessibility checks:
 *
 * - at 1366 px the coordinator's projects table fits the screen with its default columns, paid,
 *   remaining and the next milestone on screen (the page does not scroll sideways, nor the table);
 * - printed, the national report's table fits the width of landscape A4 (every column inside the
 *   printable width, laid out under print media at that width), and its PDF is one page with the
 *   running header and the page number;
 * - the agreement report of the demo portfolio (2021 and the current year) prints on at most
 *   three pages, each with the scope, the period, the print date and "Sivu n / N" (read from the
 *   PDF that Chromium prints, with poppler's pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS } from './support/accounts';
import { apiCall, helsinkiToday, launchBrowser, newPage, openSignedIn, projectId, visible } from './support/browser';

/** A4 landscape less the report's side margins (12 mm each), in CSS pixels (96 per inch). */
const A4_LANDSCAPE_PRINTABLE_PX = Math.floor(((297 - 24) / 25.4) * 96);
/** The most pages the demo portfolio's agreement report may take (it took five before). */
const MAX_AGREEMENT_REPORT_PAGES = 3;

let browser: Browser;
let tmp: string;
beforeAll(async () => {
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'salkku-e2e-print-'));
});
afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The text of each page of a PDF (pdftotext, pages split at form feeds), whitespace collapsed. */
function pdfPages(pdf: Buffer, name: string): string[] {
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, pdf);
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error('pdftotext (Debian package poppler-utils) is needed to read the printed PDF', { cause: error });
  }
  return text
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim())
    .filter((page) => page !== '');
}

/** Prints the page as Chromium does to PDF (print media, the page's own @page size and margins). */
async function printToPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.pdf({ preferCSSPageSize: true });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/** "4.12.2026": today in Helsinki as the Finnish UI writes it. */
function finnishToday(): string {
  const [year, month, day] = helsinkiToday().split('-').map(Number) as [number, number, number];
  return `${day}.${month}.${year}`;
}

describe('the coordinator’s projects list at 1366 px', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
    await openSignedIn(page, ACCOUNTS.coordinator, '/projects');
  });
  afterAll(async () => {
    await context?.close();
  });

  test('fits the screen with its default columns: paid, remaining and the next milestone are on screen', async () => {
    const table = page.getByRole('table', { name: /Ekosysteemisopimuksen hankkeet/ });
    await visible(table.getByText('VESI-KH', { exact: true }));
    const fit = await table.evaluate((element) => ({
      page: document.documentElement.scrollWidth,
      table: element.scrollWidth,
      region: element.parentElement!.clientWidth,
    }));
    expect(fit.page).toBeLessThanOrEqual(1366);
    expect(fit.table).toBeLessThanOrEqual(fit.region);
    for (const name of ['Maksettu', 'Jäljellä', 'Seuraava virstanpylväs']) {
      const header = table.getByRole('columnheader', { name, exact: true });
      await visible(header);
      const box = await header.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    }
  });
});

describe('printed reports', () => {
  let context: BrowserContext;
  let page: Page;
  let agreementId: string;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
    await openSignedIn(page, ACCOUNTS.liaison, '/reports');
    const vesi = await projectId(page, 'VESI-KH');
    const project = await apiCall<{ priorityArea: { agreementId: string } }>(page, 'GET', `/api/projects/${vesi}`);
    agreementId = project.priorityArea.agreementId;
  });
  afterAll(async () => {
    await context?.close();
  });

  test('the national report’s table fits landscape A4, on one page with the header and page number', async () => {
    const year = helsinkiToday().slice(0, 4);
    await page.goto(`/reports?from=${year}-01-01&to=${year}-12-31`);
    const table = page.getByRole('table', { name: /^Ekosysteemisopimukset/ });
    await visible(table);

    // Laid out as on paper: print media, the printable width of landscape A4.
    await page.setViewportSize({ width: A4_LANDSCAPE_PRINTABLE_PX, height: 700 });
    await page.emulateMedia({ media: 'print' });
    try {
      const layout = await table.evaluate((element) => ({
        tableRight: element.getBoundingClientRect().right,
        columns: Array.from(element.querySelectorAll('thead th'), (th) => ({
          name: (th as HTMLElement).innerText.replace(/\s+/g, ' '),
          right: th.getBoundingClientRect().right,
        })),
      }));
      expect(layout.columns).toHaveLength(13);
      const outside = layout.columns.filter((column) => column.right > A4_LANDSCAPE_PRINTABLE_PX);
      expect(outside).toEqual([]);
      expect(layout.tableRight).toBeLessThanOrEqual(A4_LANDSCAPE_PRINTABLE_PX);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 720 });
    }

    const pages = pdfPages(await printToPdf(page), 'national');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Salkku · Kaikki näkyvissä olevat ekosysteemisopimukset');
    expect(pages[0]).toContain(`Aikaväli 1.1.${year}–31.12.${year}`);
    expect(pages[0]).toContain(`Tulostettu ${finnishToday()}`);
    expect(pages[0]).toContain('Sivu 1 / 1');
    // The last column is printed too (it was cut off on portrait A4).
    expect(pages[0]).toMatch(/Päivitystä odottaa/);
  });

  test.each([['2021'], [helsinkiToday().slice(0, 4)]])(
    'the agreement report for %s prints compactly, every page with its scope, period, print date and number',
    async (year) => {
      await page.goto(`/reports/agreements/${agreementId}?from=${year}-01-01&to=${year}-12-31`);
      await visible(page.getByRole('heading', { level: 1, name: /^Salkkuraportti: / }));
      await visible(page.getByRole('region', { name: 'Tilanneraportit aikavälillä' }));
      await page.waitForLoadState('networkidle');

      const pages = pdfPages(await printToPdf(page), `agreement-${year}`);
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(MAX_AGREEMENT_REPORT_PAGES);
      pages.forEach((text, index) => {
        expect(text).toContain('Salkku · Kuopion kaupunki · Kuopion kaupungin ekosysteemisopimus');
        expect(text).toContain(`Aikaväli 1.1.${year}–31.12.${year}`);
        expect(text).toContain(`Tulostettu ${finnishToday()}`);
        expect(text).toContain(`Sivu ${index + 1} / ${pages.length}`);
      });
      // The report's own heading is printed once (the running header names the agreement, not the report).
      const all = pages.join(' ');
      expect(all.match(/Salkkuraportti: /g)).toHaveLength(1);
      // Every section is there, the last one included.
      expect(all).toContain('Tilanneraportit aikavälillä');
    },
  );
});
