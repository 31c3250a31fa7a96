/**
 * A reporting round from opening to its frozen report (issue 13), through the pages a user uses:
 * an admin opens a round for Kuopio's agreement; the coordinator finds VESI-KH's report on the
 * start page, fills the whole steering-group update in its one form (a wrong indicator value is
 * shown at its field first) and submits it; the manager returns it with a comment (required); the
 * coordinator reads the comment, corrects the report and submits it again; the manager approves
 * it; the coordinator closes the round (TERVEYS-KH's report still owed: closed anyway, listed as
 * missing); a liaison reads the frozen report, downloads it as CSV and prints it. Every rounds page
 * is checked with axe at 1366 px and at phone width (390 px), where none may scroll sideways.
 *
 * The notices each step sends arrive in the run's real SMTP server (support/mailbox.ts), in the
 * recipient's language (Finnish here) with a link to the page of that step.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ACCOUNTS, type Account } from './support/accounts';
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
import { waitForMail } from './support/mailbox';

const AGREEMENT = 'Kuopion kaupungin ekosysteemisopimus 2021–2027';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

let browser: Browser;
const sessions: Partial<Record<Account['role'], { context: BrowserContext; page: Page }>> = {};
let roundId: string;
let reportPath: string;

/** A signed-in page of this role (one browser context per role, kept for the whole flow). */
async function as(role: Account['role'], path: string): Promise<Page> {
  let session = sessions[role];
  if (!session) {
    session = await newPage(browser);
    sessions[role] = session;
    await openSignedIn(session.page, ACCOUNTS[role], path);
  } else {
    await session.page.goto(path);
  }
  await visible(session.page.locator('main h1'));
  return session.page;
}

/** Axe finds nothing at 1366 px and at 390 px, where the page does not scroll sideways either. */
async function accessibleAtBothWidths(page: Page, where: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  expect(await axeViolations(page, `${where} at 1366 px`)).toEqual([]);
  await page.setViewportSize(PHONE);
  expect(await axeViolations(page, `${where} at 390 px`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect([where, overflow]).toEqual([where, 0]);
  await page.setViewportSize(DESKTOP);
}

/** Whether the locator's element gets focus within 5 seconds (focus moves after the render that shows a problem). */
async function focusedSoon(locator: Locator): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 100) {
    if (await locator.evaluate((element) => element === document.activeElement)) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return false;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // The demo portfolio as it was for the files that run after this one (the printed reports'
  // length, the indicators' own flow): the indicator value the period report saved goes, as an
  // admin. (The closed round and its frozen report stay: nothing else reads them.)
  const admin = sessions.admin?.page;
  if (admin) {
    const headers = { 'X-CSRF-Token': await csrfToken(admin) };
    const project = await projectId(admin, 'VESI-KH');
    const values = await apiCall<{ items: Array<{ id: string }> }>(
      admin,
      'GET',
      `/api/indicator-actuals?projectId=${project}&pageSize=100`,
    );
    for (const value of values.items) {
      expect((await admin.request.delete(`/api/indicator-actuals/${value.id}`, { headers })).status()).toBe(204);
    }
  }
  for (const session of Object.values(sessions)) await session?.context.close();
  await browser?.close();
});

describe('a reporting round from opening to the frozen report', () => {
  it('an admin opens a round from the rounds list', async () => {
    const page = await as('admin', '/rounds');
    await accessibleAtBothWidths(page, 'the rounds list (admin)');
    await page.getByRole('link', { name: 'Avaa raportointikierros' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Avaa raportointikierros' }));
    // Without an agreement and a due date the form says so at the fields.
    await page.getByRole('button', { name: 'Avaa kierros' }).click();
    expect(await focusedSoon(page.getByLabel('Sopimus', { exact: true }))).toBe(true);
    expect(await page.getByText('Täytä tämä tieto.').count()).toBe(2);
    await page.getByLabel('Sopimus', { exact: true }).selectOption({ label: AGREEMENT });
    expect(await page.getByLabel('Kausi', { exact: true }).inputValue()).toBe(
      String(Number(helsinkiToday().slice(0, 4)) - 1),
    );
    await page.getByLabel('Määräpäivä', { exact: true }).fill(addDays(helsinkiToday(), 30));
    await page.getByLabel('Ohjeet').fill('Täytä kaikki osat yhdellä kertaa.');
    await accessibleAtBothWidths(page, 'the open-a-round form');
    await page.getByRole('button', { name: 'Avaa kierros' }).click();
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(`^Kierros \\d{4}: ${AGREEMENT}$`) }));
    roundId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await visible(page.getByText('Kierros avattu.'));
    await visible(page.getByRole('link', { name: /^VESI-KH / }));
    await accessibleAtBothWidths(page, 'a round (admin)');
    // The kick-off reaches the city's coordinator, in Finnish, with a link to the round.
    const opened = await waitForMail(ACCOUNTS.coordinator.email, `/rounds/${roundId}`);
    expect(opened.subject).toMatch(/^Raportointikierros avattu: /);
    expect(opened.text).toContain(`${process.env.E2E_BASE_URL}/rounds/${roundId}`);
  });

  it('the coordinator finds the report on the start page and fills it in one form, then submits', async () => {
    const page = await as('coordinator', '/');
    const owed = page.getByRole('region', { name: 'Mitä kaupunkisi on velkaa: kausiraportit' });
    await accessibleAtBothWidths(page, 'the start page with what the city owes');
    await owed.getByRole('link', { name: /^VESI-KH / }).click();
    await visible(page.getByRole('heading', { level: 1, name: /^Kausiraportti: VESI-KH / }));
    reportPath = new URL(page.url()).pathname;
    await visible(page.getByRole('button', { name: 'Tallenna raportti' }));
    await accessibleAtBothWidths(page, 'the period report form');

    await page.getByLabel('Tilanne', { exact: true }).selectOption('at_risk');
    await page.getByLabel('Tilanteen perustelut').fill('Rekrytointi viivästyi.');
    await page.getByLabel('Mitä kaudella tehtiin').fill('Testiympäristö avattiin yrityksille.');
    await page.getByLabel('Riskit', { exact: true }).fill('Kumppanin aikataulu.');
    await page.getByLabel('Seuraavat askeleet').fill('Ensimmäiset pilotit.');
    const indicators = page.getByRole('group', { name: 'Indikaattoreiden arvot kaudelta' });
    const value = indicators.getByRole('textbox').first();
    // A value that is not a number is shown at its field, and nothing is saved.
    await value.fill('paljon');
    await page.getByRole('button', { name: 'Tallenna raportti' }).click();
    expect(await focusedSoon(value)).toBe(true);
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    await visible(indicators.getByText('Anna luku, enintään neljä desimaalia'));
    await value.fill('3');
    // A payment under VESI-KH's city decision, whose amount is not known yet: the API refuses the
    // whole save and names payments.0.fundingDecisionId, shown at that payment's decision.
    await page.getByRole('button', { name: 'Lisää kaudella saatu maksu' }).click();
    const decision = page.getByLabel('Rahoituspäätös (maksu 1)');
    if ((await decision.inputValue()) === '') await decision.selectOption({ index: 1 });
    await page.getByLabel('Maksupäivä (maksu 1)').fill(`${Number(helsinkiToday().slice(0, 4)) - 1}-06-30`);
    await page.getByLabel('Summa euroina (maksu 1)').fill('1 000,00');
    await page.getByRole('button', { name: 'Tallenna raportti' }).click();
    await visible(page.getByText('Kirjaa ensin myönnetty summa rahoituspäätökseen.'));
    expect(await focusedSoon(decision)).toBe(true);
    expect(await decision.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Poista maksu 1 lomakkeelta' }).click();
    await page.getByRole('button', { name: 'Tallenna ja lähetä tarkastettavaksi' }).click();
    await visible(page.getByText('Kausiraportti lähetetty tarkastettavaksi.'));
    await visible(page.getByText(/Raportti on lähetetty ja odottaa tarkastusta/));
    await visible(page.getByText('Testiympäristö avattiin yrityksille.'));
    // Nothing to edit any more: the form's buttons are gone.
    expect(await page.getByRole('button', { name: 'Tallenna raportti' }).count()).toBe(0);
  });

  it('the manager returns it with a comment, which is required', async () => {
    const page = await as('manager', reportPath);
    const review = page.getByRole('region', { name: 'Tarkastus' });
    await visible(review.getByRole('button', { name: 'Hyväksy raportti' }));
    await accessibleAtBothWidths(page, 'a submitted report (manager)');
    await review.getByRole('button', { name: 'Palauta korjattavaksi' }).click();
    await visible(review.getByText('Kirjoita, mitä raportissa pitää muuttaa.'));
    await review.getByLabel('Palautuksen kommentti').fill('Kuvaa riskin vaikutus aikatauluun.');
    await review.getByRole('button', { name: 'Palauta korjattavaksi' }).click();
    await visible(page.getByText('Kausiraportti palautettu korjattavaksi.'));
    const returned = await waitForMail(ACCOUNTS.coordinator.email, 'Raportti palautettiin korjattavaksi');
    expect(returned.subject).toContain('vesi-painopisteen käynnistämishanke');
    expect(returned.text).toContain('Kuvaa riskin vaikutus aikatauluun.');
    expect(returned.text).toContain(`${process.env.E2E_BASE_URL}${reportPath}`);
  });

  it('the coordinator reads the comment, corrects the report and submits it again', async () => {
    const page = await as('coordinator', reportPath);
    const comment = page.getByRole('region', { name: /Palautettu korjattavaksi/ });
    await visible(comment.getByText('Kuvaa riskin vaikutus aikatauluun.'));
    expect(await page.getByLabel('Riskit', { exact: true }).inputValue()).toBe('Kumppanin aikataulu.');
    await page
      .getByLabel('Riskit', { exact: true })
      .fill('Kumppanin aikataulu siirtää pilotteja kolmella kuukaudella.');
    await accessibleAtBothWidths(page, 'a returned report (coordinator)');
    await page.getByRole('button', { name: 'Tallenna ja lähetä tarkastettavaksi' }).click();
    await visible(page.getByText('Kausiraportti lähetetty tarkastettavaksi.'));
  });

  it('the manager approves it', async () => {
    const page = await as('manager', reportPath);
    await page.getByRole('region', { name: 'Tarkastus' }).getByRole('button', { name: 'Hyväksy raportti' }).click();
    await visible(page.getByText('Kausiraportti hyväksytty.'));
    await visible(page.getByText(/Raportti on hyväksytty/));
    const approved = await waitForMail(ACCOUNTS.coordinator.email, 'Raportti hyväksytty');
    expect(approved.subject).toContain('vesi-painopisteen käynnistämishanke');
    expect(approved.text).toContain(`${process.env.E2E_BASE_URL}${reportPath}`);
  });

  it('the coordinator closes the round, the report still owed listed as missing', async () => {
    const page = await as('coordinator', `/rounds/${roundId}`);
    const reports = page.getByRole('region', { name: 'Kausiraportit' });
    await visible(reports.getByText('Hyväksytty'));
    await page.getByRole('button', { name: 'Sulje kierros…' }).click();
    await visible(page.getByText('1 raportti ei ole hyväksytty.'));
    await accessibleAtBothWidths(page, 'closing a round');
    // Without accepting the missing report the API refuses, and the page says why.
    await page.getByRole('button', { name: 'Sulje kierros ja jäädytä raportti' }).click();
    await visible(page.getByRole('alert').getByText(/Kaikkia kierroksen raportteja ei ole hyväksytty/));
    await page.getByLabel(/Sulje silti/).check();
    await page.getByRole('button', { name: 'Sulje kierros ja jäädytä raportti' }).click();
    await visible(page.getByText('Kierros suljettu ja sen raportti jäädytetty.'));
    await visible(page.getByRole('link', { name: 'Avaa jäädytetty raportti' }));
  });

  it('a liaison reads the frozen report, downloads it as CSV and prints it', async () => {
    const page = await as('liaison', `/rounds/${roundId}/frozen`);
    await visible(page.getByText(/^Jäädytetty .*, jäädyttäjä Demo Koordinaattori$/));
    await visible(page.getByText('Kumppanin aikataulu siirtää pilotteja kolmella kuukaudella.'));
    await visible(page.getByText(/1 raportti puuttui sulkemishetkellä/));
    await visible(page.getByRole('region', { name: 'Vertailu nykyisiin tietoihin' }));
    await accessibleAtBothWidths(page, 'the frozen report (liaison)');
    const href = await page.getByRole('link', { name: 'Lataa CSV-tiedostona' }).getAttribute('href');
    const csv = await page.request.get(href ?? '');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain('VESI-KH');
    // Printed: the app's header and navigation and the buttons are left out, the report is there.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Päävalikko' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Tulosta' }).isVisible()).toBe(false);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  });
});
