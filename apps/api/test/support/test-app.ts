import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { Role } from '@salkku/shared';
import { createApp } from '../../src/app.factory';
import { SYSTEM_ACTOR, type Actor } from '../../src/common/actor';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import type { ResolvedDatabase } from '../../src/database/database-url';
import type { SqlLogger } from '../../src/persistence/sql-logger';
import { actorOf } from '../../src/modules/auth/sessions.service';
import { UsersService } from '../../src/modules/users/users.service';

/**
 * A real Salkku app for one test file, on a database of its own:
 * - with TEST_DATABASE_URL (or DATABASE_URL) set: a fresh database created on that PostgreSQL
 *   server and dropped afterwards;
 * - otherwise: an in-memory embedded PostgreSQL (PGlite).
 * Migrations run at boot, exactly as in production. Demo data is not loaded unless asked.
 */
export interface TestApp {
  app: INestApplication;
  /** Signed in as an admin (every city); sends the session cookie and the CSRF header. */
  http: TestAgent;
  /** No session at all. */
  anonymous: TestAgent;
  dataSource: DataSource;
  /** The database's URL on TEST_DATABASE_URL's server (null on the embedded PostgreSQL). */
  databaseUrl: string | null;
  /** A new user of the role, signed in. Coordinators and managers need their city's organisation id. */
  as(role: Role, options?: { cityId?: string; email?: string; displayName?: string }): Promise<TestAgent>;
  /** SQL statements the app has sent for request data so far (the session check not counted). */
  statements(): number;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Testi-salasana-2026';
let userSequence = 0;

/** Creates a user straight in the database (the admin API has its own tests) and signs in as them. */
async function signedInAgent(
  app: INestApplication,
  dataSource: DataSource,
  role: Role,
  options: { cityId?: string; email?: string; displayName?: string } = {},
): Promise<TestAgent> {
  const email = options.email ?? `${role}-${++userSequence}-${randomBytes(3).toString('hex')}@salkku.example`;
  await dataSource.transaction((manager) =>
    app.get(UsersService).create(manager, SYSTEM_ACTOR, {
      email,
      displayName: options.displayName ?? `Testi ${role} ${userSequence}`,
      role,
      organisationId: options.cityId ?? null,
      password: TEST_PASSWORD,
    }),
  );
  return signIn(app, email, TEST_PASSWORD);
}

/** Signs in with email and password; the agent keeps the cookie and sends the CSRF header. */
export async function signIn(app: INestApplication, email: string, password: string): Promise<TestAgent> {
  const agent = request.agent(app.getHttpServer());
  const res = await agent.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in as ${email} → ${res.status}: ${JSON.stringify(res.body)}`);
  agent.set('X-CSRF-Token', (res.body as { csrfToken: string }).csrfToken);
  return agent;
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

export async function createTestApp(
  options: {
    demo?: boolean;
    config?: Partial<AppConfig>;
    logStream?: DestinationStream;
    /** On the embedded PostgreSQL (PGlite) whatever TEST_DATABASE_URL says, for what must hold on both. */
    embedded?: boolean;
    /**
     * A second API instance on this app's database (real PostgreSQL only): it neither creates
     * nor drops the database. Close it before the app that made the database.
     */
    sharedWith?: TestApp;
  } = {},
): Promise<TestApp> {
  const serverUrl = options.embedded ? null : process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
  let database: ResolvedDatabase;
  let dropDatabase: (() => Promise<void>) | null = null;
  if (options.sharedWith) {
    if (!options.sharedWith.databaseUrl) throw new Error('only a database on PostgreSQL can be shared');
    database = { url: options.sharedWith.databaseUrl, poolSize: 5, embedded: null };
  } else if (serverUrl) {
    const name = `salkku_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    database = { url: withDatabase(serverUrl, name), poolSize: 5, embedded: null };
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const embedded = await startEmbeddedPostgres(null);
    database = { url: embedded.url, poolSize: 1, embedded };
  }
  const config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    databaseUrl: database.embedded ? null : database.url,
    demoData: options.demo ? ('always' as const) : ('never' as const),
    webDistDir: '/nonexistent',
    // The mail worker ticks only when a test asks (app.get(MailWorker).tick()), unless a test sets an interval.
    mailWorkerIntervalSeconds: 0,
    ...options.config,
  };
  let app: INestApplication;
  try {
    app = await createApp(config, database, { logStream: options.logStream });
  } catch (error) {
    await database.embedded?.stop();
    await dropDatabase?.();
    throw error;
  }
  const dataSource = app.get(DataSource);
  const logger = dataSource.logger as SqlLogger;
  const http = await signedInAgent(app, dataSource, 'admin');
  return {
    app,
    http,
    anonymous: request(app.getHttpServer()),
    dataSource,
    databaseUrl: database.embedded ? null : database.url,
    as: (role, options) => signedInAgent(app, dataSource, role, options),
    statements: () => logger.dataStatementCount,
    async close() {
      await app.close();
      await dropDatabase?.();
    },
  };
}

/**
 * The test app of the enclosing describe block: booted before its tests and closed after them.
 * What it returns stands for the app once booted (use it in hooks and tests, not while the
 * describe block is being defined), so a spec writes `const t = useTestApp();`.
 */
export function useTestApp(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  let booted: TestApp | undefined;
  beforeAll(async () => {
    booted = await createTestApp(options);
  });
  afterAll(async () => {
    await booted?.close();
  });
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!booted) throw new Error(`the test app is not booted yet (reading ${String(key)})`);
      return Reflect.get(booted, key) as unknown;
    },
  });
}

/**
 * A new signed-in user of the role (with their city, if given): their agent, user id and display
 * name, and what an audit event records of them as its actor.
 */
export async function signedInUser(
  t: TestApp,
  role: Role,
  options: { cityId?: string; displayName?: string } = {},
): Promise<{ agent: TestAgent; id: string; name: string; actor: { actorId: string; actorName: string } }> {
  const email = `${role}-${Math.random().toString(36).slice(2)}@salkku.example`;
  const agent = await t.as(role, { ...options, email });
  const [user] = await t.dataSource.query<Array<{ id: string; display_name: string }>>(
    'SELECT id, display_name FROM users WHERE email = $1',
    [email],
  );
  return { agent, id: user!.id, name: user!.display_name, actor: { actorId: user!.id, actorName: user!.display_name } };
}

/**
 * A new coordinator of the city (signed in) and the same user as a service-level actor, to call a
 * service directly where the API's permission guard would refuse the request before it.
 */
export async function coordinatorActor(
  t: TestApp,
  cityId: string,
  displayName: string,
): Promise<{ user: Awaited<ReturnType<typeof signedInUser>>; actor: Actor }> {
  const user = await signedInUser(t, 'coordinator', { cityId, displayName });
  const actor = actorOf({ id: user.id, displayName: user.name, role: 'coordinator', organisationId: cityId }, null);
  return { user, actor };
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

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  projectId: string | null;
  cityId: string | null;
  changes: Record<string, { old: unknown; new: unknown }>;
}

/** The changes an audit event records for a new record: each field set, from nothing to its value. */
export function fromNothing(fields: Record<string, unknown>): AuditEventRow['changes'] {
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, { old: null, new: value }]));
}

/** The changes an audit event records for a deleted record: each field that had a value, to nothing. */
export function toNothing(fields: Record<string, unknown>): AuditEventRow['changes'] {
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, { old: value, new: null }]));
}

/** Audit events straight from the table, oldest first (optionally for one entity type or record). */
export async function auditEvents(
  t: TestApp,
  filter: { entityType?: string; entityId?: string } = {},
): Promise<AuditEventRow[]> {
  return t.dataSource.query<AuditEventRow[]>(
    `SELECT id, occurred_at AS "occurredAt", actor_id AS "actorId", actor_name AS "actorName", action,
            entity_type AS "entityType", entity_id AS "entityId", project_id AS "projectId", city_id AS "cityId", changes
     FROM audit_events
     WHERE ($1::text IS NULL OR entity_type = $1) AND ($2::uuid IS NULL OR entity_id = $2)
     ORDER BY occurred_at, id`,
    [filter.entityType ?? null, filter.entityId ?? null],
  );
}
