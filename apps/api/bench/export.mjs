#!/usr/bin/env node
/**
 * CSV export benchmark (`pnpm bench:export`; needs `pnpm build` of shared, migrations and api,
 * which the root script does first). Never part of `pnpm test` (Jest only runs *.spec.ts and
 * *.int-spec.ts).
 *
 * 1. Creates a scratch database on BENCH_DATABASE_URL's server (default
 *    postgres://postgres@127.0.0.1:5432/postgres), migrates it, and generates a synthetic
 *    portfolio in SQL (generate_series): a small agreement with 10,000 payments and 10,000
 *    projects, and a large one with 1,000,000 payments and BENCH_LARGE_PROJECTS projects
 *    (default 1,000,000).
 * 2. For each export and size, starts a fresh API process (`node apps/api/dist/main.js`), signs in
 *    as an admin, and downloads the export BENCH_REPEAT times (default 3), reading the body to
 *    the end, while sampling the process's RSS every 20 ms (and VmHWM, the kernel's peak).
 * 3. Runs `COPY (the same query) TO STDOUT (FORMAT csv)` from this script through
 *    pg-copy-streams the same number of times: the same SELECT, built by the API's own code.
 * 4. Prints rows/s of both, their ratio (target ≥ 0.90), the API's peak RSS per size and the
 *    growth from the 10k to the 1M export (target ≤ 64 MB); exits 1 when a target is missed.
 *    The scratch database is dropped at the end (kept with BENCH_KEEP_DATABASE=1, to look into it).
 *
 * Other settings: BENCH_REPEAT (runs per case), BENCH_DATASETS (default "payments,projects"), BENCH_LARGE_ROWS (payments in the large agreement,
 * default 1,000,000), BENCH_LARGE_PROJECTS (projects in it, default the same).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { directCopy, httpExport, median, sampleRss } from './support/export-run.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const apiRequire = createRequire(join(root, 'apps/api/package.json'));
const { Client } = apiRequire('pg');
// The export's SQL exactly as the API builds it (compiled API code).
const queries = apiRequire('./dist/modules/exports/export.queries.js');
const { CellSql, CSV_PROFILES } = apiRequire('./dist/modules/exports/csv-format.js');
const { todayIso } = apiRequire('@salkku/shared');

const SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SMALL = 10_000;
const LARGE = Number(process.env.BENCH_LARGE_ROWS || 1_000_000);
const LARGE_PROJECTS = Number(process.env.BENCH_LARGE_PROJECTS || LARGE);
const REPEAT = Number(process.env.BENCH_REPEAT || 3);
const TARGET_RATIO = 0.9;
const TARGET_GROWTH_MB = 64;
const ADMIN = { email: 'bench-admin@salkku.example', password: 'Bench-salasana-2026-pitka' };
const PROFILE = 'standard';
const LANG = 'en';

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function sql(url, text, params = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

function log(message) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Generates the synthetic portfolio of one agreement in SQL. */
async function generate(url, { label, projects, payments, decisions }) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ id: cityId }] = (
      await client.query(`INSERT INTO organisations (name, kind) VALUES ($1, 'city') RETURNING id`, [
        `${label}kaupunki`,
      ])
    ).rows;
    const [{ id: leadId }] = (
      await client.query(`INSERT INTO organisations (name, kind) VALUES ($1, 'university') RETURNING id`, [
        `${label}-yliopisto`,
      ])
    ).rows;
    const [{ id: agreementId }] = (
      await client.query(`INSERT INTO agreements (city_id, title) VALUES ($1, $2) RETURNING id`, [
        cityId,
        `${label} ekosysteemisopimus`,
      ])
    ).rows;
    const [{ id: areaId }] = (
      await client.query(
        `INSERT INTO priority_areas (agreement_id, name_fi, name_sv, name_en) VALUES ($1, 'Vesi', 'Vatten', 'Water') RETURNING id`,
        [agreementId],
      )
    ).rows;
    await client.query(
      `INSERT INTO projects (priority_area_id, code, name, kind, lead_organisation_id, planned_start, planned_end,
                             lifecycle_status, total_budget)
       SELECT $1, $2 || '-' || g,
              CASE WHEN g % 1000 = 0 THEN '=Hanke ' ELSE 'Hanke ' END || g || CASE WHEN g % 7 = 0 THEN '; "pilotti"' ELSE '' END,
              (CASE WHEN g % 10 = 0 THEN 'launch' ELSE 'other' END)::project_kind, $3,
              DATE '2021-01-01' + g % 1000, DATE '2025-01-01' + g % 1000,
              (ARRAY['planned', 'active', 'on_hold', 'completed', 'cancelled'])[1 + g % 5]::lifecycle_status,
              (g % 100000) * 10.5
       FROM generate_series(1, $4::int) g`,
      [areaId, label, leadId, projects],
    );
    await client.query(
      `INSERT INTO funding_decisions (agreement_id, project_id, funder_id, recipient_id, instrument, status,
                                      amount_granted, decision_date, record_number, decision_body)
       SELECT $1, p.id, $2, $3, 'akke', 'granted', 1000000000, DATE '2022-01-01' + (p.n % 500)::int, '§' || p.n,
              'Kaupunginhallitus'
       FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM projects WHERE priority_area_id = $4
             ORDER BY code LIMIT $5::int) p`,
      [agreementId, cityId, leadId, areaId, decisions],
    );
    await client.query(
      `WITH d AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS i FROM funding_decisions WHERE agreement_id = $1)
       INSERT INTO payments (funding_decision_id, paid_on, amount, note)
       SELECT d.id, DATE '2022-01-01' + g % 1500, (g % 90000 + 100) / 100.0,
              CASE WHEN g % 10 = 0 THEN 'Erä ' || g || '; "huom"' ELSE 'Erä ' || g END
       FROM generate_series(0, $2::int - 1) g JOIN d ON d.i = g % $3::int`,
      [agreementId, payments, decisions],
    );
    // Every tenth project has a status report and an (overdue) milestone, for the summary columns.
    await client.query(
      `INSERT INTO status_reports (project_id, reporting_date, health, lifecycle_status, summary, author)
       SELECT id, DATE '2025-01-31', 'at_risk', lifecycle_status, 'Tilanne', 'Bench'
       FROM projects WHERE priority_area_id = $1 AND code ~ '0$'`,
      [areaId],
    );
    await client.query(
      `INSERT INTO milestones (project_id, title, due_date)
       SELECT id, 'Välitavoite', DATE '2024-06-30' FROM projects WHERE priority_area_id = $1 AND code ~ '0$'`,
      [areaId],
    );
    return { agreementId };
  } finally {
    await client.end();
  }
}

async function startApi(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_DIST_DIR: '/nonexistent',
      SALKKU_DEMO_DATA: 'never',
      SALKKU_ADMIN_EMAIL: ADMIN.email,
      SALKKU_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 300 || child.exitCode !== null) throw new Error('The API did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    child,
    base,
    cookie,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function main() {
  const name = `salkku_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(SERVER_URL, name);
  const adminUrl = withDatabase(SERVER_URL, 'postgres');
  await sql(adminUrl, `CREATE DATABASE ${name}`);
  let dropped = false;
  const drop = async () => {
    if (process.env.BENCH_KEEP_DATABASE) {
      log(`kept the scratch database: ${databaseUrl}`);
      return;
    }
    if (dropped) return;
    dropped = true;
    await sql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  process.once('SIGINT', () => void drop().finally(() => process.exit(130)));
  const failures = [];
  try {
    log(`scratch database ${name}; migrating`);
    await run(process.execPath, ['apps/api/dist/database/cli.js', 'run'], { DATABASE_URL: databaseUrl });
    log(
      `generating: small (${SMALL} payments, ${SMALL} projects), large (${LARGE} payments, ${LARGE_PROJECTS} projects)`,
    );
    const small = await generate(databaseUrl, { label: 'PIENI', projects: SMALL, payments: SMALL, decisions: 1000 });
    const large = await generate(databaseUrl, {
      label: 'SUURI',
      projects: LARGE_PROJECTS,
      payments: LARGE,
      decisions: Math.min(10_000, LARGE_PROJECTS),
    });
    await sql(databaseUrl, 'VACUUM ANALYZE');
    const [{ server_version: version }] = await sql(databaseUrl, 'SHOW server_version');

    // The export as the system actor (every city) builds it: the same SELECT as the admin's download.
    const actor = apiRequire('./dist/common/actor.js').SYSTEM_ACTOR;
    const cell = new CellSql(CSV_PROFILES[PROFILE]);
    const ctx = { dataSource: null, actor, lang: LANG, cell, today: todayIso('Europe/Helsinki') };
    const only = (process.env.BENCH_DATASETS || 'payments,projects').split(',');
    const cases = [
      { dataset: 'payments', size: SMALL, agreementId: small.agreementId, build: queries.paymentsExport },
      { dataset: 'payments', size: LARGE, agreementId: large.agreementId, build: queries.paymentsExport },
      { dataset: 'projects', size: SMALL, agreementId: small.agreementId, build: queries.projectsExport },
      { dataset: 'projects', size: LARGE_PROJECTS, agreementId: large.agreementId, build: queries.projectsExport },
    ].filter((c) => only.includes(c.dataset));
    const results = [];
    for (const c of cases) {
      const select = c.build(ctx, { agreementId: c.agreementId }).select;
      const path = `/api/exports/${c.dataset}.csv?agreementId=${c.agreementId}&profile=${PROFILE}&lang=${LANG}`;
      log(`${c.dataset} ${c.size}: fresh API process`);
      const api = await startApi(databaseUrl);
      const rss = sampleRss(api.child.pid);
      const idleMb = rss.now() / 1024;
      const http = [];
      const copy = [];
      let rows = 0;
      let bytes = 0;
      let memory;
      try {
        for (let i = 0; i < REPEAT; i++) {
          const h = await httpExport(api.base, api.cookie, path);
          const d = await directCopy(databaseUrl, select);
          if (h.rows !== d.rows)
            failures.push(`${c.dataset} ${c.size}: HTTP announced ${h.rows} rows, COPY gave ${d.rows}`);
          rows = d.rows;
          bytes = h.bytes;
          http.push(h.rows / h.seconds);
          copy.push(d.rows / d.seconds);
          log(
            `  run ${i + 1}: HTTP ${(h.rows / h.seconds).toFixed(0)} rows/s (${h.seconds.toFixed(2)} s), COPY ${(d.rows / d.seconds).toFixed(0)} rows/s (${d.seconds.toFixed(2)} s)`,
          );
        }
      } finally {
        memory = rss.stop();
        await api.stop();
      }
      results.push({ ...c, rows, bytes, http: median(http), copy: median(copy), idleMb, ...memory });
    }

    const line = (cells) => `| ${cells.join(' | ')} |`;
    console.log(`\nSalkku CSV export benchmark — ${new Date().toISOString()}`);
    console.log(
      `Node ${process.version}, PostgreSQL ${version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    );
    console.log(
      `profile ${PROFILE}, median of ${REPEAT} runs; HTTP = the API's export read to the end; COPY = the same SELECT, COPY … TO STDOUT from this script\n`,
    );
    console.log(
      line(['export', 'rows', 'MB', 'HTTP rows/s', 'COPY rows/s', 'ratio', 'API RSS idle MB', 'API peak RSS MB']),
    );
    console.log(line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const r of results) {
      const ratio = r.http / r.copy;
      if (ratio < TARGET_RATIO) failures.push(`${r.dataset} ${r.rows}: ratio ${ratio.toFixed(2)} < ${TARGET_RATIO}`);
      console.log(
        line([
          r.dataset,
          r.rows.toLocaleString('en'),
          (r.bytes / 2 ** 20).toFixed(1),
          Math.round(r.http).toLocaleString('en'),
          Math.round(r.copy).toLocaleString('en'),
          ratio.toFixed(2),
          r.idleMb.toFixed(1),
          r.hwmMb.toFixed(1),
        ]),
      );
    }
    console.log('');
    for (const dataset of ['payments', 'projects']) {
      const [a, b] = results.filter((r) => r.dataset === dataset);
      if (!a || !b) continue;
      const growth = b.hwmMb - a.hwmMb;
      console.log(
        `${dataset}: peak RSS ${b.rows.toLocaleString('en')} rows − ${a.rows.toLocaleString('en')} rows = ${growth.toFixed(1)} MB (target ≤ ${TARGET_GROWTH_MB} MB)`,
      );
      if (growth > TARGET_GROWTH_MB)
        failures.push(`${dataset}: RSS growth ${growth.toFixed(1)} MB > ${TARGET_GROWTH_MB} MB`);
    }
  } finally {
    await drop();
  }
  if (failures.length > 0) {
    console.log(`\nMISSED:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nAll targets met.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
