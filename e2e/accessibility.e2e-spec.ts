/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA: wcag2a, wcag2aa, wcag21a, wcag21aa) reports zero
 * violations on every page of the app, each page in Finnish and the pages that differ by role or
 * language also in Swedish and English:
 *
 * - signed out, in fi/sv/en: the sign-in page and the accessibility statement;
 * - as a liaison: the dashboard, the projects list, a project page, the national and the
 *   agreement report, the change-password page and the page of an address that does not exist in
 *   fi/sv/en (and the accessibility statement in fi);
 * - as a manager: the same read pages in fi, and the CSV exports page (only a manager may export)
 *   in fi/sv/en;
 * - as a coordinator: the dashboard, the projects list and a project page (with the edit
 *   controls) in fi, and every form page in fi/sv/en: create project, edit project, change
 *   lifecycle status, new and edit funding decision, new and edit payment, new and edit
 *   milestone, new status report, new and edit participant;
 * - as an admin, in fi/sv/en: the users and organisations pages and the accessibility statement with
 *   its edit form.
 *
 * At phone width (390 × 844 px) every page is checked again in Finnish as each role (the same
 * pages as above): zero violations there too. On every check, at either width, the page does not
 * scroll sideways (document.documentElement.scrollWidth is at most the window's width): a wide
 * table scrolls inside its own focusable region instead.
 *
 * So every page is checked in all three languages by at least one role. Why not every page in
 * every language for every role: the whole e2e run must stay within about
 * five minutes on two cores, and the read pages are the same components for every role (a missing
 * translation fails the web app's i18n test). Each role signs in once and keeps its page; the
 * language is switched with the header's language switcher, as a user would, and pages are opened
 * within the app. A failure lists every violation by rule and node.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ACCOUNTS, type Role } from './support/accounts';
import {
  apiCall,
  axeViolations,
  chooseLanguage,
  helsinkiToday,
  LANGUAGES,
  launchBrowser,
  newPage,
  openSignedIn,
  projectId,
  setProfileLanguage,
  UI,
  visible,
  type Language,
} from './support/browser';

const NOT_FOUND_TITLE: Record<Language, string> = {
  fi: 'Sivua ei löytynyt',
  sv: 'Sidan hittades inte',
  en: 'Page not found',
};

/** Records the pages are about; the setup of each role fills in what it needs. */
const ids = { vesi: '', agreement: '', terveys: '', decision: '', payment: '', milestone: '', participant: '' };

interface PageCheck {
  name: string;
  path: () => string;
  /** Shown once the page has loaded what it is about (axe then also waits for the network to settle). */
  ready: (page: Page, language: Language) => Locator;
}

const submitButton = (page: Page) => page.locator('main form button[type="submit"]');

/** The pages every signed-in role reads. */
const READ_PAGES: PageCheck[] = [
  {
    name: 'the dashboard',
    path: () => '/',
    // The charts are drawn: the figures have loaded (their tables are one toggle away).
    ready: (page) => page.locator('main [role="img"]').first(),
  },
  {
    name: 'the projects list',
    path: () => '/projects',
    ready: (page) => page.getByRole('table').getByText('VESI-KH', { exact: true }),
  },
  { name: 'a project page (VESI-KH)', path: () => `/projects/${ids.vesi}`, ready: (page) => page.locator('main h1') },
  // Reporting rounds (issue 13); a round, a period report and a frozen report are walked in rounds.e2e-spec.ts.
  { name: 'the reporting rounds', path: () => '/rounds', ready: (page) => page.locator('main h1') },
  { name: 'the national report', path: () => '/reports', ready: (page) => page.locator('main table').first() },
  {
    name: 'the agreement report (Kuopio)',
    path: () => `/reports/agreements/${ids.agreement}`,
    ready: (page) => page.locator('main table').first(),
  },
  { name: 'the change-password page', path: () => '/password', ready: (page) => page.locator('main form') },
  {
    name: 'the email settings',
    path: () => '/email-settings',
    ready: (page) => page.locator('main input[type="checkbox"]'),
  },
  {
    name: 'the page of an address that does not exist',
    path: () => '/no-such-page',
    ready: (page, language) => page.getByRole('heading', { level: 1, name: NOT_FOUND_TITLE[language] }),
  },
  {
    name: 'the accessibility statement',
    path: () => '/accessibility',
    ready: (page) => page.getByRole('heading', { level: 2 }).first(),
  },
];

const EXPORTS_PAGE: PageCheck = {
  name: 'the CSV exports page',
  path: () => '/exports',
  // The form is there only for a user who may export.
  ready: (page) => page.locator('main form'),
};

/** The coordinator's form pages. The records edited are made on TERVEYS-KH (see the coordinator's setup). */
const FORM_PAGES: PageCheck[] = [
  { name: 'create project', path: () => '/projects/new', ready: submitButton },
  { name: 'edit project', path: () => `/projects/${ids.vesi}/edit`, ready: submitButton },
  { name: 'change lifecycle status', path: () => `/projects/${ids.vesi}/status`, ready: submitButton },
  { name: 'new funding decision', path: () => `/projects/${ids.vesi}/funding-decisions/new`, ready: submitButton },
  {
    name: 'edit funding decision',
    path: () => `/projects/${ids.terveys}/funding-decisions/${ids.decision}/edit`,
    ready: submitButton,
  },
  {
    name: 'new payment',
    path: () => `/projects/${ids.terveys}/funding-decisions/${ids.decision}/payments/new`,
    ready: submitButton,
  },
  {
    name: 'edit payment',
    path: () => `/projects/${ids.terveys}/funding-decisions/${ids.decision}/payments/${ids.payment}/edit`,
    ready: submitButton,
  },
  { name: 'new milestone', path: () => `/projects/${ids.vesi}/milestones/new`, ready: submitButton },
  { name: 'open a reporting round', path: () => '/rounds/new', ready: submitButton },
  {
    name: 'edit milestone',
    path: () => `/projects/${ids.terveys}/milestones/${ids.milestone}/edit`,
    ready: submitButton,
  },
  { name: 'new status report', path: () => `/projects/${ids.vesi}/status-reports/new`, ready: submitButton },
  { name: 'new participant', path: () => `/projects/${ids.vesi}/participants/new`, ready: submitButton },
  {
    name: 'edit participant',
    path: () => `/projects/${ids.terveys}/participants/${ids.participant}/edit`,
    ready: submitButton,
  },
  { name: 'set an indicator target', path: () => `/projects/${ids.vesi}/indicators/targets/new`, ready: submitButton },
  {
    name: 'report an indicator actual',
    path: () => `/projects/${ids.vesi}/indicators/actuals/new`,
    ready: submitButton,
  },
];

const ADMIN_PAGES: PageCheck[] = [
  { name: 'the users page', path: () => '/admin/users', ready: (page) => page.getByRole('table') },
  { name: 'the organisations page', path: () => '/admin/organisations', ready: (page) => page.getByRole('table') },
  { name: 'the indicator catalogue', path: () => '/admin/indicators', ready: (page) => page.getByRole('table') },
  { name: 'the mail outbox', path: () => '/admin/outbox', ready: (page) => page.locator('.mail-outbox__results') },
  {
    name: 'the accessibility statement with its edit form',
    path: () => '/accessibility',
    ready: (page) => page.locator('main form'),
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/**
 * Opens `path` in the app already loaded, as a link inside it would (the router follows
 * history.pushState and the popstate event): a full page load per check costs seconds on this
 * machine and checks nothing more (the sign-in and keyboard tests load pages for real).
 */
async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    const state = { usr: null, key: `e2e${Date.now()}`, idx: window.history.length };
    window.history.pushState(state, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state }));
  }, path);
  await page.waitForURL((url) => url.pathname + url.search === path);
}

/** The phone width checked (an iPhone 12–15's CSS width). */
const PHONE = { width: 390, height: 844 };

/** How far the page scrolls sideways: its content width beyond the window's (0 when it fits). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));

async function expectNoViolations(page: Page, check: PageCheck, language: Language, who: string): Promise<void> {
  await navigate(page, check.path());
  await visible(check.ready(page, language));
  expect(await lang(page)).toBe(language);
  const width = page.viewportSize()?.width ?? 0;
  expect(await axeViolations(page, `${language} ${who} at ${width} px: ${check.name}`)).toEqual([]);
  expect({ page: check.name, overflow: await sidewaysOverflow(page) }).toEqual({ page: check.name, overflow: 0 });
}

describe.each([
  { at: 'desktop', viewport: null, languages: LANGUAGES },
  { at: 'phone width', viewport: PHONE, languages: ['fi'] as const },
])('signed out, $at', ({ viewport, languages }) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
    if (viewport) await page.setViewportSize(viewport);
  });
  afterAll(async () => {
    await context?.close();
  });

  test.each(languages)('the sign-in page and the accessibility statement in %s', async (language) => {
    await page.goto('/');
    // The form, in whatever language the previous test left chosen.
    await visible(page.locator('main input[type="email"]'));
    await chooseLanguage(page, language);
    await visible(page.getByLabel(UI[language].email));
    expect(await lang(page)).toBe(language);
    expect(await axeViolations(page, `${language} signed out: sign-in`)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);

    // The statement is linked from every page's footer.
    await page.getByRole('contentinfo').getByRole('link').last().click();
    await visible(page.getByRole('heading', { level: 2 }).first());
    expect(new URL(page.url()).pathname).toBe('/accessibility');
    expect(await lang(page)).toBe(language);
    expect(await axeViolations(page, `${language} signed out: accessibility statement`)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});

/** The pages a role checks, per language (a language without pages is not switched to). */
type PagesByLanguage = Partial<Record<Language, PageCheck[]>>;

/**
 * One signed-in page for the role, its pages checked in each language given. The switcher also
 * saves the language in the user's profile, which a new browser context without a stored choice
 * then follows: the profile is put back to Finnish afterwards, as the other tests read Finnish.
 */
function describeRole(
  role: Role,
  pagesByLanguage: PagesByLanguage,
  setup: (page: Page) => Promise<void>,
  viewport?: { width: number; height: number },
): void {
  describe(`as the ${role}${viewport ? ` at ${viewport.width} px` : ''}`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await newPage(browser));
      if (viewport) await page.setViewportSize(viewport);
      await openSignedIn(page, ACCOUNTS[role], '/');
      await setup(page);
    });
    afterAll(async () => {
      try {
        if (page) await setProfileLanguage(page, 'fi');
      } finally {
        await context?.close();
      }
    });

    for (const language of LANGUAGES) {
      const pages = pagesByLanguage[language] ?? [];
      if (pages.length === 0) continue;
      describe(`in ${language}`, () => {
        beforeAll(async () => {
          await chooseLanguage(page, language);
        });
        test.each(pages)('$name', async (check) => {
          await expectNoViolations(page, check, language, role);
        });
      });
    }
  });
}

/** VESI-KH and its agreement (Kuopio's). */
async function findVesi(page: Page): Promise<void> {
  ids.vesi = await projectId(page, 'VESI-KH');
  const project = await apiCall<{ priorityArea: { agreementId: string } }>(page, 'GET', `/api/projects/${ids.vesi}`);
  ids.agreement = project.priorityArea.agreementId;
}

/**
 * The coordinator's setup: VESI-KH, and on TERVEYS-KH a funding decision with a payment and a
 * milestone for the edit forms (through the API: making them is not what these tests check), and
 * its participant from the demo data.
 */
async function makeRecordsToEdit(page: Page): Promise<void> {
  await findVesi(page);
  ids.terveys = await projectId(page, 'TERVEYS-KH');
  const { items } = await apiCall<{ items: Array<{ agreementId: string; funderId: string }> }>(
    page,
    'GET',
    `/api/funding-decisions?projectId=${ids.vesi}`,
  );
  const demoDecision = items[0];
  if (!demoDecision) throw new Error('The demo portfolio has no funding decision on VESI-KH');
  const decision = await apiCall<{ id: string }>(page, 'POST', '/api/funding-decisions', {
    agreementId: demoDecision.agreementId,
    projectId: ids.terveys,
    funderId: demoDecision.funderId,
    instrument: 'city_co_funding',
    status: 'granted',
    amountGranted: '5000.00',
    recordNumber: 'E2E §1',
  });
  ids.decision = decision.id;
  const payment = await apiCall<{ id: string }>(page, 'POST', '/api/payments', {
    fundingDecisionId: decision.id,
    paidOn: helsinkiToday(),
    amount: '100.00',
  });
  ids.payment = payment.id;
  const milestone = await apiCall<{ id: string }>(page, 'POST', '/api/milestones', {
    projectId: ids.terveys,
    title: 'E2E: ohjausryhmän kokous',
    dueDate: '2027-06-30',
  });
  ids.milestone = milestone.id;
  // The demo data's participant of TERVEYS-KH (Kuopio Health, its lead).
  const participants = await apiCall<{ items: Array<{ id: string }> }>(
    page,
    'GET',
    `/api/participants?projectId=${ids.terveys}`,
  );
  const participant = participants.items[0];
  if (!participant) throw new Error('The demo portfolio has no participant on TERVEYS-KH');
  ids.participant = participant.id;
}

/** The statement is checked in all three languages signed out. */
const statement = (check: PageCheck) => check.path() === '/accessibility';
const COORDINATOR_READ_PAGES = READ_PAGES.filter((check) =>
  ['the dashboard', 'the projects list', 'a project page (VESI-KH)'].includes(check.name),
);

describeRole(
  'coordinator',
  { fi: [...COORDINATOR_READ_PAGES, ...FORM_PAGES], sv: FORM_PAGES, en: FORM_PAGES },
  makeRecordsToEdit,
);
describeRole('manager', { fi: [...READ_PAGES, EXPORTS_PAGE], sv: [EXPORTS_PAGE], en: [EXPORTS_PAGE] }, findVesi);
describeRole(
  'liaison',
  {
    fi: READ_PAGES,
    sv: READ_PAGES.filter((check) => !statement(check)),
    en: READ_PAGES.filter((check) => !statement(check)),
  },
  findVesi,
);
describeRole('admin', { fi: ADMIN_PAGES, sv: ADMIN_PAGES, en: ADMIN_PAGES }, () => Promise.resolve());

// Phone width, in Finnish: the same pages as each role reads and fills in above.
describeRole('coordinator', { fi: [...COORDINATOR_READ_PAGES, ...FORM_PAGES] }, makeRecordsToEdit, PHONE);
describeRole('manager', { fi: [...READ_PAGES, EXPORTS_PAGE] }, findVesi, PHONE);
describeRole('liaison', { fi: READ_PAGES }, findVesi, PHONE);
describeRole('admin', { fi: ADMIN_PAGES }, () => Promise.resolve(), PHONE);
