import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import type { ResolvedDatabase } from '../../src/database/database-url';
import type { SqlLogger } from '../../src/database/sql-logger';

/**
 * A real Salkku app for one test file, on a database of its own:
 * - with TEST_DATABASE_URL (or DATABASE_URL) set: a fresh database created on that PostgreSQL
 *   server and dropped afterwards;
 * - otherwise: an in-memory embedded PostgreSQL (PGlite).
 * Migrations run at boot, exactly as in production. Demo data is not loaded unless asked.
 */
export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  dataSource: DataSource;
  /** SQL statements the app has sent so far (for the statement-count bound). */
  statements(): number;
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestApp(options: { demo?: boolean } = {}): Promise<TestApp> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
  let database: ResolvedDatabase;
  let dropDatabase: (() => Promise<void>) | null = null;
  if (serverUrl) {
    const name = `salkku_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    database = { url: withDatabase(serverUrl, name), poolSize: 5, embedded: null };
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const embedded = await startEmbeddedPostgres(null);
    database = { url: embedded.url, poolSize: 1, embedded };
  }
  const config = {
    ...loadConfig({}),
    databaseUrl: database.embedded ? null : database.url,
    demoData: options.demo ? ('always' as const) : ('never' as const),
    webDistDir: '/nonexistent',
  };
  let app: INestApplication;
  try {
    app = await createApp(config, database);
  } catch (error) {
    await database.embedded?.stop();
    await dropDatabase?.();
    throw error;
  }
  const dataSource = app.get(DataSource);
  const logger = dataSource.logger as SqlLogger;
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource,
    statements: () => logger.statementCount,
    async close() {
      await app.close();
      await dropDatabase?.();
    },
  };
}

/** Runs `fn` and returns how many SQL statements the app sent meanwhile, with fn's result. */
export async function countStatements<T>(t: TestApp, fn: () => Promise<T>): Promise<{ count: number; result: T }> {
  const before = t.statements();
  const result = await fn();
  return { count: t.statements() - before, result };
}

/** Row count of a table, straight from the database (to prove a rejected write changed nothing). */
export async function rowCount(t: TestApp, table: string): Promise<number> {
  const [row] = await t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? 0;
}
