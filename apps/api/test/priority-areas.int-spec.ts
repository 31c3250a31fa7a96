import { PriorityAreasService } from '../src/modules/priority-areas/priority-areas.service';
import { newAgreement, newOrganisation, newPriorityArea, newProject } from './support/factories';
import * as check from './support/checks';
import {
  auditEvents,
  coordinatorActor,
  fromNothing,
  rowCount,
  signedInUser,
  toNothing,
  useTestApp,
} from './support/test-app';
import { createdRecord, fieldsOf, UNKNOWN_ID } from './support/values';

/** The JSON of a created record, with the id every test uses in URLs. */
type Created = Record<string, unknown> & { id: string; version: number };
const made = (record: Promise<Record<string, unknown>>) => record as Promise<Created>;

describe('priority areas API', () => {
  const t = useTestApp();
  // The rules every resource keeps (invalid fields, 401, stale versions, unknown ids, read-only roles, city
  // scope) are asserted once for all in resource-rules.int-spec.ts.

  describe('happy path', () => {
    it('creates, reads, lists, updates and deletes a priority area', async () => {
      const agreement = await made(newAgreement(t));
      const names = { nameFi: 'Vesi', nameSv: 'Vatten', nameEn: 'Water' };
      const subThemes = ['Älykkäät vesihuoltoratkaisut', 'Älykkäät talteenottoprosessit ja nollapäästöiset laitokset'];
      const body = { agreementId: agreement.id, ...names, description: 'Vesiosaaminen', subThemes };
      const created = await t.http.post('/api/priority-areas').send(body).expect(201);
      // Every field as sent: the answer echoes them all.
      expect(created.body).toEqual(createdRecord(body));
      const id = created.body.id as string;
      await check.foundAsCreated(t.http, '/api/priority-areas', created.body, {
        agreementId: agreement.id,
        q: 'water',
      });

      const change = { nameEn: null, description: null, subThemes: ['Älykkäät vesihuoltoratkaisut'] };
      const updated = await t.http.patch(`/api/priority-areas/${id}`).set('If-Match', '"1"').send(change).expect(200);
      // What was not sent stays as it was.
      const kept = { agreementId: agreement.id, nameFi: 'Vesi', nameSv: 'Vatten' };
      expect(updated.body).toMatchObject({ ...kept, ...change, version: 2 });
      const cleared = await t.http.patch(`/api/priority-areas/${id}`).send({ version: 2, subThemes: [] }).expect(200);
      expect(cleared.body).toMatchObject({ subThemes: [], version: 3 });
      expect((await t.http.get(`/api/priority-areas/${id}`).expect(200)).body).toEqual(cleared.body);

      await t.http.delete(`/api/priority-areas/${id}`).set('If-Match', '"3"').expect(204);
      await t.http.get(`/api/priority-areas/${id}`).expect(404);
    });

    it('defaults the optional fields to empty', async () => {
      const agreement = await made(newAgreement(t));
      const res = await t.http
        .post('/api/priority-areas')
        .send({ agreementId: agreement.id, nameFi: 'Terveysteknologia' })
        .expect(201);
      expect(res.body).toMatchObject({ nameSv: null, nameEn: null, description: null, subThemes: [] });
    });

    it('filters by agreement and by any of the three names, and sorts by Finnish name and creation', async () => {
      const agreement = await made(newAgreement(t));
      const water = await made(
        newPriorityArea(t, { agreementId: agreement.id, nameFi: 'Vesi', nameSv: 'Vatten', nameEn: 'Water' }),
      );
      const health = await made(
        newPriorityArea(t, {
          agreementId: agreement.id,
          nameFi: 'Terveys- ja hyvinvointiteknologia',
          nameSv: 'Hälso- och välfärdsteknologi',
          nameEn: 'Health and wellbeing technology',
        }),
      );
      const ai = await made(newPriorityArea(t, { agreementId: agreement.id, nameFi: 'Akku_teknologia 100%' }));
      const elsewhere = await made(newPriorityArea(t, { nameFi: 'Vesi', nameEn: 'Water' })); // another agreement's

      const ids = async (query: Record<string, unknown>) =>
        (
          await t.http
            .get('/api/priority-areas')
            .query({ agreementId: agreement.id, ...query })
            .expect(200)
        ).body.items.map((i: { id: string }) => i.id);
      expect(await ids({})).toEqual([ai.id, health.id, water.id]);
      expect(await ids({ sort: '-nameFi' })).toEqual([water.id, health.id, ai.id]);
      expect(await ids({ sort: 'createdAt' })).toEqual([water.id, health.id, ai.id]);
      expect(await ids({ sort: '-createdAt' })).toEqual([ai.id, health.id, water.id]);
      expect(await ids({ q: 'vesi' })).toEqual([water.id]);
      expect(await ids({ q: 'VATTEN' })).toEqual([water.id]);
      expect(await ids({ q: 'wellbeing' })).toEqual([health.id]);
      expect(await ids({ q: 'teknolog' })).toEqual([ai.id, health.id]);
      // LIKE wildcards in the text are taken literally.
      expect(await ids({ q: '_' })).toEqual([ai.id]);
      expect(await ids({ q: '%' })).toEqual([ai.id]);

      const all = await t.http.get('/api/priority-areas').query({ q: 'water', pageSize: 100 }).expect(200);
      expect(all.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([water.id, elsewhere.id]));
      const second = { agreementId: agreement.id, pageSize: 2, page: 2 };
      await check.page(t.http, '/api/priority-areas', second, { total: 3, ids: [water.id] });
    });
  });

  describe('validation', () => {
    // Invalid fields in general: resource-rules.int-spec.ts.
    it('rejects too many, empty, too long or other than text sub-themes, writing nothing, and accepts the limits', async () => {
      const agreement = await made(newAgreement(t));
      const before = await rowCount(t, 'priority_areas');
      const badThemes: unknown[] = [
        Array.from({ length: 21 }, (_, i) => `Teema ${i}`),
        ['Vesi', ''],
        ['Vesi', '   '],
        ['x'.repeat(301)],
        ['Vesi', 7],
        null,
      ];
      for (const subThemes of badThemes) {
        const r = await t.http
          .post('/api/priority-areas')
          .send({ agreementId: agreement.id, nameFi: 'Vesi', subThemes })
          .expect(400);
        expect({ subThemes, fields: fieldsOf(r) }).toEqual({ subThemes, fields: ['subThemes'] });
      }
      expect(await rowCount(t, 'priority_areas')).toBe(before);

      // The limits themselves are allowed.
      await t.http
        .post('/api/priority-areas')
        .send({
          agreementId: agreement.id,
          nameFi: 'x'.repeat(200),
          subThemes: Array.from({ length: 20 }, () => 'y'.repeat(300)),
        })
        .expect(201);
    });

    it('requires the agreement to exist', async () => {
      const before = await rowCount(t, 'priority_areas');
      const res = await t.http
        .post('/api/priority-areas')
        .send({ agreementId: UNKNOWN_ID, nameFi: 'Vesi' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['agreementId']);
      expect(await rowCount(t, 'priority_areas')).toBe(before);
    });

    it('never moves an area to another agreement, and rejects other invalid updates, changing nothing', async () => {
      const area = await made(newPriorityArea(t, { nameSv: 'Vatten', subThemes: ['Vesihuolto'] }));
      const other = await made(newAgreement(t));
      await check.invalidUpdates(t.http, `/api/priority-areas/${area.id}`, [
        [{ agreementId: other.id }, ['agreementId']],
        [{ agreementId: area.agreementId }, ['agreementId']], // not even the same one: it is not an updatable field
        [{ agreementId: UNKNOWN_ID, nameFi: 'Uusi' }, ['agreementId']],
        [{ nameFi: null }, ['nameFi']],
        [{ nameFi: '' }, ['nameFi']],
        [{ subThemes: null }, ['subThemes']],
        [{ subThemes: [''] }, ['subThemes']],
        [{ nameEn: 'x'.repeat(201) }, ['nameEn']],
        [{ id: UNKNOWN_ID }, ['id']],
      ]);
      const current = await t.http.get(`/api/priority-areas/${area.id}`).expect(200);
      expect(current.body).toEqual(area);
    });

    it('validates list filters, sort and page size', async () => {
      const res = await t.http
        .get('/api/priority-areas')
        .query({ pageSize: 101, page: 'x', sort: 'nameSv', agreementId: '123', q: 'x'.repeat(201) })
        .expect(400);
      expect(fieldsOf(res)).toEqual(['agreementId', 'page', 'pageSize', 'q', 'sort']);
    });
  });

  describe('delete while in use', () => {
    it('refuses to delete an area with projects (409 IN_USE) and deletes nothing', async () => {
      const area = await made(newPriorityArea(t));
      await newProject(t, { priorityAreaId: area.id });
      const before = await rowCount(t, 'priority_areas');
      const res = await t.http.delete(`/api/priority-areas/${area.id}`).set('If-Match', '"1"').expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'IN_USE' });
      expect(fieldsOf(res)).toEqual(['projects']);
      expect(await rowCount(t, 'priority_areas')).toBe(before);
      await t.http.get(`/api/priority-areas/${area.id}`).expect(200);
    });
  });

  describe('statement bound', () => {
    it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
      const agreement = await made(newAgreement(t));
      for (let i = 0; i < 30; i++) {
        await made(
          newPriorityArea(t, { agreementId: i % 2 === 0 ? agreement.id : undefined, subThemes: ['a', 'b', 'c'] }),
        );
      }
      const pages = await check.pagesInTwoStatements(t, t.http, '/api/priority-areas', [
        { pageSize: 1 },
        { pageSize: 10 },
        { pageSize: 100 },
        { pageSize: 100, agreementId: agreement.id, q: 'painopiste' },
        { page: 99 },
      ]);
      for (const page of pages) expect(page.body.total).toBeGreaterThanOrEqual(15);
      const area = await made(newPriorityArea(t));
      await check.inTwoStatements(t, () => t.http.get(`/api/priority-areas/${area.id}`).expect(200));
    });
  });

  // What a city's users see and may write through the API: resource-rules.int-spec.ts.
  describe('city scope (through the agreement)', () => {
    let cityA: Created;
    let agreementA: Created;
    let agreementB: Created;
    let inB: Created;
    beforeAll(async () => {
      cityA = await made(newOrganisation(t, { kind: 'city', name: 'Alueraja A' }));
      const cityB = await made(newOrganisation(t, { kind: 'city', name: 'Alueraja B' }));
      agreementA = await made(newAgreement(t, { cityId: cityA.id }));
      agreementB = await made(newAgreement(t, { cityId: cityB.id }));
      inB = await made(newPriorityArea(t, { agreementId: agreementB.id, nameFi: 'Rajattu alue B1' }));
    });

    // Only admins (every city) hold 'agreements:write' today, so the write paths' own scope is
    // proved on the service with a city-scoped actor: it must hold even if the table changes.
    it('scopes every write to the actor’s city: other ids not found, another city’s agreement refused as unknown', async () => {
      const service = t.app.get(PriorityAreasService);
      const { user, actor } = await coordinatorActor(t, cityA.id, 'Rajattu Koordinaattori');
      const before = await auditEvents(t, { entityType: 'priority_area' });
      const areas = await rowCount(t, 'priority_areas');

      await expect(service.get(inB.id, actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(service.update(inB.id, { nameFi: 'Kaapattu' }, 1, actor)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(service.remove(inB.id, undefined, actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const crossCity = await service.create({ agreementId: agreementB.id, nameFi: 'Väärä' }, actor).catch((e) => e);
      const unknown = await service.create({ agreementId: UNKNOWN_ID, nameFi: 'Väärä' }, actor).catch((e) => e);
      expect(crossCity).toMatchObject({ code: 'VALIDATION_FAILED', details: { agreementId: [expect.any(String)] } });
      // Exactly as if it did not exist.
      expect(crossCity.message.replace(agreementB.id, UNKNOWN_ID)).toBe(unknown.message);
      expect((await t.http.get(`/api/priority-areas/${inB.id}`).expect(200)).body).toEqual(inB);
      expect(await rowCount(t, 'priority_areas')).toBe(areas);
      expect(await auditEvents(t, { entityType: 'priority_area' })).toEqual(before);

      // Its own city's agreement is writable, and the events name the scoped actor and city A.
      const created = await service.create({ agreementId: agreementA.id, nameFi: 'Oma alue' }, actor);
      await service.update(created.id, { nameFi: 'Oma alue 2' }, 1, actor);
      await service.remove(created.id, 2, actor);
      const trail = (await auditEvents(t, { entityId: created.id })).map((e) => [e.action, e.actorId, e.cityId]);
      expect(trail).toEqual(['create', 'update', 'delete'].map((action) => [action, user.id, cityA.id]));
    });
  });

  describe('audit trail', () => {
    it("records create, update and delete once each, with the actor, the agreement's city and old → new values", async () => {
      const admin = await signedInUser(t, 'admin', { displayName: 'Aili Auditoija' });
      const city = await made(newOrganisation(t, { kind: 'city' }));
      const agreement = await made(newAgreement(t, { cityId: city.id }));
      const body = { agreementId: agreement.id, nameFi: 'Vesi', nameEn: 'Water', subThemes: ['Vesihuolto'] };
      const created = await admin.agent.post('/api/priority-areas').send(body).expect(201);
      const id = created.body.id as string;
      // The area's city is its agreement's.
      const record = { entityType: 'priority_area', entityId: id, projectId: null, cityId: city.id };
      let events = await auditEvents(t, { entityId: id });
      expect(admin.actor.actorName).toBe('Aili Auditoija');
      expect(events).toEqual([
        expect.objectContaining({ ...admin.actor, ...record, action: 'create', changes: fromNothing(body) }),
      ]);

      await admin.agent
        .patch(`/api/priority-areas/${id}`)
        .set('If-Match', '"1"')
        .send({ nameFi: 'Vesi', nameSv: 'Vatten', nameEn: null, subThemes: ['Vesihuolto', 'Talteenotto'] })
        .expect(200);
      events = await auditEvents(t, { entityId: id });
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({
        ...admin.actor,
        action: 'update',
        cityId: city.id,
        changes: {
          nameSv: { old: null, new: 'Vatten' },
          nameEn: { old: 'Water', new: null },
          subThemes: { old: ['Vesihuolto'], new: ['Vesihuolto', 'Talteenotto'] },
        },
      });
      expect(Object.keys(events[1]!.changes).sort()).toEqual(['nameEn', 'nameSv', 'subThemes']);

      await admin.agent.delete(`/api/priority-areas/${id}`).set('If-Match', '"2"').expect(204);
      events = await auditEvents(t, { entityId: id });
      expect(events).toHaveLength(3);
      const last = {
        agreementId: agreement.id,
        nameFi: 'Vesi',
        nameSv: 'Vatten',
        subThemes: ['Vesihuolto', 'Talteenotto'],
      };
      expect(events[2]).toMatchObject({ ...admin.actor, action: 'delete', cityId: city.id, changes: toNothing(last) });
    });

    it('records nothing for a rejected write (400, 404, 409 stale or in use, 428)', async () => {
      const area = await made(newPriorityArea(t));
      await newProject(t, { priorityAreaId: area.id });
      await check.nothingChanged(t, { events: 'priority_area' }, async () => {
        await t.http.post('/api/priority-areas').send({ agreementId: UNKNOWN_ID, nameFi: 'Ei sopimusta' }).expect(400);
        await t.http.post('/api/priority-areas').send({ agreementId: area.agreementId, nameFi: '' }).expect(400);
        await t.http
          .patch(`/api/priority-areas/${area.id}`)
          .send({ version: 1, subThemes: [''] })
          .expect(400);
        await check.versionedWritesRefused(t.http, '/api/priority-areas', area.id, 'nameFi');
      });
      expect((await t.http.get(`/api/priority-areas/${area.id}`).expect(200)).body).toEqual(area);
    });
  });
});
