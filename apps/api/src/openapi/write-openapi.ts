import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildOpenApiDocument, createApp } from '../app.factory';
import { loadConfig } from '../config/config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

/**
 * Writes the API's OpenAPI document to the committed file the web app generates its types from
 * (apps/web/src/lib/api/openapi.json, or the path given as the first argument).
 *
 * It boots the real application (so the document is exactly what /api/openapi.json serves) on
 * a throw-away in-memory embedded PostgreSQL, without migrations, demo data or the web app.
 * Object keys are sorted recursively so that the file only changes when the contract does;
 * CI regenerates it and fails on any diff.
 */
const DEFAULT_OUTPUT = resolve(__dirname, '../../../web/src/lib/api/openapi.json');

/** Returns a copy of a JSON value with the keys of every object in sorted order (arrays keep theirs). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      if (source[key] !== undefined) sorted[key] = sortKeysDeep(source[key]);
    }
    return sorted;
  }
  return value;
}

async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  const embedded = await startEmbeddedPostgres(null);
  const config = {
    ...loadConfig({ LOG_LEVEL: 'warn' }),
    databaseUrl: null,
    demoData: 'never' as const,
    runMigrations: false,
    webDistDir: '/nonexistent',
  };
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
    // createApp takes over the embedded database: app.close() stops it too.
    app = await createApp(config, { url: embedded.url, poolSize: 1, embedded });
    const document = buildOpenApiDocument(app);
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify(sortKeysDeep(document), null, 2)}\n`, 'utf8');
    console.log(`Wrote the OpenAPI document to ${output}`);
  } finally {
    if (app) await app.close();
    else await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
