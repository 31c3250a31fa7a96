/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA: wcag2a, wcag2aa, wcag21a, wcag21aa) reports zero
 * violations on every page of the app, in Finnish, Swedish and English:
 *
 * - signed out: the sign-in page and the accessibility statement;
 * - as a coordinator, a manager and a liaison: the dashboard, the projects list, a project page,
 *   the national and the agreement report, the change-password page, the page of an address that
 *   does not exist and the accessibility statement (and the CSV exports page for the manager, who
 *   may export);
 * - as a coordinator, every form page: create project, edit project, change lifecycle status, new
 *   and edit funding decision, new and edit payment, new and edit milestone, new status report;
 * - as an admin: the users and organisations pages and the accessibility statement with its
 *   edit form.
 *
 * Each role signs in once and keeps its page; the language is switched with the header's language
 * switcher, as a user would. A failure lists every violation by rule and node.
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
const ids = { vesi: '', agreement: '', terveys: '', decision: '', payment: '', milestone: '' };

interface PageCheck {
  name: string;
  path: () => string;
  /** Shown once the page has loaded what it is about (axe then also waits for the network to settle). */
  ready: (page: Page, language: Language) => Locator;
}

const submitButton = (page: Page) => page.locator('main form button[type="submit"]');

/** The pages every signed-in role reads. */
const READ_PAGES: PageCheck[] = [
  { name: 'the dashboard', path: () => '/', ready: (page) => page.locator('main table').first() },
  {
    name: 'the projects list',
    path: () => '/projects',
    ready: (page) => page.getByRole('table').getByText('VESI-KH', { exact: true }),
  },
  { name: 'a project page (VESI-KH)', path: () => `/projects/${ids.vesi}`, ready: (page) => page.locator('main h1') },
  { name: 'the national report', path: () => '/reports', ready: (page) => page.locator('main table').first() },
  {
    name: 'the agreement report (Kuopio)',
    path: () => `/reports/agreements/${ids.agreement}`,
    ready: (page) => page.locator('main table').first(),
  },
  { name: 'the change-password page', path: () => '/password', ready: (page) => page.locator('main form') },
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
  {
    name: 'edit milestone',
    path: () => `/projects/${ids.terveys}/milestones/${ids.milestone}/edit`,
    ready: submitButton,
  },
  { name: 'new status report', path: () => `/projects/${ids.vesi}/status-reports/new`, ready: submitButton },
];

const ADMIN_PAGES: PageCheck[] = [
  { name: 'the users page', path: () => '/admin/users', ready: (page) => page.getByRole('table') },
  { name: 'the organisations page', path: () => '/admin/organisations', ready: (page) => page.getByRole('table') },
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

async function expectNoViolations(page: Page, check: PageCheck, language: Language, who: string): Promise<void> {
  await page.goto(check.path());
  await visible(check.ready(page, language));
  expect(await lang(page)).toBe(language);
  expect(await axeViolations(page, `${language} ${who}: ${check.name}`)).toEqual([]);
}

describe('signed out', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
  });

  test.each(LANGUAGES)('the sign-in page and the accessibility statement in %s', async (language) => {
    await page.goto('/');
    // The form, in whatever language the previous test left chosen.
    await visible(page.locator('main input[type="email"]'));
    await chooseLanguage(page, language);
    await visible(page.getByLabel(UI[language].email));
    expect(await lang(page)).toBe(language);
    expect(await axeViolations(page, `${language} signed out: sign-in`)).toEqual([]);

    // The statement is linked from every page's footer.
    await page.getByRole('contentinfo').getByRole('link').last().click();
    await visible(page.getByRole('heading', { level: 2 }).first());
    expect(new URL(page.url()).pathname).toBe('/accessibility');
    expect(await lang(page)).toBe(language);
    expect(await axeViolations(page, `${language} signed out: accessibility statement`)).toEqual([]);
  });
});

/**
 * One signed-in page for the role, its pages checked in each language. The switcher also saves
 * the language in the user's profile, which a new browser context without a stored choice then
 * follows: the profile is put back to Finnish afterwards, as the other tests read Finnish.
 */
function describeRole(role: Role, pages: PageCheck[], setup: (page: Page) => Promise<void>): void {
  describe(`as the ${role}`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await newPage(browser));
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

    describe.each(LANGUAGES)('in %s', (language) => {
      beforeAll(async () => {
        await chooseLanguage(page, language);
      });
      test.each(pages)('$name', async (check) => {
        await expectNoViolations(page, check, language, role);
      });
    });
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
 * milestone for the edit forms (through the API: making them is not what these tests check).
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
}

describeRole('coordinator', [...READ_PAGES, ...FORM_PAGES], makeRecordsToEdit);
describeRole('manager', [...READ_PAGES, EXPORTS_PAGE], findVesi);
describeRole('liaison', READ_PAGES, findVesi);
describeRole('admin', ADMIN_PAGES, () => Promise.resolve());
