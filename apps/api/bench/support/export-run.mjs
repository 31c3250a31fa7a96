// Measuring one CSV export: the API's download read to the end, the same SELECT as a bare COPY
// from this process, and the API process's memory meanwhile. Shared by `pnpm bench:export` (1M
// rows) and `pnpm bench:scale` (the national portfolio).
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const apiRequire = createRequire(join(ROOT, 'apps/api/package.json'));
const { Client } = apiRequire('pg');
const { to: copyTo } = apiRequire('pg-copy-streams');

/** Samples VmRSS of a process every 20 ms; stop() gives the peak seen and the kernel's VmHWM. */
export function sampleRss(pid) {
  const read = () => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  };
  let peak = read().rss;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, read().rss);
    } catch {
      /* the process ended */
    }
  }, 20);
  return {
    now: () => read().rss,
    stop() {
      clearInterval(timer);
      const last = read();
      return { peakMb: Math.max(peak, last.rss) / 1024, hwmMb: last.hwm / 1024 };
    },
  };
}

/**
 * Downloads an export, reading the body to the end; returns rows, bytes and seconds. Node's own
 * http client (not fetch, whose web streams cost this process more CPU than pg-copy-streams does
 * on the COPY side: the client's cost is not the API's).
 * @param {string} baseUrl @param {string} cookie @param {string} path
 */
export function httpExport(baseUrl, cookie, path) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = httpGet(`${baseUrl}${path}`, { headers: { cookie } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${path} → ${res.statusCode}`));
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({ rows: Number(res.headers['x-export-rows']), bytes, seconds });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** COPY (the same SELECT) TO STDOUT (FORMAT csv) from here, read to the end. */
export async function directCopy(databaseUrl, select) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The export's own session setting (export-runner.ts), so that both run the same plan.
    await client.query('SET jit = off');
    const started = process.hrtime.bigint();
    const stream = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT csv, DELIMITER ',')`));
    let bytes = 0;
    for await (const chunk of stream) bytes += chunk.length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { rows: stream.rowCount, bytes, seconds };
  } finally {
    await client.end();
  }
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
