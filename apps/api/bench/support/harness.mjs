// The benchmarks' harness: a scratch database on a real PostgreSQL server, the built API started as
// a child process on it (as in production: node apps/api/dist/main.js), an admin signed in, and the
// child's memory read from /proc. Benchmarks never run on the embedded database (PGlite is 2-3x
// slower and single-connection; see ../shared/STACK.md), and never in `pnpm test`.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
const CLI = join(ROOT, 'apps/api/dist/database/cli.js');
export const BENCH_PASSWORD = 'Bench-password-2026!';

/** The PostgreSQL server the benchmark creates its scratch database on. */
export function serverUrl() {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates a fresh database; `drop()` removes it (call it in a finally). */
export async function createScratchDatabase(prefix) {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(serverUrl(), name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Kilobytes from /proc/<pid>/status: VmRSS now, VmHWM the peak since the process started. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

/**
 * Starts the built API on `databaseUrl` (migrations run at start; no demo data) and waits until it
 * answers. `stop()` ends it. `env` adds or overrides settings (e.g. DATABASE_POOL_SIZE).
 */
export async function startApi(databaseUrl, env = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SALKKU_DEMO_DATA: 'never',
      LOG_SQL: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== null) throw new Error(`The API exited (${exited}) before answering:\n${stderr}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The API did not answer in 120 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    pid: child.pid,
    memory: () => memoryOf(child.pid),
    async stop() {
      if (exited !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    },
  };
}

/** Creates an admin with the CLI (as an operator would) and signs in: returns the session's headers. */
export async function signInAdmin(api, databaseUrl) {
  const email = 'bench-admin@salkku.example';
  await promisify(execFile)(process.execPath, [CLI, 'create-admin'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SALKKU_ADMIN_EMAIL: email,
      SALKKU_ADMIN_PASSWORD: BENCH_PASSWORD,
      SALKKU_ADMIN_NAME: 'Bench Admin',
    },
  });
  return signIn(api.baseUrl, email, BENCH_PASSWORD);
}

/** Signs in through the API; returns the session's headers (cookie and CSRF token). */
export async function signIn(baseUrl, email, password) {
  const response = await fetch(new URL('/api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = await response.json();
  return { cookie, 'X-CSRF-Token': csrfToken };
}

/** Percentile (0-100) of a list of numbers, by nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The machine the figures come from, for the report. */
export async function machine() {
  const os = await import('node:os');
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  await client.end();
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres: rows[0].server_version,
  };
}
