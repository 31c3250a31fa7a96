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

/** Switches the UI language with the header's language buttons and waits for <html lang>. */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.getByRole('button', { name: UI[language].switchTo, exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
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
  await visible(page.getByRole('banner').getByText(account.displayName));
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
