/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) reports zero violations on every page, in Finnish,
 * Swedish and English: the sign-in page, the dashboard, the projects list, a project page, the change-password
 * page and the page for an address that does not exist, as a coordinator (who sees the most controls). A failure lists every violation by rule
 * and node.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS } from './support/accounts';
import {
  axeViolations,
  chooseLanguage,
  LANGUAGES,
  launchBrowser,
  newPage,
  projectId,
  signIn,
  UI,
  visible,
  waitForProject,
} from './support/browser';

/** The dashboard's heading in each language. */
const DASHBOARD_TITLE = { fi: 'Yleiskatsaus', sv: 'Översikt', en: 'Overview' } as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LANGUAGES)('in %s', (language) => {
  const ui = UI[language];
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
  });

  const lang = () => page.evaluate(() => document.documentElement.lang);

  test('the sign-in page', async () => {
    await page.goto('/');
    await visible(page.getByLabel(UI.fi.email));
    if (language !== 'fi') await chooseLanguage(page, language);
    await visible(page.getByLabel(ui.email));
    expect(await lang()).toBe(language);
    expect(await axeViolations(page, `${language} sign-in`)).toEqual([]);
  });

  test('the dashboard (the start page)', async () => {
    await signIn(page, ACCOUNTS.coordinator, language);
    await visible(page.getByRole('heading', { level: 1, name: DASHBOARD_TITLE[language] }));
    await visible(page.getByRole('img').first());
    await visible(page.getByRole('table').first());
    expect(await lang()).toBe(language);
    expect(await axeViolations(page, `${language} dashboard`)).toEqual([]);
  });

  test('the projects list', async () => {
    await page.goto('/projects');
    await waitForProject(page, 'VESI-KH');
    expect(await lang()).toBe(language);
    expect(await axeViolations(page, `${language} projects list`)).toEqual([]);
  });

  test('a project page (VESI-KH)', async () => {
    await page.goto(`/projects/${await projectId(page, 'VESI-KH')}`);
    await visible(page.getByRole('heading', { level: 1 }));
    expect(await lang()).toBe(language);
    expect(await axeViolations(page, `${language} project page`)).toEqual([]);
  });

  test('the change-password page', async () => {
    await page.goto('/');
    const banner = page.getByRole('banner');
    await banner
      .getByRole('button', { name: ui.changePassword })
      .or(banner.getByRole('link', { name: ui.changePassword }))
      .click();
    await visible(page.getByRole('heading', { level: 1, name: ui.changePassword }));
    expect(await lang()).toBe(language);
    expect(await axeViolations(page, `${language} change password`)).toEqual([]);
  });

  test('the page for an address that does not exist', async () => {
    await page.goto('/no-such-page');
    await visible(page.getByRole('heading', { level: 1 }));
    expect(await lang()).toBe(language);
    expect(await axeViolations(page, `${language} not found`)).toEqual([]);
  });
});

/** The accessibility statement (signed out, and as an admin who can edit its contact) and the admin pages. */
describe.each(LANGUAGES)('statement and admin pages in %s', (language) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
  });

  test('the accessibility statement, signed out', async () => {
    await page.goto('/');
    await visible(page.getByLabel(UI.fi.email));
    if (language !== 'fi') await chooseLanguage(page, language);
    await page.getByRole('contentinfo').getByRole('link').last().click();
    await visible(page.getByRole('heading', { level: 1 }));
    await visible(page.getByRole('heading', { level: 2 }).first());
    expect(page.url()).toMatch(/\/accessibility$/);
    expect(await axeViolations(page, `${language} accessibility statement (signed out)`)).toEqual([]);
  });

  test('the admin pages and the statement with its edit form, as an admin', async () => {
    await page.goto('/');
    await signIn(page, ACCOUNTS.admin, language);
    for (const path of ['/admin/users', '/admin/organisations']) {
      await page.goto(path);
      await visible(page.getByRole('table'));
      expect(await axeViolations(page, `${language} ${path}`)).toEqual([]);
    }
    await page.goto('/accessibility');
    await visible(page.getByRole('form'));
    expect(await axeViolations(page, `${language} accessibility statement (admin)`)).toEqual([]);
  });
});
