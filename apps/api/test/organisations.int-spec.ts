import type TestAgent from 'supertest/lib/agent';
import * as check from './support/checks';
import { auditEvents, fromNothing, signedInUser, toNothing, useTestApp } from './support/test-app';
import { newAgreement, newOrganisation } from './support/factories';
import { fieldsOf } from './support/values';

describe('organisations API', () => {
  const t = useTestApp();
  // The rules every resource keeps (invalid fields, 401, stale versions, unknown ids, read-only roles, city
  // scope) are asserted once for all in resource-rules.int-spec.ts.

  it('creates, reads, lists, updates and deletes an organisation', async () => {
    const body = { name: 'Itä-Suomen yliopisto', kind: 'university', businessId: '0245894-7' };
    const created = await t.http.post('/api/organisations').send(body).expect(201);
    expect(created.body).toMatchObject({ ...body, country: 'FI', version: 1 });

    const read = await t.http.get(`/api/organisations/${created.body.id}`).expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body.name).toBe('Itä-Suomen yliopisto');

    const list = await t.http.get('/api/organisations').query({ q: 'itä-suomen', kind: 'university' }).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(created.body.id);

    const updated = await t.http
      .patch(`/api/organisations/${created.body.id}`)
      .set('If-Match', '"1"')
      .send({ name: 'University of Eastern Finland', country: 'FI' })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'University of Eastern Finland', version: 2 });

    await t.http.delete(`/api/organisations/${created.body.id}`).expect(204);
    await t.http.get(`/api/organisations/${created.body.id}`).expect(404);
  });

  it('refuses to delete an organisation still in use (409) and a duplicate business ID (409)', async () => {
    const city = await newOrganisation(t, { kind: 'city', businessId: '0171450-7' });
    await newAgreement(t, { cityId: city.id });
    const res = await t.http.delete(`/api/organisations/${city.id}`).expect(409);
    expect(res.body.code).toBe('IN_USE');
    await t.http.get(`/api/organisations/${city.id}`).expect(200);
    const dup = await t.http
      .post('/api/organisations')
      .send({ name: 'Kopio', kind: 'city', businessId: '0171450-7' })
      .expect(409);
    expect(dup.body.code).toBe('DUPLICATE');
  });

  it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
    for (let i = 0; i < 30; i++) await newOrganisation(t);
    const pageSizes = [1, 10, 100].map((pageSize) => ({ pageSize }));
    await check.pagesInTwoStatements(t, t.http, '/api/organisations', pageSizes);
    const org = await newOrganisation(t);
    await check.inTwoStatements(t, () => t.http.get(`/api/organisations/${org.id}`).expect(200));
  });

  it('bounds the page size and validates sort', async () => {
    const res = await t.http.get('/api/organisations').query({ pageSize: 1000, sort: 'password' }).expect(400);
    expect(fieldsOf(res)).toEqual(['pageSize', 'sort']);
  });

  describe('roles', () => {
    it('lets every role read organisations, and only an admin change them', async () => {
      const city = await newOrganisation(t, { kind: 'city', name: 'Roolikaupunki' });
      const org = await newOrganisation(t, { name: 'Roolitesti Oy' });
      const agents: Array<[string, TestAgent]> = [
        ['coordinator', await t.as('coordinator', { cityId: city.id as string })],
        ['manager', await t.as('manager', { cityId: city.id as string })],
        ['liaison', await t.as('liaison')],
      ];
      for (const [role, agent] of agents) {
        const list = await agent.get('/api/organisations').query({ q: 'Roolitesti' }).expect(200);
        expect({ role, ids: list.body.items.map((i: { id: string }) => i.id) }).toEqual({ role, ids: [org.id] });
        // A shared registry: a city-scoped user sees organisations beyond their own city too.
        await agent.get(`/api/organisations/${org.id}`).expect(200);

        const { writes } = check.routesOf(agent, '/api/organisations', org.id, {
          create: { name: `${role} Oy`, kind: 'company' },
          update: { version: 1, name: 'Muutettu' },
        });
        await check.nothingChanged(t, { rows: ['organisations'], events: 'organisation' }, () =>
          check.forbidden(writes, { role }),
        );
      }
      const current = await t.http.get(`/api/organisations/${org.id}`).expect(200);
      expect(current.body).toMatchObject({ name: 'Roolitesti Oy', version: 1 });

      const admin = await t.as('admin');
      await admin.patch(`/api/organisations/${org.id}`).send({ version: 1, name: 'Roolitesti Ab' }).expect(200);
    });
  });

  describe('audit trail', () => {
    it('records create, update and delete, each once, with the actor and old → new values', async () => {
      const { agent: admin, actor } = await signedInUser(t, 'admin', { displayName: 'Aino Auditoija' });

      const body = { name: 'Kuopion Energia Oy', kind: 'company', businessId: '0201256-6' };
      const created = await admin.post('/api/organisations').send(body).expect(201);
      const id = created.body.id as string;
      // The shared registry belongs to no city; the country is the default one.
      const record = { entityType: 'organisation', entityId: id, projectId: null, cityId: null };
      let events = await auditEvents(t, { entityId: id });
      expect(actor.actorName).toBe('Aino Auditoija');
      expect(events).toEqual([
        expect.objectContaining({
          ...actor,
          ...record,
          action: 'create',
          changes: fromNothing({ ...body, country: 'FI' }),
        }),
      ]);

      await admin
        .patch(`/api/organisations/${id}`)
        .set('If-Match', '"1"')
        .send({ name: 'Kuopion Energia', businessId: null, country: 'FI' })
        .expect(200);
      events = await auditEvents(t, { entityId: id });
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({
        ...actor,
        ...record,
        action: 'update',
        changes: {
          name: { old: 'Kuopion Energia Oy', new: 'Kuopion Energia' },
          businessId: { old: '0201256-6', new: null },
        },
      });
      expect(Object.keys(events[1]!.changes).sort()).toEqual(['businessId', 'name']);

      await admin.delete(`/api/organisations/${id}`).set('If-Match', '"2"').expect(204);
      events = await auditEvents(t, { entityId: id });
      expect(events).toHaveLength(3);
      const last = { name: 'Kuopion Energia', kind: 'company', country: 'FI' };
      expect(events[2]).toMatchObject({
        ...actor,
        ...record,
        action: 'delete',
        changes: toNothing(last),
      });
      // A field that was empty before the delete has nothing to record.
      expect(Object.keys(events[2]!.changes).sort()).toEqual(['country', 'kind', 'name']);
    });

    it('records nothing for a rejected write', async () => {
      const city = await newOrganisation(t, { kind: 'city', businessId: '1944829-4' });
      await newAgreement(t, { cityId: city.id });
      await check.nothingChanged(t, { events: 'organisation' }, async () => {
        await t.http.post('/api/organisations').send({ name: '', kind: 'castle' }).expect(400);
        await t.http
          .post('/api/organisations')
          .send({ name: 'Kopio', kind: 'company', businessId: '1944829-4' })
          .expect(409);
        await t.http.patch(`/api/organisations/${city.id}`).send({ version: 1, kind: 'planet' }).expect(400);
        await check.versionedWritesRefused(t.http, '/api/organisations', city.id, 'name', 7);
      });
      expect((await t.http.get(`/api/organisations/${city.id}`).expect(200)).body.version).toBe(1);
    });

    it('records nothing for an update that changes nothing', async () => {
      const org = await newOrganisation(t, { name: 'Muuttumaton Oy' });
      await t.http.patch(`/api/organisations/${org.id}`).send({ version: 1, name: 'Muuttumaton Oy' }).expect(200);
      expect((await auditEvents(t, { entityId: org.id as string })).map((e) => e.action)).toEqual(['create']);
    });
  });
});
