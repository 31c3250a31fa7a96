/**
 * Each role signs in through the real sign-in form and lands on the portfolio: the projects
 * table with the two Kuopio launch projects. Signing out brings the form back.
 */
import type { Browser } from 'playwright-core';
import { ACCOUNTS, LAUNCH_PROJECT_CODES, type Role } from './support/accounts';
import { launchBrowser, newPage, signIn, visible, waitForProject } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ROLES: Role[] = ['coordinator', 'manager', 'liaison', 'admin'];

test.each(ROLES)('the %s signs in with the form and sees the launch projects', async (role) => {
  const account = ACCOUNTS[role];
  const { context, page } = await newPage(browser);
  try {
    await page.goto('/projects');
    await visible(page.getByRole('heading', { level: 1, name: /Kirjaudu sisään/ }));
    await signIn(page, account);

    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(200);
    const { user } = (await me.json()) as { user: { email: string; role: string } };
    expect(user).toMatchObject({ email: account.email, role });

    for (const code of LAUNCH_PROJECT_CODES) await waitForProject(page, code);
  } finally {
    await context.close();
  }
});

test('signing out ends the session and shows the sign-in form again', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto('/');
    await signIn(page, ACCOUNTS.coordinator);
    await page
      .getByRole('banner')
      .getByRole('button', { name: /Kirjaudu ulos/ })
      .click();
    await visible(page.getByRole('button', { name: /Kirjaudu sisään/ }));
    expect((await page.request.get('/api/me')).status()).toBe(401);
  } finally {
    await context.close();
  }
});

test('a wrong password keeps the user on the sign-in form with an error', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto('/');
    await page.getByLabel(/Sähköposti/).fill(ACCOUNTS.manager.email);
    await page.getByLabel(/Salasana/).fill('not-the-password-1234');
    await page.getByRole('button', { name: /Kirjaudu sisään/ }).click();
    await visible(page.getByText(/Väärä sähköposti tai salasana/));
    expect((await page.request.get('/api/me')).status()).toBe(401);
  } finally {
    await context.close();
  }
});
