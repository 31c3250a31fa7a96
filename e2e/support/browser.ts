/**
 * Headless Chromium (Debian's package, driven by playwright-core; never a downloaded browser),
 * signing in through the real form, and the axe check.
 */
import { appendFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PASSWORD, type Account } from './accounts';

export type Language = 'fi' | 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];

/** What the UI says, per language: the switcher's buttons and the sign-in form. */
export const UI: Record<
  Language,
  { switchTo: string; email: RegExp; password: RegExp; signIn: RegExp; changePassword: RegExp }
> = {
  fi: {
    switchTo: 'suomi',
    email: /Sähköposti/,
    password: /Salasana/,
    signIn: /Kirjaudu sisään/,
    changePassword: /Vaihda salasana/,
  },
  sv: {
    switchTo: 'svenska',
    email: /E-post/,
    password: /Lösenord/,
    signIn: /Logga in/,
    changePassword: /Byt lösenord/,
  },
  en: {
    switchTo: 'English',
    email: /Email/,
    password: /Password/,
    signIn: /Sign in/,
    changePassword: /Change password/,
  },
};

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The flags that work on Debian's chromium here (../shared/STACK.md). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the e2e tests with their Jest config (pnpm test:e2e)');
  return url;
}

/**
 * Headless Chromium. Playwright starts it with a fresh temporary --user-data-dir of its own
 * (and removes it on close), so nothing carries over between runs.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A new browser profile (cookies, localStorage) on the app. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fi-FI', timezoneId: 'Europe/Helsinki' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Waits until the locator matches (at least) one visible element. */
export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

/**
 * Switches the UI language with the header's language buttons and waits for <html lang>. At
 * phone width, signed in, the buttons are in the header's menu: it is opened for the choice and
 * closed again.
 */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  const languageButton = page.getByRole('button', { name: UI[language].switchTo, exact: true });
  const menuButton = page.getByRole('banner').locator('button[aria-controls][aria-expanded]');
  const inClosedMenu = !(await languageButton.isVisible()) && (await menuButton.isVisible());
  if (inClosedMenu) await menuButton.click();
  await languageButton.click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  if (inClosedMenu) await menuButton.click();
}

/**
 * Signs in through the sign-in form (the page must show it), in the UI's current language, and
 * waits until the header names the signed-in user.
 */
export async function signIn(page: Page, account: Account, language: Language = 'fi'): Promise<void> {
  const ui = UI[language];
  await page.getByLabel(ui.email).fill(account.email);
  await page.getByLabel(ui.password).fill(PASSWORD);
  await page.getByRole('button', { name: ui.signIn }).click();
  // The header names who is signed in (at phone width inside its closed menu: there, not visible).
  await page.getByRole('banner').getByText(account.displayName).first().waitFor({ state: 'attached' });
}

/** Opens the app at `path` (the projects list unless given) and signs in: the app then shows that page. */
export async function openSignedIn(page: Page, account: Account, path = '/projects'): Promise<void> {
  await page.goto(path);
  await signIn(page, account);
}

/** The projects table, once it shows the project with this code. */
export async function waitForProject(page: Page, code: string): Promise<void> {
  await visible(page.getByRole('table').getByText(code, { exact: true }));
}

/** The CSRF token of the page's session (GET /api/me with the browser's cookie). */
export async function csrfToken(page: Page): Promise<string> {
  const me = await page.request.get('/api/me');
  if (!me.ok()) throw new Error(`GET /api/me: ${me.status()}`);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

/** The id of the project with this code (GET /api/projects with the page's session). */
export async function projectId(page: Page, code: string): Promise<string> {
  const res = await page.request.get(`/api/projects?q=${encodeURIComponent(code)}`);
  if (!res.ok()) throw new Error(`GET /api/projects: ${res.status()}`);
  const { items } = (await res.json()) as { items: Array<{ id: string; code: string }> };
  const project = items.find((p) => p.code === code);
  if (!project) throw new Error(`No project ${code}`);
  return project.id;
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is and returns one line per failing
 * node: "rule (impact) at selector: what to fix". The tests expect an empty list; a failure shows
 * every violation. With E2E_AXE_REPORT set, every check is also appended there as a JSON line.
 */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = process.env.E2E_AXE_REPORT;
  if (report) {
    appendFileSync(
      report,
      JSON.stringify({
        where,
        url: page.url(),
        passes: results.passes.length,
        incomplete: results.incomplete.map((r) => ({ id: r.id, targets: r.nodes.map((n) => n.target.join(' ')) })),
        violations: results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
        })),
      }) + '\n',
    );
  }
  return results.violations.flatMap((v: Violation) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'n/a'}) at ${n.target.join(' ')}: ${v.help} — ${n.html}` +
        (n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''),
    ),
  );
}

/**
 * Sets the signed-in user's profile language (PATCH /api/me/language). The language switcher
 * also saves the choice in the profile when someone is signed in, and a later browser context
 * without a stored choice gets the profile's language: a test that switches languages while
 * signed in puts the profile back to Finnish, so the other tests (in Finnish) find what they read.
 */
export async function setProfileLanguage(page: Page, language: Language): Promise<void> {
  const res = await page.request.patch('/api/me/language', {
    headers: { 'X-CSRF-Token': await csrfToken(page) },
    data: { language },
  });
  if (!res.ok()) throw new Error(`PATCH /api/me/language: ${res.status()} ${await res.text()}`);
}

/** The cells' text of a table's body rows (the table named by its caption), row by row. */
export async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption, exact: true });
  await visible(table);
  return table.evaluate((element) =>
    Array.from((element as HTMLTableElement).tBodies).flatMap((body) =>
      Array.from(body.rows, (row) => Array.from(row.cells, (cell) => cell.innerText.replace(/\s+/g, ' ').trim())),
    ),
  );
}

/**
 * The first euro amount in a text as whole cents, e.g. "1 000,00 €" (fi, with no-break spaces)
 * → 100000; the figures are compared as integers, never as floats.
 */
export function euroCents(text: string): number {
  const match = /(-|\u2212)?\s*([\d\s\u00a0\u202f]+),(\d{2})\s*€/.exec(text);
  if (!match) throw new Error(`No euro amount in "${text}"`);
  const whole = Number(match[2]!.replace(/[\s\u00a0\u202f]/g, ''));
  const cents = whole * 100 + Number(match[3]);
  return match[1] ? -cents : cents;
}

/** What has keyboard focus: enough to find it again and to tell whether its focus is visible. */
export interface Focused {
  tag: string;
  /** ARIA role given, or the element's own (a, button, input, select, textarea). */
  role: string;
  /** aria-label, else the text of its <label>, else its text. */
  name: string;
  id: string;
  href: string | null;
  type: string | null;
  /** The computed outline and box-shadow while focused. */
  outline: string;
  boxShadow: string;
  /** Its box, in the viewport's coordinates. */
  rect: { top: number; bottom: number; width: number; height: number };
  viewportHeight: number;
  /**
   * Focus is on the browser's own button inside the field (a date input's calendar button, the
   * last Tab stop of Chromium's date input): the input is the active element but does not match
   * :focus, and the button, in the browser's closed shadow tree, has Chromium's own focus ring.
   */
  nativePicker: boolean;
}

/** The element that has focus now (document.activeElement). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = (document.activeElement ?? document.body) as HTMLElement;
    const style = getComputedStyle(element);
    const ownRole: Record<string, string> = {
      a: 'link',
      button: 'button',
      input: 'textbox',
      select: 'combobox',
      textarea: 'textbox',
    };
    const tag = element.tagName.toLowerCase();
    const labels = (element as HTMLInputElement).labels;
    const name =
      element.getAttribute('aria-label') ??
      (labels && labels.length > 0 ? labels[0]!.innerText : null) ??
      element.innerText ??
      '';
    const box = element.getBoundingClientRect();
    return {
      tag,
      role: element.getAttribute('role') ?? ownRole[tag] ?? '',
      name: name.replace(/\s+/g, ' ').trim(),
      id: element.id,
      href: element.getAttribute('href'),
      type: element.getAttribute('type'),
      outline:
        style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0
          ? 'none'
          : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      rect: { top: box.top, bottom: box.bottom, width: box.width, height: box.height },
      viewportHeight: window.innerHeight,
      nativePicker: element instanceof HTMLInputElement && !element.matches(':focus'),
    };
  });
}

/** A focus indicator is drawn: an outline or a box-shadow (or the browser's own ring), on an element with a size. */
export function focusIsVisible(element: Focused): boolean {
  // The picker button's ring is the browser's own (seen in a screenshot); its style cannot be read here.
  if (element.nativePicker) return element.rect.width > 0 && element.rect.height > 0;
  const drawn = element.outline !== 'none' || (element.boxShadow !== '' && element.boxShadow !== 'none');
  return drawn && element.rect.width > 0 && element.rect.height > 0;
}

export function describeFocus(element: Focused): string {
  return `${element.role || element.tag} "${element.name.slice(0, 60)}"${element.href ? ` (${element.href})` : ''}`;
}

/**
 * Presses Tab (or Shift+Tab) until `wanted` has focus, at most `max` times, and returns it. Every
 * element focused on the way must show a visible focus indicator: the ones that don't are
 * collected in `invisible` (the caller expects none).
 */
export async function tabTo(
  page: Page,
  wanted: (element: Focused) => boolean,
  what: string,
  { backwards = false, max = 80, invisible }: { backwards?: boolean; max?: number; invisible: string[] },
): Promise<Focused> {
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const element = await focused(page);
    if (element.tag !== 'body' && !focusIsVisible(element)) invisible.push(describeFocus(element));
    if (wanted(element)) return element;
  }
  throw new Error(`${what} did not get focus in ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** A JSON API call with the page's session (and its CSRF token for writes); throws unless 2xx. */
export async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  data?: Record<string, unknown>,
): Promise<T> {
  const headers: Record<string, string> = method === 'GET' ? {} : { 'X-CSRF-Token': await csrfToken(page) };
  const res = await page.request.fetch(path, { method, headers, data });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Today in Helsinki as YYYY-MM-DD (the API's calendar). */
export function helsinkiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
}
