import { Logger, type INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig, type AppConfig } from '../src/config/config';
import { resolveDatabase } from '../src/database/database-url';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/accounts';
import { DataDirectoryLockedError, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { signIn } from './support/test-app';

// Each test boots PGlite (WASM) once or twice from an empty directory: tens of seconds on a busy machine.
jest.setTimeout(180_000);

/**
 * The zero-setup default: with no DATABASE_URL Salkku runs on an embedded PostgreSQL in a data
 * directory. These tests always use the embedded database (whatever TEST_DATABASE_URL says),
 * because that is the mode under test.
 */
describe('embedded database (no DATABASE_URL)', () => {
  let dir: string;
  const config = (): AppConfig => ({
    ...loadConfig({ NODE_ENV: 'test' }),
    databaseUrl: null,
    dataDir: dir,
    demoData: 'auto',
    webDistDir: '/nonexistent',
  });

  async function start(): Promise<INestApplication> {
    const c = config();
    return createApp(c, await resolveDatabase(c));
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'salkku-embedded-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the Kuopio demo portfolio on first start, keeps data across a restart, and does not load it twice', async () => {
    let app = await start();
    try {
      // the demo users of every role exist, and the README's password signs them in
      for (const user of DEMO_USERS) await signIn(app, user.email, DEMO_PASSWORD);
      const coordinator = await signIn(app, 'koordinaattori@salkku.example', DEMO_PASSWORD);
      const me = await coordinator.get('/api/me').expect(200);
      expect(me.body).toMatchObject({ user: { role: 'coordinator', organisation: { name: 'Kuopion kaupunki' } } });
      const projects = await coordinator.get('/api/projects').expect(200);
      expect(projects.body.items.map((p: { code: string }) => p.code).sort()).toEqual(['TERVEYS-KH', 'VESI-KH']);
      const orgs = await coordinator.get('/api/organisations').query({ pageSize: 100 }).expect(200);
      expect(orgs.body.items.map((o: { name: string }) => o.name)).toEqual(
        expect.arrayContaining(['Pohjois-Savon liitto', 'Savonia-ammattikorkeakoulu', 'Kuopio Health']),
      );
      const admin = await signIn(app, 'admin@salkku.example', DEMO_PASSWORD);
      await admin.post('/api/organisations').send({ name: 'Uusi kumppani', kind: 'company' }).expect(201);
    } finally {
      await app.close();
    }

    app = await start();
    try {
      const liaison = await signIn(app, 'ministerio@salkku.example', DEMO_PASSWORD);
      const orgs = await liaison.get('/api/organisations').query({ q: 'Uusi kumppani' }).expect(200);
      expect(orgs.body.total).toBe(1);
      const projects = await liaison.get('/api/projects').expect(200);
      expect(projects.body.total).toBe(2);
      const users = await app.get(DataSource).query<unknown[]>('SELECT id FROM users');
      expect(users).toHaveLength(DEMO_USERS.length);
    } finally {
      await app.close();
    }
  });

  it('refuses a second instance on the same data directory with a clear message', async () => {
    const app = await start();
    try {
      await expect(startEmbeddedPostgres(dir)).rejects.toThrow(DataDirectoryLockedError);
      await expect(startEmbeddedPostgres(dir)).rejects.toThrow(/in use by another Salkku process/);
      // the running instance is unharmed
      await request(app.getHttpServer()).get('/api/health').expect(200, { status: 'ok', database: 'up' });
    } finally {
      await app.close();
    }
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    writeFileSync(join(dir, 'salkku.lock'), '2147483646');
    const app = await start();
    await app.close();
  });
});

describe('database from DATABASE_URL', () => {
  it('never loads demo data unless asked', async () => {
    // An external PostgreSQL stands in here as an embedded server used through its URL only.
    const server = await startEmbeddedPostgres(null);
    try {
      const config: AppConfig = {
        ...loadConfig({ NODE_ENV: 'test' }),
        databaseUrl: server.url,
        demoData: 'auto',
        webDistDir: '/nonexistent',
      };
      const app = await createApp(config, { url: server.url, poolSize: 1, embedded: null });
      try {
        const counts = await app
          .get(DataSource)
          .query<Array<{ orgs: number; users: number }>>(
            'SELECT (SELECT count(*) FROM organisations)::int AS orgs, (SELECT count(*) FROM users)::int AS users',
          );
        expect(counts[0]).toEqual({ orgs: 0, users: 0 });
      } finally {
        await app.close();
      }
    } finally {
      await server.stop();
    }
  });
});

describe('production on the embedded database (no DATABASE_URL)', () => {
  const dirs: string[] = [];
  let warn: jest.SpyInstance;
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'salkku-production-'));
    dirs.push(dir);
    return dir;
  };
  const productionConfig = (dir: string, env: NodeJS.ProcessEnv = {}): AppConfig => ({
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', SALKKU_DATA_DIR: dir, ...env }),
    webDistDir: '/nonexistent',
  });
  async function start(config: AppConfig): Promise<INestApplication> {
    return createApp(config, await resolveDatabase(config));
  }
  const login = (app: INestApplication, email: string) =>
    request(app.getHttpServer()).post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
  const warnings = () => warn.mock.calls.map((call) => String(call[0]));

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn');
  });
  afterEach(() => {
    warn.mockRestore();
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('creates no demo account: none of them signs in with the published password', async () => {
    const config = productionConfig(newDir());
    expect(config).toMatchObject({ production: true, databaseUrl: null, demoData: 'auto', demoUsers: false });
    const app = await start(config);
    try {
      for (const user of DEMO_USERS) {
        const res = await login(app, user.email).expect(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
      const users = await app.get(DataSource).query<unknown[]>('SELECT id FROM users');
      expect(users).toHaveLength(0);
    } finally {
      await app.close();
    }
  });

  it('deactivates demo accounts left with the published password by an earlier start', async () => {
    const dir = newDir();
    // a start outside production created them …
    let app = await start({ ...loadConfig({ NODE_ENV: 'test', SALKKU_DATA_DIR: dir }), webDistDir: '/nonexistent' });
    try {
      await login(app, 'admin@salkku.example').expect(200);
    } finally {
      await app.close();
    }
    // … and the first production start closes them
    app = await start(productionConfig(dir));
    try {
      for (const user of DEMO_USERS) await login(app, user.email).expect(401);
      expect(warnings().some((w) => /Deactivated demo accounts/.test(w))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('creates them only with SALKKU_DEMO_USERS=true, and then warns at every start', async () => {
    const config = productionConfig(newDir(), { SALKKU_DEMO_USERS: 'true' });
    expect(config.demoUsers).toBe(true);
    for (let startNo = 1; startNo <= 2; startNo++) {
      warn.mockClear();
      const app = await start(config);
      try {
        await login(app, 'admin@salkku.example').expect(200);
        expect(warnings().filter((w) => /SALKKU_DEMO_USERS=true in production/.test(w))).toHaveLength(1);
      } finally {
        await app.close();
      }
    }
  });
});
