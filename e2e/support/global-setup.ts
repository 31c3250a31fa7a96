/**
 * Starts the built app for the e2e run, the way it runs in production: `node apps/api/dist/main.js`
 * serving apps/web/dist, on a free port, with the Kuopio demo portfolio (SALKKU_DEMO_DATA=always).
 *
 * - E2E_DATABASE_URL set: a FRESH database is created on that PostgreSQL server (and dropped by
 *   the global teardown). Demo users exist only in the embedded mode, so the admin is created with
 *   the CLI (`cli.js create-admin`) and the other roles through the admin API (POST /api/users).
 * - Unset: the embedded database in a temporary SALKKU_DATA_DIR, which has the demo users.
 *
 * The tests get the app's address in E2E_BASE_URL (Jest's workers inherit this process's env), and
 * what it emailed through a real SMTP server started here in E2E_MAIL_LOG (support/mailbox.ts).
 */
import { spawn, execFile } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ACCOUNTS, PASSWORD, type Account } from './accounts';
import globalTeardown from './global-teardown';
import { startMailbox } from './mailbox';
import { adminClient, setState, type E2eState } from './state';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
const CLI = join(ROOT, 'apps/api/dist/database/cli.js');
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');
const START_TIMEOUT_MS = 120_000;

export default async function globalSetup(): Promise<void> {
  try {
    await start();
  } catch (error) {
    // Jest runs no teardown after a failed setup: stop what started.
    await globalTeardown();
    throw error;
  }
}

async function start(): Promise<void> {
  for (const built of [MAIN, CLI, WEB_INDEX]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run pnpm build before the e2e tests`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'salkku-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverUrl = process.env.E2E_DATABASE_URL;

  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', SALKKU_DEMO_DATA: 'always' };
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'SALKKU_ADMIN_EMAIL', 'SALKKU_ADMIN_PASSWORD']) {
    delete env[name];
  }
  if (env.NODE_ENV === 'production') env.NODE_ENV = 'test'; // production cookies are Secure: not over http

  const state: E2eState = { tmp, baseUrl, app: null, serverUrl: serverUrl ?? null, database: null, mailbox: null };
  // A real mail server: the app sends through it (its worker every second), the tests read it.
  const mailLog = join(tmp, 'mail.jsonl');
  state.mailbox = await startMailbox(mailLog);
  Object.assign(env, {
    SMTP_URL: state.mailbox.url,
    MAIL_FROM: 'Salkku <salkku@salkku.example>',
    PUBLIC_URL: baseUrl,
    MAIL_WORKER_INTERVAL_SECONDS: '1',
  });
  process.env.E2E_MAIL_LOG = mailLog;
  if (serverUrl) {
    state.database = `salkku_e2e_${Date.now()}_${process.pid}`;
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${state.database}"`));
    env.DATABASE_URL = databaseUrl(serverUrl, state.database);
  } else {
    env.SALKKU_DATA_DIR = join(tmp, 'data');
  }
  // The teardown cleans up whatever got this far, even if the start below fails.
  setState(state);

  const logFile = join(tmp, 'app.log');
  const log = createWriteStream(logFile);
  const app = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  app.stdout.pipe(log);
  app.stderr.pipe(log);
  state.app = app;
  setState(state);
  const status: { exited: string | null } = { exited: null };
  app.on('exit', (code, signal) => {
    status.exited = `exited with ${signal ?? code}`;
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (status.exited) throw new Error(`The app ${status.exited} before it answered:\n${tail(logFile)}`);
    if (await healthy(baseUrl)) break;
    if (Date.now() > deadline) throw new Error(`The app did not answer in ${START_TIMEOUT_MS} ms:\n${tail(logFile)}`);
    await sleep(250);
  }
  // Don't let the app's pipes keep Jest's process alive; the teardown stops the app.
  app.unref();

  if (serverUrl) await createUsers(baseUrl, env);
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_APP_LOG = logFile;
  console.log(
    `\nSalkku e2e: ${baseUrl} on ${serverUrl ? `PostgreSQL database ${state.database}` : 'the embedded database'}`,
  );
}

/** The admin from the CLI, then a coordinator, a manager and a liaison from the admin API. */
async function createUsers(baseUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const admin = ACCOUNTS.admin;
  await promisify(execFile)(process.execPath, [CLI, 'create-admin'], {
    cwd: ROOT,
    env: {
      ...env,
      SALKKU_ADMIN_EMAIL: admin.email,
      SALKKU_ADMIN_PASSWORD: PASSWORD,
      SALKKU_ADMIN_NAME: admin.displayName,
    },
  });

  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`The admin could not sign in: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} /api${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  const organisationId = async (name: string): Promise<string> => {
    const page = await api<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      `/organisations?q=${encodeURIComponent(name.split(' ')[0] ?? name)}`,
    );
    const found = page.items.find((o) => o.name === name);
    if (!found) throw new Error(`The demo portfolio has no organisation named ${name}`);
    return found.id;
  };
  for (const account of [ACCOUNTS.coordinator, ACCOUNTS.manager, ACCOUNTS.liaison] satisfies Account[]) {
    await api('POST', '/users', {
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      organisationId: account.organisation ? await organisationId(account.organisation) : null,
      password: PASSWORD,
    });
  }
}

async function withAdminClient<T>(serverUrl: string, run: (client: ReturnType<typeof adminClient>) => Promise<T>) {
  const client = adminClient(serverUrl);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The same server and credentials as serverUrl, another database. */
function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
