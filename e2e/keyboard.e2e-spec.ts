/**
 * Keyboard only (WCAG 2.1.1, 2.4.1, 2.4.7, 3.3.1, 4.1.3): a coordinator skips the header with the
 * skip link, signs in, goes from the main navigation to the projects list, opens TERVEYS-KH, opens
 * the status-report form, submits it empty (focus goes to the first field in error, which says what
 * is wrong), fills it in, tries to leave (the unsaved-changes question takes focus; Escape stays)
 * and saves it; the project page announces the save in its status region.
 * Nothing is clicked or filled by the test: only Tab, Shift+Tab, Enter, Space, arrow keys and
 * typed text. Every element that gets focus on the way must show a visible focus indicator.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS, PASSWORD } from './support/accounts';
import {
  apiCall,
  describeFocus,
  focused,
  focusIsVisible,
  launchBrowser,
  newPage,
  projectId,
  tabTo,
  visible,
  type Focused,
} from './support/browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Elements that had focus without a visible indicator (expected to stay empty). */
const invisibleFocus: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const isLink = (name: string | RegExp) => (element: Focused) =>
  element.role === 'link' && (typeof name === 'string' ? element.name === name : name.test(element.name));

test('the skip link is the first stop, shows itself and moves on to the main content', async () => {
  await page.goto('/');
  await visible(page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' }));

  await page.keyboard.press('Tab');
  const skip = await focused(page);
  expect(skip).toMatchObject({ role: 'link', name: 'Siirry pääsisältöön', href: '#main-content' });
  expect(focusIsVisible(skip)).toBe(true);
  // Off screen until focused, then on screen.
  expect(skip.rect.top).toBeGreaterThanOrEqual(0);
  expect(skip.rect.bottom).toBeLessThanOrEqual(skip.viewportHeight);

  await page.keyboard.press('Enter');
  expect((await focused(page)).id).toBe('main-content');
  // The next stop is the first field of the page, past the header's links and buttons.
  await page.keyboard.press('Tab');
  const next = await focused(page);
  expect(next).toMatchObject({ tag: 'input', type: 'email' });
  expect(next.name).toMatch(/^Sähköposti/);
  expect(focusIsVisible(next)).toBe(true);
});

test('the coordinator signs in with the keyboard', async () => {
  // Focus is on the email field (previous test).
  await page.keyboard.type(ACCOUNTS.coordinator.email);
  await page.keyboard.press('Tab');
  const password = await focused(page);
  expect(password).toMatchObject({ tag: 'input', type: 'password' });
  expect(focusIsVisible(password)).toBe(true);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');

  await visible(page.getByRole('banner').getByText(ACCOUNTS.coordinator.displayName));
  await visible(page.getByRole('heading', { level: 1, name: 'Yleiskatsaus' }));
  // After sign-in, focus is on the new page's heading, inside the main content.
  await page.waitForFunction(() => document.activeElement?.closest('main') !== null);
});

test('from the dashboard through the main navigation and the projects list to a project', async () => {
  const terveysId = await projectId(page, 'TERVEYS-KH');

  // Back from the dashboard's heading to the main navigation, which comes just before the content.
  await tabTo(page, isLink('Hankkeet'), 'The main navigation link "Hankkeet"', {
    backwards: true,
    invisible: invisibleFocus,
  });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/projects(\?.*)?$/);
  await visible(page.getByRole('table').getByText('TERVEYS-KH', { exact: true }));

  await tabTo(page, (element) => element.role === 'link' && element.href === `/projects/${terveysId}`, 'TERVEYS-KH', {
    invisible: invisibleFocus,
  });
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/projects/${terveysId}`);
  await visible(page.getByRole('heading', { level: 1 }));
  await visible(page.getByRole('link', { name: 'Lisää tilanneraportti' }));
  expect(invisibleFocus).toEqual([]);
});

test('the status-report form: submitted empty, the first field in error gets focus and says why', async () => {
  await tabTo(page, isLink('Lisää tilanneraportti'), 'The link "Lisää tilanneraportti"', {
    invisible: invisibleFocus,
  });
  await page.keyboard.press('Enter');
  await visible(page.getByRole('heading', { level: 1, name: 'Uusi tilanneraportti' }));

  await tabTo(page, (element) => element.role === 'button' && element.name === 'Tallenna', 'The Save button', {
    invisible: invisibleFocus,
  });
  await page.keyboard.press('Enter');

  await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
  const health = await focused(page);
  expect(health).toMatchObject({ tag: 'select', name: 'Tilanne' });
  expect(focusIsVisible(health)).toBe(true);
  // The error is tied to the field, so a screen reader reads it with the field.
  const described = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return {
      invalid: element.getAttribute('aria-invalid'),
      text: ids.map((id) => document.getElementById(id)?.innerText ?? '').join(' '),
    };
  });
  expect(described.invalid).toBe('true');
  expect(described.text).toContain('Tämä tieto on pakollinen.');
  expect(invisibleFocus).toEqual([]);
});

test('the coordinator fills in and saves the report, and the project page announces it', async () => {
  const terveysId = await projectId(page, 'TERVEYS-KH');
  const summary = `Näppäimistöllä kirjattu tilanne ${Date.now()}`;

  // Focus is on the health select (previous test): the arrow key picks the first health.
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe('on_track');

  await page.keyboard.press('Tab');
  const summaryField = await focused(page);
  expect(summaryField).toMatchObject({ tag: 'textarea', name: 'Tilanne ja sen syyt' });
  expect(focusIsVisible(summaryField)).toBe(true);
  await page.keyboard.type(summary);

  // Leaving with unsaved changes asks first: past the optional fields, the date (today by
  // default) and Save to Cancel. The question takes focus, keeps it inside, and Escape stays.
  const formPath = new URL(page.url()).pathname;
  await tabTo(page, isLink('Peruuta'), 'The Cancel link', { invisible: invisibleFocus });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Poistutaanko tallentamatta?' });
  await visible(dialog);
  await page.waitForFunction(() => document.activeElement?.closest('[role="alertdialog"]') != null);
  const stay = await focused(page);
  expect(stay).toMatchObject({ role: 'button', name: 'Jatka muokkausta' });
  expect(focusIsVisible(stay)).toBe(true);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ role: 'button', name: 'Poistu tallentamatta' });
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toMatchObject({ role: 'button', name: 'Jatka muokkausta' });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(new URL(page.url()).pathname).toBe(formPath);
  expect(await focused(page)).toMatchObject({ role: 'link', name: 'Peruuta' });

  // Save comes just before Cancel: press it with Space.
  const save = await tabTo(page, (element) => element.role === 'button' && element.name === 'Tallenna', 'Save', {
    backwards: true,
    invisible: invisibleFocus,
  });
  expect(describeFocus(save)).toBe('button "Tallenna"');
  await page.keyboard.press('Space');

  await page.waitForURL(`**/projects/${terveysId}`);
  await visible(page.getByRole('status').filter({ hasText: 'Tilanneraportti tallennettu.' }));
  expect(invisibleFocus).toEqual([]);

  const { items } = await apiCall<{ items: Array<{ summary: string; health: string }> }>(
    page,
    'GET',
    `/api/status-reports?projectId=${terveysId}`,
  );
  expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ summary, health: 'on_track' })]));
});
