/**
 * A ministry liaison reads every city's portfolio and changes nothing: the web app shows them no
 * edit controls, and the API refuses their writes (403) even with a valid session and CSRF token.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS } from './support/accounts';
import { csrfToken, launchBrowser, newPage, openSignedIn, projectId, visible, waitForProject } from './support/browser';

/** Names of controls that change something (Finnish UI): edit, add, new, delete. */
const EDIT_CONTROL = /(^|\s)(Muokkaa|Lisää|Uusi|Poista)(\s|$)/i;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let vesiId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await openSignedIn(page, ACCOUNTS.liaison);
  await waitForProject(page, 'VESI-KH');
  vesiId = await projectId(page, 'VESI-KH');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Buttons, links and menu items whose accessible name reads like an edit control. */
async function editControls(): Promise<string[]> {
  const found: string[] = [];
  for (const role of ['button', 'link', 'menuitem'] as const) {
    for (const control of await page.getByRole(role, { name: EDIT_CONTROL }).all()) {
      found.push(`${role} "${(await control.innerText()).trim()}"`);
    }
  }
  return found;
}

test('the projects list shows the liaison no edit controls', async () => {
  await page.goto('/projects');
  await waitForProject(page, 'TERVEYS-KH');
  await page.waitForLoadState('networkidle');
  expect(await editControls()).toEqual([]);
});

test('the project page shows the liaison no edit controls', async () => {
  await page.goto(`/projects/${vesiId}`);
  await visible(page.getByRole('heading', { level: 1 }));
  await page.waitForLoadState('networkidle');
  expect(await editControls()).toEqual([]);
});

test("the API refuses the liaison's writes with 403, and nothing changes", async () => {
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  const before = await page.request.get(`/api/projects/${vesiId}`);
  expect(before.status()).toBe(200);
  const project = (await before.json()) as { name: string; version: number };

  const update = await page.request.patch(`/api/projects/${vesiId}`, {
    headers,
    data: { version: project.version, name: `${project.name} (changed)` },
  });
  expect(update.status()).toBe(403);
  expect(((await update.json()) as { code: string }).code).toBe('FORBIDDEN');

  const create = await page.request.post('/api/projects', { headers, data: { code: 'E2E-1', name: 'E2E' } });
  expect(create.status()).toBe(403);
  expect(((await create.json()) as { code: string }).code).toBe('FORBIDDEN');

  const remove = await page.request.delete(`/api/projects/${vesiId}`, { headers });
  expect(remove.status()).toBe(403);

  const after = (await (await page.request.get(`/api/projects/${vesiId}`)).json()) as { name: string; version: number };
  expect(after).toMatchObject({ name: project.name, version: project.version });
});
