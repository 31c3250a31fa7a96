import { randomBytes } from 'node:crypto';
import * as check from './support/checks';
import { newOrganisation } from './support/factories';
import { auditEvents, countStatements, rowCount, signIn, TEST_PASSWORD, useTestApp } from './support/test-app';
import { createdRecord, fieldsOf, type Json, UNKNOWN_ID as MISSING_ID } from './support/values';

const NEW_PASSWORD = 'Vaihdettu-salasana-42';
describe('users API (admins)', () => {
  const t = useTestApp();
  let city: Record<string, unknown>;
  let adminId: string;
  let sequence = 0;

  const uniqueEmail = (prefix = 'kayttaja') =>
    `${prefix}-${++sequence}-${randomBytes(2).toString('hex')}@salkku.example`;

  async function newUser(overrides: Record<string, unknown> = {}) {
    const res = await t.http
      .post('/api/users')
      .send({
        email: uniqueEmail(),
        displayName: `Käyttäjä ${sequence}`,
        role: 'liaison',
        password: TEST_PASSWORD,
        ...overrides,
      })
      .expect(201);
    return res.body as { id: string; email: string; version: number; role: string };
  }

  /** Everything that a rejected write must leave as it was. */
  async function snapshot() {
    return {
      users: await t.dataSource.query('SELECT * FROM users ORDER BY id'),
      audit: await rowCount(t, 'audit_events'),
      sessions: await rowCount(t, 'sessions'),
    };
  }

  beforeAll(async () => {
    city = await newOrganisation(t, { kind: 'city', name: 'Kuopion kaupunki' });
    adminId = (await t.http.get('/api/me').expect(200)).body.user.id;
  });
  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM login_attempts');
  });

  it('creates, reads, lists and updates a user; the new user signs in', async () => {
    const created = await t.http
      .post('/api/users')
      .send({
        email: 'Maija.Meikalainen@Kuopio.FI',
        displayName: 'Maija Meikäläinen',
        role: 'coordinator',
        organisationId: city.id,
        language: 'sv',
        password: TEST_PASSWORD,
      })
      .expect(201);
    expect(created.body).toEqual(
      createdRecord({
        email: 'maija.meikalainen@kuopio.fi',
        displayName: 'Maija Meikäläinen',
        role: 'coordinator',
        organisation: { id: city.id, name: 'Kuopion kaupunki' },
        active: true,
        language: 'sv',
      }),
    );
    const id = created.body.id as string;
    await check.readsBack(t.http, `/api/users/${id}`, created.body);

    const list = await t.http.get('/api/users').query({ q: 'MEIKÄLÄ', role: 'coordinator' }).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, items: [{ id }] });

    const agent = await signIn(t.app, 'MAIJA.meikalainen@kuopio.fi', TEST_PASSWORD);
    const me = await agent.get('/api/me').expect(200);
    expect(me.body).toMatchObject({ user: { id, role: 'coordinator' }, cityId: city.id });

    const updated = await t.http
      .patch(`/api/users/${id}`)
      .set('If-Match', '"1"')
      .send({ displayName: 'Maija M.', language: 'en', role: 'manager' })
      .expect(200);
    expect(updated.body).toMatchObject({ displayName: 'Maija M.', language: 'en', role: 'manager', version: 2 });
    // a role change applies to the user's next request
    expect((await agent.get('/api/me').expect(200)).body.user.role).toBe('manager');

    const liaison = await t.http
      .patch(`/api/users/${id}`)
      .send({ version: 2, role: 'liaison', organisationId: null })
      .expect(200);
    expect(liaison.body).toMatchObject({ role: 'liaison', organisation: null, version: 3 });
    expect(JSON.stringify([created.body, list.body, updated.body])).not.toMatch(/password|argon2/i);
  });

  it('filters, sorts and pages the list', async () => {
    const other = await newOrganisation(t, { kind: 'city', name: 'Joensuun kaupunki' });
    const tag = randomBytes(3).toString('hex');
    const make = (name: string, extra: Record<string, unknown>) =>
      newUser({ email: `${name}-${tag}@listat.example`, displayName: `${name} ${tag}`, ...extra });
    const aino = await make('aino', { role: 'coordinator', organisationId: other.id });
    const bertta = await make('bertta', { role: 'manager', organisationId: other.id });
    const cecilia = await make('cecilia', { role: 'liaison' });
    await t.http.patch(`/api/users/${bertta.id}`).send({ version: 1, active: false }).expect(200);

    // Each query (within this test's users) and the users it lists, in order.
    const lists: Array<[Json, Array<{ id: string }>]> = [
      [{}, [aino, bertta, cecilia]],
      [{ sort: '-email' }, [cecilia, bertta, aino]],
      [{ sort: 'displayName' }, [aino, bertta, cecilia]],
      [{ sort: '-createdAt' }, [cecilia, bertta, aino]],
      [{ organisationId: other.id }, [aino, bertta]],
      [{ role: 'manager' }, [bertta]],
      [{ active: 'false' }, [bertta]],
      [{ active: 'true' }, [aino, cecilia]],
    ];
    for (const [query, users] of lists) {
      const ids = await check.listIds(t.http, '/api/users', { q: tag, ...query });
      expect({ query, ids }).toEqual({ query, ids: users.map((u) => u.id) });
    }

    await check.page(t.http, '/api/users', { q: tag, pageSize: 2, page: 2 }, { total: 3, ids: [cecilia.id] });
    const past = await t.http.get('/api/users').query({ q: tag, pageSize: 2, page: 5 }).expect(200);
    expect(past.body).toMatchObject({ total: 3, items: [] });

    const bad = await t.http
      .get('/api/users')
      .query({ role: 'superuser', active: 'maybe', organisationId: 'x', sort: 'passwordHash', pageSize: 1000 })
      .expect(400);
    expect(fieldsOf(bad)).toEqual(['active', 'organisationId', 'pageSize', 'role', 'sort']);
  });

  // Invalid fields in general: resource-rules.int-spec.ts.
  it('rejects weak passwords and invalid updates with field details and writes nothing', async () => {
    const before = await snapshot();
    // too short, too common, contains the user's name
    for (const [password, code, params] of [
      ['Lyhyt-11mrk', 'tooShort', { min: 12 }],
      ['password1234', 'commonPassword', undefined],
      ['Kaarina-salasana-2026', 'personalPassword', undefined],
    ] as const) {
      const weak = await t.http
        .post('/api/users')
        .send({ email: uniqueEmail('kayttaja'), displayName: 'Kaarina', role: 'liaison', password })
        .expect(400);
      expect(fieldsOf(weak)).toEqual(['password']);
      expect(weak.body.problems).toEqual({ password: [params ? { code, params } : { code }] });
    }

    const user = await newUser();
    const afterCreate = await snapshot();
    const patch = await t.http
      .patch(`/api/users/${user.id}`)
      .send({ version: 1, displayName: null, role: null, active: 'no', language: 'de', email: 'x@y.fi' })
      .expect(400);
    expect(fieldsOf(patch)).toEqual(['active', 'displayName', 'email', 'language', 'role']);
    expect(await snapshot()).toEqual(afterCreate);
    expect(afterCreate.audit).toBe(before.audit + 1);
  });

  it('refuses a duplicate email, whatever its case (409)', async () => {
    const user = await newUser();
    const before = await snapshot();
    const res = await t.http
      .post('/api/users')
      .send({ email: user.email.toUpperCase(), displayName: 'Kaksoisolento', role: 'liaison', password: TEST_PASSWORD })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'DUPLICATE', details: { email: expect.any(Array) } });
    expect(res.body.problems).toEqual({ email: [{ code: 'duplicate' }] });
    expect(await snapshot()).toEqual(before);
  });

  it("requires a coordinator's or manager's organisation to be an existing city (400)", async () => {
    const company = await newOrganisation(t, { kind: 'company' });
    const before = await snapshot();
    for (const [role, organisationId, code] of [
      ['coordinator', undefined, 'required'],
      ['coordinator', null, 'required'],
      ['manager', company.id, 'notCity'],
      ['coordinator', MISSING_ID, 'notFound'],
      ['liaison', MISSING_ID, 'notFound'],
    ] as const) {
      const res = await t.http
        .post('/api/users')
        .send({ email: uniqueEmail(), displayName: 'Ilman Kaupunkia', role, organisationId, password: TEST_PASSWORD })
        .expect(400);
      expect(fieldsOf(res)).toEqual(['organisationId']);
      expect(res.body.problems).toEqual({ organisationId: [{ code }] });
    }
    expect(await snapshot()).toEqual(before);

    // the same rule on update: a liaison of a company cannot become a coordinator there
    const liaison = await newUser({ organisationId: company.id });
    const afterCreate = await snapshot();
    const res = await t.http.patch(`/api/users/${liaison.id}`).send({ version: 1, role: 'coordinator' }).expect(400);
    expect(fieldsOf(res)).toEqual(['organisationId']);
    const coordinator = await newUser({ role: 'coordinator', organisationId: city.id });
    const afterCoordinator = await snapshot();
    await t.http.patch(`/api/users/${coordinator.id}`).send({ version: 1, organisationId: null }).expect(400);
    expect(await snapshot()).toEqual(afterCoordinator);
    expect(afterCoordinator.audit).toBe(afterCreate.audit + 1);
  });

  it('refuses a stale version (409) and a missing one (428), changing nothing', async () => {
    const user = await newUser();
    await t.http.patch(`/api/users/${user.id}`).send({ version: 1, displayName: 'Ensimmäinen' }).expect(200);
    const before = await snapshot();
    const stale = await t.http.patch(`/api/users/${user.id}`).send({ version: 1, active: false }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const staleHeader = await t.http
      .patch(`/api/users/${user.id}`)
      .set('If-Match', '"1"')
      .send({ role: 'admin' })
      .expect(409);
    expect(staleHeader.body.code).toBe('STALE_VERSION');
    const missing = await t.http.patch(`/api/users/${user.id}`).send({ displayName: 'Ilman versiota' }).expect(428);
    expect(missing.body.code).toBe('VERSION_REQUIRED');
    expect(await snapshot()).toEqual(before);
    expect((await t.http.get(`/api/users/${user.id}`).expect(200)).body).toMatchObject({
      displayName: 'Ensimmäinen',
      active: true,
      version: 2,
    });
  });

  // GET and PATCH of an unknown or malformed id, as for every resource: resource-rules.int-spec.ts.
  it("answers 404 for resetting an unknown user's password", async () => {
    await t.http.post(`/api/users/${MISSING_ID}/password`).send({ password: NEW_PASSWORD }).expect(404);
  });

  it('does not let an admin deactivate or demote themselves (409), changing nothing', async () => {
    const me = await t.http.get(`/api/users/${adminId}`).expect(200);
    const before = await snapshot();
    const deactivate = await t.http
      .patch(`/api/users/${adminId}`)
      .send({ version: me.body.version, active: false })
      .expect(409);
    expect(deactivate.body).toMatchObject({ code: 'RULE_VIOLATION', details: { active: expect.any(Array) } });
    const demote = await t.http
      .patch(`/api/users/${adminId}`)
      .send({ version: me.body.version, role: 'liaison' })
      .expect(409);
    expect(demote.body.code).toBe('RULE_VIOLATION');
    // resetting one's own password here would skip the current-password check
    const reset = await t.http.post(`/api/users/${adminId}/password`).send({ password: NEW_PASSWORD }).expect(409);
    expect(reset.body.code).toBe('RULE_VIOLATION');
    expect(await snapshot()).toEqual(before);
    await t.http.get('/api/me').expect(200);
    // their own name is theirs to change
    await t.http
      .patch(`/api/users/${adminId}`)
      .send({ version: me.body.version, displayName: 'Pää Käyttäjä' })
      .expect(200);

    // another admin may deactivate them
    const other = await newUser({ role: 'admin' });
    await t.http.patch(`/api/users/${other.id}`).send({ version: 1, active: false }).expect(200);
    expect((await t.http.get(`/api/users/${other.id}`).expect(200)).body.active).toBe(false);
  });

  it('deactivates and reactivates a user: sessions end at once, sign-in is refused until reactivated', async () => {
    const user = await newUser();
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    const off = await t.http.patch(`/api/users/${user.id}`).send({ version: 1, active: false }).expect(200);
    expect(off.body).toMatchObject({ active: false, version: 2 });
    await agent.get('/api/me').expect(401);
    await t.anonymous.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    await t.http.patch(`/api/users/${user.id}`).send({ version: 2, active: true }).expect(200);
    await signIn(t.app, user.email, TEST_PASSWORD);
  });

  it("resets another user's password: policy applies, their sessions end, the new password works", async () => {
    const user = await newUser();
    const agent = await signIn(t.app, user.email, TEST_PASSWORD);
    const before = await snapshot();
    const weak = await t.http.post(`/api/users/${user.id}/password`).send({ password: 'password1234' }).expect(400);
    expect(fieldsOf(weak)).toEqual(['password']);
    const invalid = await t.http
      .post(`/api/users/${user.id}/password`)
      .send({ password: 1234, extra: true })
      .expect(400);
    expect(fieldsOf(invalid)).toEqual(['extra', 'password']);
    expect(await snapshot()).toEqual(before);
    await agent.get('/api/me').expect(200);

    const res = await t.http.post(`/api/users/${user.id}/password`).send({ password: NEW_PASSWORD }).expect(200);
    expect(res.body).toMatchObject({ id: user.id, version: 2 });
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);
    await agent.get('/api/me').expect(401);
    await t.anonymous.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    await signIn(t.app, user.email, NEW_PASSWORD);
  });

  it('writes one audit event per write, with old → new values and never the password hash', async () => {
    const user = await newUser({ displayName: 'Auditoitava Henkilö', language: 'en' });
    await t.http
      .patch(`/api/users/${user.id}`)
      .send({ version: 1, displayName: 'Auditoitu Henkilö', language: 'fi' })
      .expect(200);
    await t.http.patch(`/api/users/${user.id}`).send({ version: 2, active: false }).expect(200);
    await t.http.post(`/api/users/${user.id}/password`).send({ password: NEW_PASSWORD }).expect(200);
    // an update that changes nothing leaves no event
    await t.http.patch(`/api/users/${user.id}`).send({ version: 4, language: 'fi' }).expect(200);

    const events = await auditEvents(t, { entityType: 'user', entityId: user.id });
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'update', 'update']);
    expect(events.every((e) => e.actorId === adminId)).toBe(true);
    expect(events[0]!.changes).toEqual({
      email: { old: null, new: user.email },
      displayName: { old: null, new: 'Auditoitava Henkilö' },
      role: { old: null, new: 'liaison' },
      active: { old: null, new: true },
      language: { old: null, new: 'en' },
      // The weekly digest is on for a new user (the one email a user can turn off).
      mailDigest: { old: null, new: true },
    });
    expect(events[1]!.changes).toEqual({
      displayName: { old: 'Auditoitava Henkilö', new: 'Auditoitu Henkilö' },
      language: { old: 'en', new: 'fi' },
    });
    expect(events[2]!.changes).toEqual({ active: { old: true, new: false } });
    expect(Object.keys(events[3]!.changes)).toEqual(['password']);
    const all = JSON.stringify(events);
    expect(all).not.toMatch(/argon2|passwordHash|password_hash/);
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(NEW_PASSWORD);
  });

  it('refuses non-admins (403) and anonymous callers (401)', async () => {
    const user = await newUser();
    const agents = [
      await t.as('coordinator', { cityId: city.id as string }),
      await t.as('manager', { cityId: city.id as string }),
      await t.as('liaison'),
    ];
    const before = await snapshot();
    for (const agent of agents) {
      const calls = [
        agent.get('/api/users'),
        agent.get(`/api/users/${user.id}`),
        agent
          .post('/api/users')
          .send({ email: uniqueEmail(), displayName: 'X Y', role: 'admin', password: TEST_PASSWORD }),
        agent.patch(`/api/users/${user.id}`).send({ version: 1, role: 'admin' }),
        agent.post(`/api/users/${user.id}/password`).send({ password: NEW_PASSWORD }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    }
    for (const res of await Promise.all([
      t.anonymous.get('/api/users'),
      t.anonymous.get(`/api/users/${user.id}`),
      t.anonymous.post('/api/users').send({}),
      t.anonymous.patch(`/api/users/${user.id}`).send({ version: 1 }),
      t.anonymous.post(`/api/users/${user.id}/password`).send({ password: NEW_PASSWORD }),
    ])) {
      expect(res.status).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
    const org = await newOrganisation(t, { kind: 'city' });
    for (let i = 0; i < 12; i++) await newUser({ role: 'manager', organisationId: org.id });
    for (const pageSize of [1, 10, 100]) {
      const { count, result } = await countStatements(t, () =>
        t.http.get('/api/users').query({ pageSize }).expect(200),
      );
      expect(result.body.items.length).toBe(Math.min(pageSize, result.body.total));
      expect(count).toBeLessThanOrEqual(2);
    }
    const { count: past } = await countStatements(t, () => t.http.get('/api/users').query({ page: 1000 }).expect(200));
    expect(past).toBeLessThanOrEqual(2);
    const user = await newUser();
    const { count } = await countStatements(t, () => t.http.get(`/api/users/${user.id}`).expect(200));
    expect(count).toBeLessThanOrEqual(2);
  });
});
