import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { loadConfig } from '../src/config/config';
import { UsersService } from '../src/modules/users/users.service';
import { createScratchPostgres, findPostgresBinaries, type ScratchPostgres } from './support/scratch-postgres';
import { signIn, TEST_PASSWORD } from './support/test-app';

const bin = findPostgresBinaries();
if (!bin) {
  console.warn('Outage test skipped: no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin');
}

type Res = { status: number; body: { code?: string }; headers: Record<string, string | string[] | undefined> };

/** The answer every route gives while the database cannot be reached. */
function expectUnavailable(res: Res): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

/**
 * PostgreSQL goes away under requests and comes back: while it is away every route answers 503
 * SERVICE_UNAVAILABLE with Retry-After (never 500), and when it is back the same process serves
 * again within seconds. The cluster is the test's own (initdb + pg_ctl), stopped for real.
 */
(bin ? describe : describe.skip)('database outage', () => {
  let pg: ScratchPostgres;
  let app: INestApplication;
  let admin: TestAgent;
  const email = 'katko@salkku.example';

  beforeAll(async () => {
    pg = await createScratchPostgres(bin!);
    await pg.start();
    const config = {
      ...loadConfig({ NODE_ENV: 'test' }),
      databaseUrl: pg.url,
      demoData: 'never' as const,
      webDistDir: '/nonexistent',
    };
    app = await createApp(config, { url: pg.url, poolSize: 4, embedded: null });
    await app.get(DataSource).transaction((manager) =>
      app.get(UsersService).create(manager, SYSTEM_ACTOR, {
        email,
        displayName: 'Katko Testaaja',
        role: 'admin',
        password: TEST_PASSWORD,
      }),
    );
    admin = await signIn(app, email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await pg?.destroy();
  });

  it('answers 503 with Retry-After while PostgreSQL is down, and serves again within 5 s of its return', async () => {
    const http = () => request(app.getHttpServer());
    await admin.get('/api/organisations').expect(200);
    await admin.post('/api/organisations').send({ name: 'Ennen katkoa Oy', kind: 'company' }).expect(201);

    // requests keep coming while the server stops
    const seen: number[] = [];
    let load = true;
    const traffic = (async () => {
      while (load) seen.push((await admin.get('/api/organisations')).status);
    })();
    try {
      await new Promise((r) => setTimeout(r, 200));
      await pg.stop();
      await new Promise((r) => setTimeout(r, 300));
      expectUnavailable(await admin.get('/api/organisations')); // a list (and the session check)
      expectUnavailable(await admin.get('/api/me')); // the session check in the guard
      expectUnavailable(await admin.post('/api/organisations').send({ name: 'Katkon aikana Oy', kind: 'company' }));
      expectUnavailable(await http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }));
      const health = await http().get('/api/health');
      expect(health.status).toBe(503);
    } finally {
      load = false;
      await traffic;
    }
    expect(seen.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(seen).toContain(503);

    await pg.start();
    const back = Date.now();
    let status = 0;
    while (Date.now() - back < 5000) {
      status = (await admin.get('/api/organisations')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect(Date.now() - back).toBeLessThan(5000);
    await admin.post('/api/organisations').send({ name: 'Katkon jälkeen Oy', kind: 'company' }).expect(201);
    await http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    await http().get('/api/health').expect(200);
  });
});
