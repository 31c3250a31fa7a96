#!/usr/bin/env node
// `pnpm bench:projects` — does the projects list stay smooth with 5,000 projects?
//
// Builds two scratch databases on a real PostgreSQL (BENCH_DATABASE_URL, default the local server):
// a baseline portfolio of 50 projects and one of 5,000 (with decisions, payments, milestones and
// status reports in proportion), starts the built API on each, and times the list requests the web
// app makes (a page of 50 with its total) for the views people use: the first page, sorted by name
// or health, filtered by stage or health, a free-text search, a page deep in the list.
//
// Prints p50/p95 per view at each size and the ratio 5,000 : 50 (same script, same machine, so the
// ratio is what to read on a noisy shared machine). Targets: every view's p95 at 5,000 projects
// ≤ 250 ms (the web app keeps showing the previous page while the next loads, so this is the wait
// a click feels) and the p50 ratio ≤ 10 (the cost grows far slower than the portfolio: 100× the
// projects). Exits 1 when a target is missed. Run `pnpm build` first.
import pg from 'pg';
import { createScratchDatabase, machine, percentile, signInAdmin, startApi } from './support/harness.mjs';
import { generatePortfolio } from './support/synthetic-portfolio.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = 3;
const P95_TARGET_MS = 250;
const RATIO_TARGET = 10;

const VIEWS = [
  ['first page', 'pageSize=50'],
  ['sorted by name', 'pageSize=50&sort=name'],
  ['sorted by health', 'pageSize=50&sort=-health'],
  ['stage: active', 'pageSize=50&lifecycleStatus=active'],
  ['health: at risk', 'pageSize=50&health=at_risk'],
  ['search "hanke 4"', 'pageSize=50&q=hanke%204'],
  ['page 60 (empty at 50 projects)', 'pageSize=50&page=60'],
];

async function measure(projects) {
  const db = await createScratchDatabase('salkku_bench_list');
  let api;
  try {
    api = await startApi(db.url); // runs the migrations
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const counts = await generatePortfolio(client, { projects });
    await client.end();
    const headers = await signInAdmin(api, db.url);
    const results = {};
    for (const [name, query] of VIEWS) {
      const times = [];
      let bytes = 0;
      for (let i = 0; i < WARMUP + ROUNDS; i++) {
        const started = performance.now();
        const response = await fetch(`${api.baseUrl}/api/projects?${query}`, { headers });
        const body = await response.text();
        if (!response.ok) throw new Error(`${name}: ${response.status} ${body.slice(0, 300)}`);
        if (i >= WARMUP) times.push(performance.now() - started);
        bytes = body.length;
      }
      results[name] = { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
    }
    return { counts, results };
  } finally {
    await api?.stop();
    await db.drop();
  }
}

const where = await machine();
console.log(
  `Projects list benchmark — ${where.cpus}, ${where.memory}, Node ${where.node}, PostgreSQL ${where.postgres}`,
);
console.log(`${ROUNDS} timed requests per view after ${WARMUP} warm-up requests\n`);
const baseline = await measure(50);
const large = await measure(5000);
console.log(`baseline: ${JSON.stringify(baseline.counts)}`);
console.log(`large:    ${JSON.stringify(large.counts)}\n`);

const misses = [];
const rows = VIEWS.map(([name]) => {
  const b = baseline.results[name];
  const l = large.results[name];
  const ratio = l.p50 / b.p50;
  if (l.p95 > P95_TARGET_MS) misses.push(`${name}: p95 ${l.p95.toFixed(1)} ms > ${P95_TARGET_MS} ms`);
  if (ratio > RATIO_TARGET) misses.push(`${name}: ratio ${ratio.toFixed(2)} > ${RATIO_TARGET}`);
  return {
    view: name,
    'p50 @50 (ms)': b.p50.toFixed(1),
    'p50 @5000 (ms)': l.p50.toFixed(1),
    'p95 @5000 (ms)': l.p95.toFixed(1),
    'ratio p50': ratio.toFixed(2),
    'page (kB)': (l.bytes / 1000).toFixed(1),
  };
});
console.table(rows);
if (misses.length) {
  console.error(`\nMissed targets:\n  ${misses.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nAll views: p95 ≤ ${P95_TARGET_MS} ms at 5,000 projects and p50 ratio ≤ ${RATIO_TARGET}.`);
