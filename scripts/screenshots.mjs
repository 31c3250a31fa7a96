#!/usr/bin/env node
// `pnpm screenshots` — the README's pictures of Salkku, taken from the built app so that they stay
// true: the dashboard, a project page, the agreement report and an admin page, at 1366 px and
// 390 px wide, in Finnish and English (docs/screenshots/<page>-<language>-<width>.png).
//
// Starts the built API (which serves the built web app) on a fresh embedded database with the
// Kuopio demo portfolio, signs in as the demo user each page is for, and photographs the whole
// page in headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH). Run `pnpm build`
// first. Settings: SCREENSHOTS_DIR (default docs/screenshots), SCREENSHOTS_BASE_URL (use an
// already running Salkku with the demo accounts instead of starting one).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.env.SCREENSHOTS_DIR ?? join(ROOT, 'docs/screenshots'));
const PASSWORD = 'Salkku-demo-2026';
const ACCOUNTS = {
  coordinator: 'koordinaattori@salkku.example',
  liaison: 'ministerio@salkku.example',
  admin: 'admin@salkku.example',
};
const WIDTHS = [1366, 390];
const LANGUAGES = ['fi', 'en'];

/**
 * The pages photographed: who looks, where (a path, or a function of the signed-in page for ids),
 * and what shows once the page has loaded what it is about.
 */
const PAGES = [
  { name: 'dashboard', account: 'coordinator', path: () => '/', ready: 'main [role="img"]' },
  {
    name: 'project',
    account: 'coordinator',
    path: async (request) => `/projects/${await projectId(request, 'VESI-KH')}`,
    ready: 'main h1',
  },
  {
    name: 'agreement-report',
    account: 'liaison',
    path: async (request) => `/reports/agreements/${await kuopioAgreementId(request)}`,
    ready: 'main table',
  },
  { name: 'admin-users', account: 'admin', path: () => '/admin/users', ready: 'main table' },
];

const log = (message) => process.stderr.write(`${message}\n`);

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** The built API on a fresh embedded database with the demo portfolio and the demo accounts. */
async function startSalkku() {
  const dataDir = mkdtempSync(join(tmpdir(), 'salkku-screenshots-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', SALKKU_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Salkku exited with ${child.exitCode} (did you run pnpm build?)`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('Salkku did not start within two minutes');
    await new Promise((ok) => setTimeout(ok, 300));
  }
  return {
    baseUrl,
    stop: () => {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function json(response, what) {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return response.json();
}

async function projectId(request, code) {
  const { items } = await json(await request.get(`/api/projects?q=${encodeURIComponent(code)}`), 'GET /api/projects');
  const project = items.find((p) => p.code === code);
  if (!project) throw new Error(`The demo portfolio has no project ${code}`);
  return project.id;
}

async function kuopioAgreementId(request) {
  const agreements = await json(await request.get('/api/agreements'), 'GET /api/agreements');
  const items = Array.isArray(agreements) ? agreements : agreements.items;
  if (!items?.length) throw new Error('The demo portfolio has no agreement');
  return items[0].id;
}

/** Signs in through the API (the session cookie lands in the context) and sets the profile language. */
async function signIn(context, email, language) {
  await json(await context.request.post('/api/auth/login', { data: { email, password: PASSWORD } }), 'sign in');
  const me = await json(await context.request.get('/api/me'), 'GET /api/me');
  await json(
    await context.request.patch('/api/me/language', {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: { language },
    }),
    'PATCH /api/me/language',
  );
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const salkku = process.env.SCREENSHOTS_BASE_URL
    ? { baseUrl: process.env.SCREENSHOTS_BASE_URL, stop: () => {} }
    : await startSalkku();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    for (const language of LANGUAGES) {
      for (const account of [...new Set(PAGES.map((p) => p.account))]) {
        const context = await browser.newContext({
          baseURL: salkku.baseUrl,
          locale: language,
          timezoneId: 'Europe/Helsinki',
          reducedMotion: 'reduce',
        });
        await signIn(context, ACCOUNTS[account], language);
        const page = await context.newPage();
        for (const shot of PAGES.filter((p) => p.account === account)) {
          const path = await shot.path(context.request);
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
            await page.goto(path);
            await page.locator(shot.ready).first().waitFor({ state: 'visible', timeout: 30_000 });
            await page.waitForLoadState('networkidle');
            // Fonts and the charts' layout settle after the data.
            await page.evaluate(() => document.fonts.ready);
            const file = join(OUT, `${shot.name}-${language}-${width}.png`);
            await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
            log(`${relative(ROOT, file)}`);
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    salkku.stop();
  }
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
