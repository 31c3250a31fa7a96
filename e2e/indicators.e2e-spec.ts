/**
 * Indicators against targets, end to end (issue 12): a Kuopio coordinator sets VESI-KH's target
 * for RCO07 (baseline 0 in 2021, 10 by 2027) and reports last year's actual (4) through the API;
 * then the dashboard's indicator strip, the agreement report (for the agreement and the project's
 * priority area) and, for a ministry liaison, the national view's common indicators show the new
 * value to date, target, achievement and pace in words. Achievement and pace are computed here,
 * independently of packages/shared: 4 ÷ 10, and 4 against the straight line from 0 at the end of
 * 2021 to 10 at the end of 2027, read at the end of last year. Each page is checked with axe too.
 * Afterwards the actual and the target are deleted, so the files that run later find the demo
 * portfolio as it was (layout.e2e-spec.ts counts the printed reports' pages).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ACCOUNTS } from './support/accounts';
import {
  apiCall,
  axeViolations,
  csrfToken,
  helsinkiToday,
  launchBrowser,
  newPage,
  openSignedIn,
  projectId,
  tableRows,
  visible,
} from './support/browser';

const BASELINE = { value: 0, year: 2021 };
const TARGET = { value: 10, year: 2027 };
const ACTUAL = 4;
/** The last whole year: a period that is never after the current one. */
const PERIOD = String(Number(helsinkiToday().slice(0, 4)) - 1);

/** The expected value at the end of the period, on the line from the baseline (end of its year) to the target (end of its year). */
function expectedAtEndOf(year: number): number {
  const from = BASELINE.year + 1;
  const to = TARGET.year + 1;
  const at = Math.min(Math.max(year + 1, from), to);
  return BASELINE.value + ((TARGET.value - BASELINE.value) * (at - from)) / (to - from);
}
const ACHIEVEMENT_TEXT = `${Math.round((ACTUAL / TARGET.value) * 100)} %`;
const PACE_TEXT = ACTUAL >= expectedAtEndOf(Number(PERIOD)) ? 'Aikataulussa' : 'Jäljessä aikataulusta';
const TARGET_CELL = `${TARGET.value} (vuonna ${TARGET.year}) Lähtötaso ${BASELINE.value} (vuonna ${BASELINE.year})`;

interface Agreement {
  id: string;
  title: string;
  city: { name: string };
}
interface Indicator {
  id: string;
  code: string;
  nameFi: string;
}

interface Created {
  id: string;
}
/** What the test wrote, deleted again afterwards. */
const created: { target?: Created; actual?: Created } = {};

let browser: Browser;
let context: BrowserContext;
let page: Page;
let agreement: Agreement;
let indicator: Indicator;
/** The Finnish name of VESI-KH's priority area. */
let areaName: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await openSignedIn(page, ACCOUNTS.coordinator);
  const vesiId = await projectId(page, 'VESI-KH');
  const project = await apiCall<{ priorityArea: { agreementId: string; nameFi: string } }>(
    page,
    'GET',
    `/api/projects/${vesiId}`,
  );
  areaName = project.priorityArea.nameFi;
  agreement = await apiCall<Agreement>(page, 'GET', `/api/agreements/${project.priorityArea.agreementId}`);
  const catalogue = await apiCall<{ items: Indicator[] }>(page, 'GET', '/api/indicators?q=RCO07');
  indicator = catalogue.items.find((item) => item.code === 'RCO07')!;
  expect(indicator).toBeDefined();

  created.target = await apiCall<Created>(page, 'POST', '/api/indicator-targets', {
    indicatorId: indicator.id,
    projectId: vesiId,
    baselineValue: String(BASELINE.value),
    baselineYear: BASELINE.year,
    targetValue: String(TARGET.value),
    targetYear: TARGET.year,
  });
  created.actual = await apiCall<Created>(page, 'POST', '/api/indicator-actuals', {
    indicatorId: indicator.id,
    projectId: vesiId,
    period: PERIOD,
    value: String(ACTUAL),
  });
});
afterAll(async () => {
  // The demo portfolio as it was, for the files that run after this one (the printed reports' length).
  const headers: Record<string, string> = created.target ? { 'X-CSRF-Token': await csrfToken(page) } : {};
  for (const [path, record] of [
    ['/api/indicator-actuals', created.actual],
    ['/api/indicator-targets', created.target],
  ] as const) {
    if (record) {
      const res = await page.request.delete(`${path}/${record.id}`, { headers });
      expect(res.status()).toBe(204);
    }
  }
  await context?.close();
  await browser?.close();
});

/** A block's text with its white space (line breaks, no-break spaces) made single spaces. */
async function text(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

test("the dashboard's indicator strip shows the new achievement and pace", async () => {
  await page.goto('/');
  const strip = page.getByRole('region', { name: 'Indikaattorit', exact: true });
  const item = strip
    .getByRole('region', { name: agreement.title, exact: true })
    .getByRole('listitem')
    .filter({ hasText: indicator.code });
  await visible(item);
  expect(await text(item)).toBe(
    `${indicator.code} ${indicator.nameFi} Toteuma tähän mennessä ${ACTUAL} Tavoite ${TARGET.value} ` +
      `Saavutusaste ${ACHIEVEMENT_TEXT} Eteneminen ${PACE_TEXT}`,
  );
  expect(await axeViolations(page, 'the dashboard with an indicator strip')).toEqual([]);
});

test('the agreement report shows it for the agreement and the priority area, period by period', async () => {
  await page.goto(`/reports/agreements/${agreement.id}`);
  const name = `${indicator.code} ${indicator.nameFi}`;
  const levels = await tableRows(page, `${name}: sopimus ja painopisteet`);
  expect(levels).toContainEqual(['Koko sopimus', TARGET_CELL, String(ACTUAL), ACHIEVEMENT_TEXT, PACE_TEXT]);
  expect(levels).toContainEqual([areaName, TARGET_CELL, String(ACTUAL), ACHIEVEMENT_TEXT, PACE_TEXT]);

  const periods = await tableRows(page, `${name} kausittain`);
  expect(periods.find((row) => row[0] === PERIOD)?.slice(0, 2)).toEqual([PERIOD, String(ACTUAL)]);
  await visible(page.getByRole('img', { name: new RegExp(`^Pylväskaavio, ${indicator.code} .*${PERIOD} ${ACTUAL}`) }));
  expect(await axeViolations(page, 'the agreement report with indicators')).toEqual([]);
  // On a phone the report's wide tables scroll within themselves, never the page (a screen-reader
  // text in a far column once widened it: .table-scroll now contains what is positioned in it).
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await visible(page.getByRole('table', { name: `${name} kausittain`, exact: true }));
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  if (wide) await page.setViewportSize(wide);
});

test('a liaison sees it beside the other agreements in the national view', async () => {
  const liaison = await newPage(browser);
  try {
    await openSignedIn(liaison.page, ACCOUNTS.liaison, '/reports');
    const rows = await tableRows(liaison.page, `${indicator.code} ${indicator.nameFi} sopimuksittain`);
    const kuopio = rows.find((row) => row[0]!.startsWith(agreement.city.name));
    expect(kuopio?.slice(1)).toEqual([TARGET_CELL, String(ACTUAL), ACHIEVEMENT_TEXT, PACE_TEXT]);
    expect(await axeViolations(liaison.page, 'the national view with common indicators')).toEqual([]);
  } finally {
    await liaison.context.close();
  }
});
