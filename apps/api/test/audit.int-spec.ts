import { randomUUID } from 'node:crypto';
import { newOrganisation } from './support/factories';
import { countStatements, rowCount, TEST_PASSWORD, useTestApp } from './support/test-app';
import { fieldsOf } from './support/values';

interface Seed {
  occurredAt: string;
  entityType: string;
  entityId: string;
  projectId: string | null;
  actorId: string | null;
  action: 'create' | 'update' | 'delete';
}

describe('audit events API', () => {
  const t = useTestApp();
  let admin: { id: string; displayName: string };

  const A = randomUUID();
  const B = randomUUID();
  const C = randomUUID();
  const P = randomUUID();
  const X = randomUUID();
  const Y = randomUUID();
  /** Seeded events with known times (SALKKU_TIME_ZONE is Europe/Helsinki, UTC+2 in March). */
  const seeds: Record<string, Seed> = {
    // 1.3. 23:59 in Helsinki
    e1: {
      occurredAt: '2025-03-01T21:59:00Z',
      entityType: 'koe',
      entityId: A,
      projectId: P,
      actorId: X,
      action: 'create',
    },
    // 2.3. 00:01 in Helsinki
    e2: {
      occurredAt: '2025-03-01T22:01:00Z',
      entityType: 'koe',
      entityId: A,
      projectId: P,
      actorId: X,
      action: 'update',
    },
    e3: {
      occurredAt: '2025-03-05T10:00:00Z',
      entityType: 'koe',
      entityId: B,
      projectId: null,
      actorId: Y,
      action: 'update',
    },
    e4: {
      occurredAt: '2025-03-10T10:00:00Z',
      entityType: 'koe',
      entityId: B,
      projectId: null,
      actorId: Y,
      action: 'delete',
    },
    // 11.3. 00:30 in Helsinki
    e5: {
      occurredAt: '2025-03-10T22:30:00Z',
      entityType: 'toinen',
      entityId: C,
      projectId: P,
      actorId: null,
      action: 'create',
    },
  };
  const ids: Record<string, string> = {};

  async function list(query: Record<string, unknown>): Promise<string[]> {
    const res = await t.http.get('/api/audit-events').query(query).expect(200);
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return res.body.items.map((e: { id: string }) => byId[e.id] ?? e.id);
  }

  beforeAll(async () => {
    admin = (await t.http.get('/api/me').expect(200)).body.user;
    for (const [name, seed] of Object.entries(seeds)) {
      const [row] = await t.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO audit_events (occurred_at, actor_id, actor_name, action, entity_type, entity_id, project_id, changes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          seed.occurredAt,
          seed.actorId,
          seed.actorId === X ? 'Xavier' : seed.actorId === Y ? 'Ylva' : 'Salkku',
          seed.action,
          seed.entityType,
          seed.entityId,
          seed.projectId,
          JSON.stringify({ amount: { old: '10.00', new: `${name}.00` } }),
        ],
      );
      ids[name] = row!.id;
    }
  });

  it('lists events newest first with their fields', async () => {
    const res = await t.http.get('/api/audit-events').query({ entityType: 'koe' }).expect(200);
    expect(res.body).toMatchObject({ total: 4, page: 1 });
    expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([ids.e4, ids.e3, ids.e2, ids.e1]);
    expect(res.body.items[3]).toEqual({
      id: ids.e1,
      occurredAt: '2025-03-01T21:59:00.000Z',
      actorId: X,
      actorName: 'Xavier',
      action: 'create',
      entityType: 'koe',
      entityId: A,
      projectId: P,
      changes: { amount: { old: '10.00', new: 'e1.00' } },
    });
  });

  it('filters by entity, project, actor and action', async () => {
    expect(await list({ entityId: A })).toEqual(['e2', 'e1']);
    expect(await list({ entityType: 'koe', entityId: B })).toEqual(['e4', 'e3']);
    expect(await list({ projectId: P })).toEqual(['e5', 'e2', 'e1']);
    expect(await list({ actorId: Y })).toEqual(['e4', 'e3']);
    expect(await list({ entityType: 'koe', action: 'update' })).toEqual(['e3', 'e2']);
    expect(await list({ entityType: 'ei-mitaan' })).toEqual([]);
  });

  it('filters by days from and to (inclusive, in the configured time zone)', async () => {
    expect(await list({ entityType: 'koe', from: '2025-03-02' })).toEqual(['e4', 'e3', 'e2']);
    expect(await list({ entityType: 'koe', to: '2025-03-01' })).toEqual(['e1']);
    expect(await list({ entityType: 'koe', from: '2025-03-02', to: '2025-03-05' })).toEqual(['e3', 'e2']);
    expect(await list({ projectId: P, to: '2025-03-10' })).toEqual(['e2', 'e1']);
    expect(await list({ projectId: P, from: '2025-03-11', to: '2025-03-11' })).toEqual(['e5']);
  });

  it('pages', async () => {
    const page1 = await t.http.get('/api/audit-events').query({ entityType: 'koe', pageSize: 3 }).expect(200);
    expect(page1.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(page1.body.items).toHaveLength(3);
    expect(await list({ entityType: 'koe', pageSize: 3, page: 2 })).toEqual(['e1']);
    const past = await t.http.get('/api/audit-events').query({ entityType: 'koe', pageSize: 3, page: 9 }).expect(200);
    expect(past.body).toMatchObject({ total: 4, items: [] });
  });

  it('validates the filters', async () => {
    const res = await t.http
      .get('/api/audit-events')
      .query({ action: 'erase', from: 'yesterday', to: '2025-02-30', entityId: 'x', actorId: 'y', pageSize: 0 })
      .expect(400);
    expect(fieldsOf(res)).toEqual(['action', 'actorId', 'entityId', 'from', 'pageSize', 'to']);
    const reversed = await t.http.get('/api/audit-events').query({ from: '2025-03-05', to: '2025-03-01' }).expect(400);
    expect(fieldsOf(reversed)).toEqual(['to']);
  });

  it('shows the events of real writes with their actor', async () => {
    const org = await newOrganisation(t, { name: 'Auditoitu Oy' });
    await t.http.patch(`/api/organisations/${org.id}`).send({ version: 1, name: 'Auditoitu Oyj' }).expect(200);
    const res = await t.http.get('/api/audit-events').query({ entityId: org.id }).expect(200);
    expect(res.body.items).toMatchObject([
      {
        action: 'update',
        actorId: admin.id,
        actorName: admin.displayName,
        changes: { name: { old: 'Auditoitu Oy', new: 'Auditoitu Oyj' } },
      },
      { action: 'create', actorId: admin.id, entityType: 'organisation', entityId: org.id },
    ]);
    const mine = await t.http.get('/api/audit-events').query({ actorId: admin.id, pageSize: 100 }).expect(200);
    expect(mine.body.items.every((e: { actorId: string }) => e.actorId === admin.id)).toBe(true);
    expect(mine.body.total).toBeGreaterThanOrEqual(2);
  });

  it('refuses non-admins (403) and anonymous callers (401)', async () => {
    const city = await newOrganisation(t, { kind: 'city' });
    for (const agent of [
      await t.as('coordinator', { cityId: city.id as string }),
      await t.as('manager', { cityId: city.id as string }),
      await t.as('liaison'),
    ]) {
      const res = await agent.get('/api/audit-events').expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    await t.anonymous.get('/api/audit-events').expect(401);
  });

  it('has no route that creates, changes or deletes an audit event (404), and the events stay as they were', async () => {
    const before = await t.dataSource.query('SELECT * FROM audit_events ORDER BY id');
    const id = ids.e1!;
    const body = { action: 'delete', changes: {} };
    const attempts = [
      t.http.post('/api/audit-events').send(body),
      t.http.put('/api/audit-events').send(body),
      t.http.patch('/api/audit-events').send(body),
      t.http.delete('/api/audit-events'),
      t.http.post(`/api/audit-events/${id}`).send(body),
      t.http.put(`/api/audit-events/${id}`).send(body),
      t.http.patch(`/api/audit-events/${id}`).send(body),
      t.http.delete(`/api/audit-events/${id}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect(await t.dataSource.query('SELECT * FROM audit_events ORDER BY id')).toEqual(before);
  });

  it('leaves no audit event for a rejected user write', async () => {
    const city = await newOrganisation(t, { kind: 'city' });
    const created = await t.http
      .post('/api/users')
      .send({
        email: 'auditoitava@salkku.example',
        displayName: 'Auditoitava',
        role: 'liaison',
        password: TEST_PASSWORD,
      })
      .expect(201);
    const user = created.body as { id: string; email: string };
    const before = await rowCount(t, 'audit_events');
    const usersBefore = await t.dataSource.query('SELECT * FROM users ORDER BY id');
    const adminVersion = (await t.http.get(`/api/users/${admin.id}`).expect(200)).body.version as number;

    const rejected = await Promise.all([
      // duplicate email
      t.http
        .post('/api/users')
        .send({ email: 'AUDITOITAVA@salkku.example', displayName: 'Kopio', role: 'liaison', password: TEST_PASSWORD }),
      // weak password
      t.http
        .post('/api/users')
        .send({ email: 'heikko@salkku.example', displayName: 'Heikko', role: 'liaison', password: 'password1234' }),
      // coordinator without a city
      t.http.post('/api/users').send({
        email: 'eikaupunkia@salkku.example',
        displayName: 'Ei Kaupunkia',
        role: 'coordinator',
        password: TEST_PASSWORD,
      }),
      // stale version
      t.http.patch(`/api/users/${user.id}`).send({ version: 7, displayName: 'Myöhässä' }),
      // role that does not fit the organisation
      t.http.patch(`/api/users/${user.id}`).send({ version: 1, role: 'manager' }),
      // self-deactivation and self-reset
      t.http.patch(`/api/users/${admin.id}`).send({ version: adminVersion, active: false }),
      t.http.post(`/api/users/${admin.id}/password`).send({ password: 'Uusi-pitka-salasana-9' }),
      // weak reset
      t.http.post(`/api/users/${user.id}/password`).send({ password: 'password1234' }),
    ]);
    expect(rejected.map((r) => r.status)).toEqual([409, 400, 400, 409, 400, 409, 409, 400]);
    expect(await rowCount(t, 'audit_events')).toBe(before);
    expect(await t.dataSource.query('SELECT * FROM users ORDER BY id')).toEqual(usersBefore);

    // and an accepted one leaves exactly one
    await t.http
      .patch(`/api/users/${user.id}`)
      .send({ version: 1, role: 'manager', organisationId: city.id })
      .expect(200);
    expect(await rowCount(t, 'audit_events')).toBe(before + 1);
  });

  it('serves a page in at most 2 SQL statements, whatever the page size', async () => {
    for (let i = 0; i < 5; i++) await newOrganisation(t);
    for (const pageSize of [1, 10, 100]) {
      const { count, result } = await countStatements(t, () =>
        t.http.get('/api/audit-events').query({ pageSize }).expect(200),
      );
      expect(result.body.items.length).toBe(Math.min(pageSize, result.body.total));
      expect(count).toBeLessThanOrEqual(2);
    }
    const { count } = await countStatements(t, () =>
      t.http.get('/api/audit-events').query({ page: 1000, from: '2025-01-01' }).expect(200),
    );
    expect(count).toBeLessThanOrEqual(2);
  });
});
