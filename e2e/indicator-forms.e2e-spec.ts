/**
 * The indicator forms, end to end through the screens (issue 12): an admin adds an indicator of
 * the Kuopio agreement's own to the catalogue (/admin/indicators); a Kuopio coordinator sets
 * TERVEYS-KH's target for it (baseline 0 in 2024, 12 by 2028, a yearly target of 6 for 2026),
 * reports last year's actual (3) and corrects it (6) from the project page; after each save the
 * project page shows the new target, value to date and achievement (computed here: 3 ÷ 12, 6 ÷ 12).
 * Each page and form is checked with axe as it is used. The indicator is the agreement's own, so
 * the national view (common indicators) and the other e2e files' figures are untouched.
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
  visible,
} from './support/browser';

const CODE = `E2E-${Date.now().toString(36).toUpperCase()}`;
const NAME = 'Kokeiltujen palvelukonseptien määrä';
const TITLE = `${CODE} ${NAME}`;
const TARGET = 12;
/** The last whole year: a period that is never after the current one (the agreement reports yearly). */
const PERIOD = String(Number(helsinkiToday().slice(0, 4)) - 1);
const percentOf = (actual: number) => `${Math.round((actual / TARGET) * 100)} % tavoitteesta`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let terveysId: string;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // The demo portfolio as it was, for the files that run after this one (the printed reports'
  // length): the indicator's values, targets and the indicator itself go, as an admin.
  if (browser) {
    const cleanup = await newPage(browser);
    try {
      await openSignedIn(cleanup.page, ACCOUNTS.admin, '/');
      const headers = { 'X-CSRF-Token': await csrfToken(cleanup.page) };
      const found = await apiCall<{ items: Array<{ id: string; code: string }> }>(
        cleanup.page,
        'GET',
        `/api/indicators?q=${encodeURIComponent(CODE)}`,
      );
      const indicator = found.items.find((item) => item.code === CODE);
      if (indicator) {
        for (const path of ['/api/indicator-actuals', '/api/indicator-targets']) {
          const records = await apiCall<{ items: Array<{ id: string }> }>(
            cleanup.page,
            'GET',
            `${path}?indicatorId=${indicator.id}&pageSize=100`,
          );
          for (const record of records.items) {
            expect((await cleanup.page.request.delete(`${path}/${record.id}`, { headers })).status()).toBe(204);
          }
        }
        const res = await cleanup.page.request.delete(`/api/indicators/${indicator.id}`, { headers });
        expect(res.status()).toBe(204);
      }
    } finally {
      await cleanup.context.close();
    }
  }
  await context?.close();
  await browser?.close();
});

/** The fact with this term (a <dt>) of a region, as text, once it reads `expected` (or after 10 s). */
async function fact(region: Locator, term: string, expected: string): Promise<string> {
  const value = region.locator('dt', { hasText: term }).first().locator('xpath=following-sibling::dd[1]');
  const read = async () => (await value.innerText()).replace(/\s+/g, ' ').trim();
  for (let waited = 0; waited < 10_000 && (await read()) !== expected; waited += 200) {
    await page.waitForTimeout(200);
  }
  return read();
}

/** The indicator's own region in the project page's Indicators section. */
const indicatorRegion = () => page.getByRole('region', { name: 'Indikaattorit' }).getByRole('region', { name: TITLE });

it('an admin adds an indicator of the agreement’s own to the catalogue', async () => {
  ({ context, page } = await newPage(browser));
  await openSignedIn(page, ACCOUNTS.admin, '/admin/indicators');
  await visible(page.getByRole('heading', { level: 1, name: 'Indikaattorit' }));
  await visible(page.getByRole('table').getByText('RCO01', { exact: true }));
  expect(await axeViolations(page, 'fi admin: the indicator catalogue')).toEqual([]);

  const agreements = await apiCall<{ items: Array<{ title: string }> }>(page, 'GET', '/api/agreements?sort=title');
  const kuopio = agreements.items.find((agreement) => agreement.title.includes('Kuopio'));
  expect(kuopio).toBeDefined();

  const form = page.getByRole('form', { name: 'Uusi indikaattori' });
  await form.getByLabel('Tunnus').fill(CODE);
  await form.getByLabel('Nimi suomeksi').fill(NAME);
  await form.getByLabel('Nimi ruotsiksi').fill('Antal testade tjänstekoncept');
  await form.getByLabel('Nimi englanniksi').fill('Service concepts tested');
  await form.getByLabel('Lähde').selectOption('city');
  await form.getByLabel('Sopimus').selectOption({ label: kuopio!.title });
  await form.getByRole('button', { name: 'Luo indikaattori' }).click();
  await visible(page.getByText(`Indikaattori ${CODE} luotu.`));
  await visible(page.getByRole('row', { name: new RegExp(CODE) }).getByText(`Sopimuksen oma: ${kuopio!.title}`));
  await context.close();
});

it('a coordinator sets the project’s target, reports an actual and corrects it, and the project page follows', async () => {
  ({ context, page } = await newPage(browser));
  await openSignedIn(page, ACCOUNTS.coordinator);
  terveysId = await projectId(page, 'TERVEYS-KH');
  await page.goto(`/projects/${terveysId}`);
  const section = page.getByRole('region', { name: 'Indikaattorit' });
  await section.getByRole('link', { name: 'Aseta tavoite', exact: true }).click();

  await visible(page.getByRole('heading', { level: 1, name: 'Aseta tavoite' }));
  await page.getByLabel('Indikaattori').selectOption({ label: TITLE });
  await page.getByLabel('Lähtötason arvo').fill('0');
  await page.getByLabel('Lähtötason vuosi').fill('2024');
  await page.getByLabel('Tavoitearvo').fill(String(TARGET));
  await page.getByLabel('Tavoitevuosi').fill('2028');
  await page.getByLabel('Vuoden 2026 tavoite').fill('6');
  expect(await axeViolations(page, 'fi coordinator: the target form')).toEqual([]);
  await page.getByRole('button', { name: 'Tallenna' }).click();

  await visible(page.getByText('Tavoite tallennettu.'));
  expect(await fact(indicatorRegion(), 'Tavoite', `${TARGET} (vuonna 2028)`)).toBe(`${TARGET} (vuonna 2028)`);
  expect(await fact(indicatorRegion(), 'Vuositavoitteet', '2026: 6')).toBe('2026: 6');
  expect(await fact(indicatorRegion(), 'Toteuma tähän mennessä', 'Ei raportoitu')).toBe('Ei raportoitu');
  expect(await axeViolations(page, 'fi coordinator: the project page with an indicator')).toEqual([]);

  await indicatorRegion()
    .getByRole('link', { name: `Kirjaa toteuma: ${TITLE}, ${PERIOD}` })
    .click();
  await visible(page.getByRole('heading', { level: 1, name: 'Kirjaa toteuma' }));
  expect(await page.getByLabel('Indikaattori').inputValue()).not.toBe('');
  expect(await page.getByLabel('Kausi').inputValue()).toBe(PERIOD);
  await page.getByLabel('Arvo').fill('3');
  expect(await axeViolations(page, 'fi coordinator: the actual form')).toEqual([]);
  await page.getByRole('button', { name: 'Tallenna' }).click();

  await visible(page.getByText('Toteuma tallennettu.'));
  expect(await fact(indicatorRegion(), 'Toteuma tähän mennessä', '3')).toBe('3');
  expect(await fact(indicatorRegion(), 'Saavutusaste', percentOf(3))).toBe(percentOf(3));

  await indicatorRegion()
    .getByRole('link', { name: `Korjaa toteuma: ${TITLE}, ${PERIOD}` })
    .click();
  await visible(page.getByRole('heading', { level: 1, name: `Korjaa toteuma: ${TITLE}, ${PERIOD}` }));
  expect(await page.getByLabel('Arvo').inputValue()).toBe('3');
  await page.getByLabel('Arvo').fill('6');
  await page.getByLabel('Lisätieto').fill('Korjattu: kaksi konseptia puuttui');
  expect(await axeViolations(page, 'fi coordinator: the correction form')).toEqual([]);
  await page.getByRole('button', { name: 'Tallenna' }).click();

  await visible(page.getByText('Toteuma tallennettu.'));
  expect(await fact(indicatorRegion(), 'Toteuma tähän mennessä', '6')).toBe('6');
  expect(await fact(indicatorRegion(), 'Saavutusaste', percentOf(6))).toBe(percentOf(6));
});
