#!/usr/bin/env node
// The JavaScript the browser downloads before the web app can start, gzipped: the entry script of
// apps/web/dist/index.html, its modulepreload links, and every chunk those import statically
// (the browser fetches those too). Chunks reached only through import() are lazy: listed apart,
// not counted. Exits 1 when the initial total is above the budget (200 kB; kB = 1000 bytes, as
// Vite reports sizes). Run after `pnpm build`:
//
//   node scripts/bundle-size.mjs [--max-kb=200] [path/to/dist]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const maxKb = Number(args.find((a) => a.startsWith('--max-kb='))?.slice('--max-kb='.length) ?? 200);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'apps/web/dist'));
const indexFile = join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`${relative(process.cwd(), indexFile)} not found: run pnpm build first`);
  process.exit(2);
}
if (!Number.isFinite(maxKb) || maxKb <= 0) {
  console.error('--max-kb must be a positive number');
  process.exit(2);
}

const html = readFileSync(indexFile, 'utf8');
const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
const local = (url) => !/^([a-z]+:)?\/\//i.test(url); // not another origin

/** dist-relative path ("assets/index-x.js") of a URL in index.html (base "/"). */
const fromHtml = (url) => posix.normalize(url.replace(/^\//, '').split(/[?#]/)[0]);

const initialFiles = []; // [file, how it is loaded]
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attr(tag, 'src');
  if (src && local(src)) initialFiles.push([fromHtml(src), 'entry script']);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const href = attr(tag, 'href');
  if (href && local(href) && /^modulepreload$/i.test(attr(tag, 'rel') ?? '')) {
    initialFiles.push([fromHtml(href), 'modulepreload']);
  }
}
if (initialFiles.length === 0) {
  console.error(`${relative(process.cwd(), indexFile)} loads no script`);
  process.exit(2);
}

// Static imports: import x from "./a.js", import{a}from"./a.js", import"./a.js" (not import("…")).
const STATIC_IMPORT = /(?:^|[^\w$.])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
const why = new Map(); // file -> how it is loaded initially
const queue = [...initialFiles];
while (queue.length) {
  const [file, reason] = queue.shift();
  if (why.has(file)) continue;
  why.set(file, reason);
  const path = join(dist, file);
  if (!existsSync(path)) {
    console.error(`index.html refers to ${file}, which is not in ${relative(process.cwd(), dist)}`);
    process.exit(2);
  }
  for (const [, spec] of readFileSync(path, 'utf8').matchAll(STATIC_IMPORT)) {
    if (!local(spec)) continue;
    const target = spec.startsWith('/') ? fromHtml(spec) : posix.normalize(posix.join(posix.dirname(file), spec));
    if (!why.has(target)) queue.push([target, `imported by ${posix.basename(file)}`]);
  }
}

const size = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const allJs = (function walk(dir) {
  return readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = dir ? `${dir}/${d.name}` : d.name;
    if (d.isDirectory()) return walk(rel);
    return d.name.endsWith('.js') ? [rel] : [];
  });
})('');
const initial = [...why.keys()].map(size);
const lazy = allJs
  .filter((f) => !why.has(f))
  .map(size)
  .sort((a, b) => b.gzip - a.gzip);

const kb = (bytes) => (bytes / 1000).toFixed(2);
const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);
function table(title, rows, note) {
  const width = Math.max(28, ...rows.map((r) => r.file.length));
  console.log(`\n${title}`);
  console.log(`  ${'file'.padEnd(width)}  ${'raw kB'.padStart(9)}  ${'gzip kB'.padStart(9)}${note ? '  loaded' : ''}`);
  for (const r of rows) {
    console.log(
      `  ${r.file.padEnd(width)}  ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(9)}${note ? `  ${note(r)}` : ''}`,
    );
  }
  console.log(`  ${'total'.padEnd(width)}  ${kb(sum(rows, 'raw')).padStart(9)}  ${kb(sum(rows, 'gzip')).padStart(9)}`);
}

table('Initial JavaScript (entry, modulepreload and their static imports)', initial, (r) => why.get(r.file));
if (lazy.length) table('Lazy chunks (import(); not counted)', lazy);
else console.log('\nLazy chunks: none (no route is split off yet)');

const total = sum(initial, 'gzip');
const verdict = total <= maxKb * 1000 ? 'within' : 'OVER';
console.log(`\nInitial JavaScript, gzipped: ${kb(total)} kB (${verdict} the budget of ${maxKb} kB)`);
process.exit(total <= maxKb * 1000 ? 0 : 1);
