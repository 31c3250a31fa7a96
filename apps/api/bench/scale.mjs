#!/usr/bin/env node
// `pnpm bench:scale` — does Salkku cost what a page costs, not what the portfolio costs, at
// national scale? (issue 11)
//
// Builds two scratch databases on a real PostgreSQL (BENCH_DATABASE_URL, default the local server)
// with the deterministic synthetic generator (support/synthetic-portfolio.mjs):
//   national: 50 agreements (the largest holding 5,000 projects), 20,000 projects, 60,000 funding
//             decisions, 100,000 payments, 200,000 milestones, 200,000 status reports;
//   small:    the same shape with 200 projects (the baseline of the list's ratio).
// Starts the built API on each (as in production: node apps/api/dist/main.js, NODE_ENV=production,
// pool of 10), signs in as an admin, and measures every target of the issue:
//   - dashboard (one agreement, all agreements), national report, the largest agreement's report for
//     the current year: p95 of sequential requests after warm-up;
//   - the projects list in every view the web app offers (each sort both ways, each filter, search,
//     a deep page) and a project's detail: p95, and the list's p50 at 20,000 vs at 200 projects;
//   - throughput of the list under 10 concurrent clients against a bare node:http + pg server that
//     runs the same statements (the API's own compiled SQL) on a pool of the same size;
//   - statements per request (an API started with LOG_SQL counts them), the same at both sizes;
//   - CSV exports (projects, payments) at ≥ 90 % of COPY's rows/s and the API's memory growth;
//   - the web dashboard's JavaScript and Largest Contentful Paint in headless Chromium.
// Prints one table with each figure and its target and exits 1 on a miss. Run `pnpm build` first
// (the root script does). Settings: BENCH_ROUNDS (timed requests per case, default 40),
// BENCH_SCALE (multiplies the national portfolio, e.g. 0.1 for a quick look; the targets are for 1),
//   - indicator results (issue 12): a project's, the largest agreement's (by area, per period), the
//     national view and the dashboard strip, over 1.2 million values, with their statements;
// BENCH_SKIP (comma list of sections to leave out: list,throughput,statements,exports,web,indicators),
// BENCH_KEEP_DATABASE=1 keeps the scratch databases.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { ROOT, createScratchDatabase, machine, percentile, signInAdmin, startApi } from './support/harness.mjs';
import { directCopy, httpExport, median, sampleRss } from './support/export-run.mjs';
import { generatePortfolio } from './support/synthetic-portfolio.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARMUP = 5;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const CONCURRENCY = 10;
const THROUGHPUT_SECONDS = 5;
/** Requests/s of the name-sorted list with 10 clients at 20,000 projects before issue 11 (docs/PERFORMANCE.md). */
const NAME_SORTED_RPS_BEFORE = 14;

const apiRequire = createRequire(join(ROOT, 'apps/api/package.json'));
const shared = apiRequire('@salkku/shared');

const round = (n) => Math.round(n * SCALE);
const NATIONAL = {
  cities: 50,
  areasPerAgreement: 3,
  organisations: 400,
  projects: round(20_000),
  largestAgreementProjects: round(5_000),
  decisionsPerProject: 3,
  payments: round(100_000),
  milestonesPerProject: 10,
  reportsPerProject: 10,
  // Issue 12: 10 indicators × 20,000 projects × 6 years of values, with targets, and participants.
  indicators: 10,
  indicatorPeriods: 6,
  participantsPerProject: 5,
};
const SMALL = {
  ...NATIONAL,
  cities: 5,
  organisations: 40,
  projects: 200,
  largestAgreementProjects: 50,
  payments: 1_000,
};

const log = (message) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

/** A portfolio in a scratch database, the API on it, an admin signed in. */
async function portfolio(label, size) {
  const db = await createScratchDatabase(`salkku_bench_scale_${label}`);
  const api = await startApi(db.url, { NODE_ENV: 'production', WEB_DIST_DIR: join(ROOT, 'apps/web/dist') });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  log(`${label}: generating ${JSON.stringify(size)}`);
  const counts = await generatePortfolio(client, size);
  await client.query('VACUUM ANALYZE');
  const { rows: agreements } = await client.query(`
    SELECT a.id, count(p.id)::int AS projects
    FROM agreements a JOIN priority_areas pa ON pa.agreement_id = a.id LEFT JOIN projects p ON p.priority_area_id = pa.id
    GROUP BY a.id ORDER BY projects DESC, a.id LIMIT 1`);
  const largest = agreements[0].id;
  const { rows: refs } = await client.query(
    `SELECT (SELECT pa.id FROM priority_areas pa WHERE pa.agreement_id = $1 ORDER BY pa.id LIMIT 1) AS area,
            (SELECT p.lead_organisation_id FROM projects p ORDER BY p.code LIMIT 1) AS lead,
            (SELECT p.id FROM projects p ORDER BY p.code OFFSET (SELECT count(*) / 2 FROM projects) LIMIT 1) AS project`,
    [largest],
  );
  await client.end();
  const headers = await signInAdmin(api, db.url);
  log(`${label}: ${JSON.stringify(counts)}`);
  return { label, db, api, headers, counts, largest, ...refs[0] };
}

async function get(p, path) {
  const response = await fetch(`${p.api.baseUrl}${path}`, { headers: p.headers });
  const body = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
  return body;
}

/** p50/p95 (ms) of sequential requests after warm-up. */
async function timed(p, path) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const started = performance.now();
    bytes = (await get(p, path)).length;
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

/** The views of the projects list the web app offers (its page size, each sort, each filter). */
function listViews(p) {
  const size = shared.DEFAULT_PAGE_SIZE;
  const base = `/api/projects?pageSize=${size}`;
  const deepPage = Math.max(2, Math.floor(p.counts.projects / size / 2));
  return [
    ['list: first page', base],
    ...['code', 'name', 'plannedStart', 'plannedEnd', 'lifecycleStatus', 'health', 'updatedAt'].flatMap((key) => [
      [`list: sort ${key}`, `${base}&sort=${key}`],
      [`list: sort -${key}`, `${base}&sort=-${key}`],
    ]),
    ['list: agreement (largest)', `${base}&agreementId=${p.largest}`],
    ['list: priority area', `${base}&priorityAreaId=${p.area}`],
    ['list: stage active', `${base}&lifecycleStatus=active`],
    ...['on_track', 'at_risk', 'off_track', 'none'].map((h) => [`list: health ${h}`, `${base}&health=${h}`]),
    ['list: lead organisation', `${base}&leadOrganisationId=${p.lead}`],
    ['list: kind launch', `${base}&kind=launch`],
    ['list: search "hanke 4"', `${base}&q=hanke%204`],
    ['list: search + health, by name', `${base}&q=hanke%201&health=at_risk&sort=name`],
    ['list: deep page (middle)', `${base}&page=${deepPage}`],
  ];
}

/** Requests/s of `path` with `clients` concurrent clients for `seconds`. */
async function throughput(baseUrl, headers, path, clients = CONCURRENCY, seconds = THROUGHPUT_SECONDS) {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const client = async () => {
    while (performance.now() < end) {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      done++;
    }
  };
  // Warm-up, then the timed run.
  await Promise.all(
    Array.from({ length: clients }, () => fetch(`${baseUrl}${path}`, { headers }).then((r) => r.arrayBuffer())),
  );
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  return done / ((performance.now() - started) / 1000);
}

/**
 * A bare node:http + pg server that answers the list as the API does, with the same statements:
 * the session lookup, then the page built by the API's own compiled query module (and read with
 * its readPage). With `gzip` it compresses its answer as the API does (level 1, when the client
 * accepts gzip, as browsers and fetch do), so both send the same bytes. What it leaves out —
 * NestJS, validation, the response DTO, the request log — is the framework's cost.
 */
async function bareServer(databaseUrl, cookie, { gzip }) {
  const { SESSION_LOOKUP_SQL } = apiRequire('./dist/modules/auth/sessions.service.js');
  const { projectPage } = apiRequire('./dist/modules/projects/project.queries.js');
  const { readPage } = apiRequire('./dist/persistence/sql.js');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const db = { query: (sql, params) => pool.query(sql, params).then((r) => r.rows) };
  const token = /salkku_session=([^;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error('no session cookie to replay');
  const tokenHash = createHash('sha256').update(decodeURIComponent(token)).digest('hex');
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const [session] = await db.query(SESSION_LOOKUP_SQL, [tokenHash, 480]);
      if (!session) throw new Error('session not found');
      const q = Object.fromEntries(url.searchParams);
      const paging = { page: Number(q.page ?? 1), pageSize: Number(q.pageSize ?? 25) };
      const actor = { id: session.user_id, role: session.role, cityId: null, organisationId: null, permissions: [] };
      const today = shared.todayIso('Europe/Helsinki');
      const { rows, total } = await readPage(db, paging, projectPage(actor, q, q.sort, paging, today));
      const body = JSON.stringify({ items: rows, total, ...paging });
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && body.length >= 1024) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        res.end(gzipSync(body, { level: 1 }));
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(body);
      }
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

/**
 * Statements each request sends (the session lookup not counted): an API started with LOG_SQL logs
 * every statement; the requests are sent one by one and the log lines between them counted.
 */
async function statementCounts(p, paths) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: p.db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_SQL: 'true',
      SALKKU_DEMO_DATA: 'never',
      WEB_DIST_DIR: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 600) throw new Error(`The API with LOG_SQL did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const counts = {};
  try {
    for (const [name, path] of paths) {
      await new Promise((r) => setTimeout(r, 50));
      const before = output.length;
      const response = await fetch(`${baseUrl}${path}`, { headers: p.headers });
      await response.arrayBuffer();
      await new Promise((r) => setTimeout(r, 100));
      const lines = output
        .slice(before)
        .split('\n')
        .filter((line) => /\bSQL\b/.test(line) && /\b(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(line));
      counts[name] = lines.filter((line) => !line.includes('salkku:session')).length;
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  return counts;
}

// -------------------------------------------------------------------------------------------------

const results = []; // { figure, value, target, ok }
const record = (figure, value, target, ok) => {
  results.push({ figure, value, target, ok });
  log(`${ok ? 'ok  ' : 'MISS'} ${figure}: ${value} (target ${target})`);
};
const ms = (n) => `${n.toFixed(1)} ms`;

const where = await machine();
log(`${where.cpus}, ${where.memory}, Node ${where.node}, PostgreSQL ${where.postgres}; scale ${SCALE}`);
const small = await portfolio('small', SMALL);
const national = await portfolio('national', NATIONAL);
try {
  const year = shared.todayIso('Europe/Helsinki').slice(0, 4);
  const pages = [
    ['dashboard: one agreement (largest)', `/api/dashboard?agreementId=${national.largest}`, 50],
    ['dashboard: all agreements', '/api/dashboard', 50],
    ['national report (current year)', '/api/reports/national', 50],
    [`largest agreement's report (${year})`, `/api/reports/agreements/${national.largest}`, 150],
    ['project detail', `/api/projects/${national.project}`, 30],
  ];
  for (const [name, path, target] of pages) {
    const t = await timed(national, path);
    record(
      `${name} p95`,
      `${ms(t.p95)} (p50 ${ms(t.p50)}, ${(t.bytes / 1000).toFixed(0)} kB)`,
      `≤ ${target} ms`,
      t.p95 <= target,
    );
  }

  if (!SKIP.has('list')) {
    const smallViews = new Map(listViews(small));
    for (const [name, path] of listViews(national)) {
      const l = await timed(national, path);
      const s = await timed(small, smallViews.get(name));
      const ratio = l.p50 / s.p50;
      record(
        `${name} p95`,
        `${ms(l.p95)} (p50 ${ms(l.p50)} vs ${ms(s.p50)} at 200: ×${ratio.toFixed(2)})`,
        '≤ 30 ms, p50 ≤ 2× @200',
        l.p95 <= 30 && ratio <= 2,
      );
    }
  }

  if (!SKIP.has('indicators')) {
    // Issue 12: results computed from 10 indicators × 20,000 projects × 6 years, 100,000 participants.
    const cases = (p) => [
      ['indicators: a project', `/api/indicator-results/projects/${p.project}`, 30],
      ['indicators: largest agreement', `/api/indicator-results/agreements/${p.largest}`, 150],
      ['indicators: national view', '/api/indicator-results/national', 150],
      ['indicators: dashboard strip, all agreements', '/api/indicator-results/summary', 50],
    ];
    const smallCases = new Map(cases(small).map(([name, path]) => [name, path]));
    for (const [name, path, target] of cases(national)) {
      const l = await timed(national, path);
      const s = await timed(small, smallCases.get(name));
      record(
        `${name} p95`,
        `${ms(l.p95)} (p50 ${ms(l.p50)} vs ${ms(s.p50)} at 200, ${(l.bytes / 1000).toFixed(0)} kB)`,
        `≤ ${target} ms`,
        l.p95 <= target,
      );
    }
  }

  if (!SKIP.has('throughput')) {
    const bare = await bareServer(national.db.url, national.headers.cookie, { gzip: true });
    const plain = await bareServer(national.db.url, national.headers.cookie, { gzip: false });
    try {
      for (const [name, query] of [
        ['first page', `pageSize=${shared.DEFAULT_PAGE_SIZE}`],
        ['sorted by name', `pageSize=${shared.DEFAULT_PAGE_SIZE}&sort=name`],
      ]) {
        const api = await throughput(national.api.baseUrl, national.headers, `/api/projects?${query}`);
        const raw = await throughput(bare.baseUrl, {}, `/?${query}`);
        const rawPlain = await throughput(plain.baseUrl, {}, `/?${query}`);
        const share = api / raw;
        record(
          `list ${name}, ${CONCURRENCY} clients: API vs bare node:http + pg (both gzip)`,
          `${api.toFixed(0)} vs ${raw.toFixed(0)} req/s (${(share * 100).toFixed(0)} %; bare without gzip ${rawPlain.toFixed(0)}, ${((100 * api) / rawPlain).toFixed(0)} %)`,
          '≥ 75 %',
          share >= 0.75,
        );
        if (name === 'sorted by name') {
          record(
            `list sorted by name, ${CONCURRENCY} clients, vs before issue 11`,
            `${api.toFixed(0)} req/s (${(api / NAME_SORTED_RPS_BEFORE).toFixed(1)}× ${NAME_SORTED_RPS_BEFORE})`,
            `≥ 5× ${NAME_SORTED_RPS_BEFORE} req/s`,
            api >= 5 * NAME_SORTED_RPS_BEFORE,
          );
        }
      }
    } finally {
      await bare.stop();
      await plain.stop();
    }
  }

  if (!SKIP.has('statements')) {
    const paths = (p) => [
      ['list', `/api/projects?pageSize=25&sort=name`],
      ['list, filtered by health', `/api/projects?pageSize=25&health=at_risk`],
      ['detail', `/api/projects/${p.project}`],
      ['dashboard', '/api/dashboard'],
      ['dashboard, one agreement', `/api/dashboard?agreementId=${p.largest}`],
      ['national report', '/api/reports/national'],
      ['agreement report', `/api/reports/agreements/${p.largest}`],
      ...(SKIP.has('indicators')
        ? []
        : [
            ['indicators: project', `/api/indicator-results/projects/${p.project}`],
            ['indicators: agreement', `/api/indicator-results/agreements/${p.largest}`],
            ['indicators: national', '/api/indicator-results/national'],
            ['indicators: summary', '/api/indicator-results/summary'],
          ]),
    ];
    const atSmall = await statementCounts(small, paths(small));
    const atNational = await statementCounts(national, paths(national));
    for (const [name] of paths(national)) {
      const limit = name.startsWith('list') || name === 'detail' ? 2 : null;
      const ok =
        atSmall[name] === atNational[name] && atNational[name] > 0 && (limit === null || atNational[name] <= limit);
      record(
        `statements: ${name}`,
        `${atNational[name]} (at 200: ${atSmall[name]})`,
        limit ? `≤ ${limit}, same at both sizes` : 'same at both sizes',
        ok,
      );
    }
  }

  if (!SKIP.has('exports')) {
    const queries = apiRequire('./dist/modules/exports/export.queries.js');
    const { CellSql, CSV_PROFILES } = apiRequire('./dist/modules/exports/csv-format.js');
    // The export as the system actor (every city) builds it: the same SELECT as the admin's download.
    const actor = apiRequire('./dist/common/actor.js').SYSTEM_ACTOR;
    const ctx = {
      dataSource: null,
      actor,
      lang: 'en',
      cell: new CellSql(CSV_PROFILES.standard),
      today: shared.todayIso('Europe/Helsinki'),
    };
    const rss = sampleRss(national.api.pid);
    const idleMb = rss.now() / 1024;
    for (const [dataset, build] of [
      ['projects', queries.projectsExport],
      ['payments', queries.paymentsExport],
    ]) {
      const select = build(ctx, {}).select;
      const http = [];
      const copy = [];
      let rows = 0;
      for (let i = 0; i < 3; i++) {
        const h = await httpExport(
          national.api.baseUrl,
          national.headers.cookie,
          `/api/exports/${dataset}.csv?profile=standard&lang=en`,
        );
        const d = await directCopy(national.db.url, select);
        if (h.rows !== d.rows) throw new Error(`${dataset}: HTTP announced ${h.rows} rows, COPY gave ${d.rows}`);
        rows = d.rows;
        http.push(h.rows / h.seconds);
        copy.push(d.rows / d.seconds);
      }
      const ratio = median(http) / median(copy);
      record(
        `export ${dataset} (${rows.toLocaleString('en')} rows): API vs COPY`,
        `${median(http).toFixed(0)} vs ${median(copy).toFixed(0)} rows/s (${ratio.toFixed(2)})`,
        '≥ 0.90',
        ratio >= 0.9,
      );
    }
    const memory = rss.stop();
    const growth = memory.peakMb - idleMb;
    record(
      'exports: API memory, peak − before',
      `+${growth.toFixed(1)} MB (${idleMb.toFixed(0)} → ${memory.peakMb.toFixed(0)} MB)`,
      '≤ +64 MB',
      growth <= 64,
    );
  }

  if (!SKIP.has('web')) {
    const { measureDashboardWeb } = await import('./support/web-dashboard.mjs');
    const web = await measureDashboardWeb({ baseUrl: national.api.baseUrl, headers: national.headers });
    record(
      'web dashboard: all JavaScript it downloads (initial + every lazy chunk, charts included), gzipped',
      `${web.totalKb.toFixed(1)} kB (initial ${web.initialKb.toFixed(1)})`,
      '≤ 200 kB',
      web.totalKb <= 200,
    );
    record(
      `web dashboard LCP (${web.lcp.element})`,
      `p95 ${ms(web.lcp.p95)} (p50 ${ms(web.lcp.p50)})`,
      '≤ 1000 ms',
      web.lcp.p95 <= 1000,
    );
  }
} finally {
  for (const p of [small, national]) {
    await p.api.stop();
    if (process.env.BENCH_KEEP_DATABASE) log(`kept ${p.db.url}`);
    else await p.db.drop();
  }
}

console.log(`\nSalkku at national scale — ${new Date().toISOString()}`);
console.log(`${where.cpus}, ${where.memory}, Node ${where.node}, PostgreSQL ${where.postgres}`);
console.log(`national: ${JSON.stringify(national.counts)}`);
console.log(`small:    ${JSON.stringify(small.counts)}`);
console.log(`${ROUNDS} timed requests per case after ${WARMUP} warm-up requests\n`);
console.log('| figure | measured | target | |');
console.log('| --- | --- | --- | --- |');
for (const r of results) console.log(`| ${r.figure} | ${r.value} | ${r.target} | ${r.ok ? 'met' : '**missed**'} |`);
const missed = results.filter((r) => !r.ok);
if (missed.length) {
  console.log(`\n${missed.length} of ${results.length} targets missed.`);
  process.exit(1);
}
console.log(`\nAll ${results.length} targets met.`);
