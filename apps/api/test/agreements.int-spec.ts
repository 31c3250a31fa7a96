import { AgreementsService } from '../src/modules/agreements/agreements.service';
import { newAgreement, newOrganisation, newPriorityArea } from './support/factories';
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

describe('agreements API', () => {
  const t = useTestApp();
  // The rules every resource keeps (invalid fields, 401, stale versions, unknown ids, read-only roles, city
  // scope) are asserted once for all in resource-rules.int-spec.ts.

  /** A funding decision under the agreement, written straight to the table (its API is another module). */
  async function insertFundingDecision(agreementId: unknown): Promise<void> {
    const funder = await made(newOrganisation(t, { kind: 'regional_council' }));
    await t.dataSource.query(
      `INSERT INTO funding_decisions (agreement_id, funder_id, instrument) VALUES ($1, $2, 'akke')`,
      [agreementId, funder.id],
    );
  }

  describe('happy path', () => {
    it('creates, reads, lists, updates and deletes an agreement, with its city', async () => {
      const kuopio = await made(newOrganisation(t, { name: 'Kuopion kaupunki', kind: 'city' }));
      const body = { cityId: kuopio.id, title: 'Kuopion ekosysteemisopimus', signedOn: '2021-02-09' };
      const dates = { validFrom: '2021-02-09', validTo: '2027-12-31' };
      const created = await t.http
        .post('/api/agreements')
        .send({ ...body, ...dates })
        .expect(201);
      const city = { id: kuopio.id, name: 'Kuopion kaupunki' };
      expect(created.body).toEqual(createdRecord({ ...body, ...dates, city, reportingPeriodicity: 'year' }));
      const id = created.body.id as string;
      await check.foundAsCreated(t.http, '/api/agreements', created.body, { cityId: kuopio.id, q: 'EKOSYSTEEMI' });

      const updated = await t.http
        .patch(`/api/agreements/${id}`)
        .set('If-Match', '"1"')
        .send({ title: 'Kuopion innovaatioekosysteemisopimus', signedOn: null })
        .expect(200);
      expect(updated.body).toMatchObject({
        title: 'Kuopion innovaatioekosysteemisopimus',
        signedOn: null,
        validFrom: '2021-02-09',
        validTo: '2027-12-31',
        city: { id: kuopio.id, name: 'Kuopion kaupunki' },
        version: 2,
      });

      const other = await made(newOrganisation(t, { name: 'Joensuun kaupunki', kind: 'city' }));
      const moved = await t.http.patch(`/api/agreements/${id}`).send({ version: 2, cityId: other.id }).expect(200);
      expect(moved.body).toMatchObject({
        cityId: other.id,
        city: { id: other.id, name: 'Joensuun kaupunki' },
        version: 3,
      });
      expect((await t.http.get(`/api/agreements/${id}`).expect(200)).headers.etag).toBe('"3"');

      await t.http.delete(`/api/agreements/${id}`).set('If-Match', '"3"').expect(204);
      await t.http.get(`/api/agreements/${id}`).expect(404);
    });

    it('accepts an agreement whose dates are not known, and one valid for a single day', async () => {
      const city = await made(newOrganisation(t, { kind: 'city' }));
      const bare = await t.http.post('/api/agreements').send({ cityId: city.id, title: 'Aiesopimus' }).expect(201);
      expect(bare.body).toMatchObject({ signedOn: null, validFrom: null, validTo: null });
      await t.http
        .post('/api/agreements')
        .send({ cityId: city.id, title: 'Yhden päivän sopimus', validFrom: '2024-01-01', validTo: '2024-01-01' })
        .expect(201);
    });

    it('filters by city and free text, and sorts by title, signing date and creation', async () => {
      const city = await made(newOrganisation(t, { kind: 'city' }));
      const b = await made(newAgreement(t, { cityId: city.id, title: 'Beta 100% sopimus', signedOn: '2021-01-01' }));
      const a = await made(newAgreement(t, { cityId: city.id, title: 'Alfa sopimus', signedOn: '2023-06-19' }));
      const c = await made(newAgreement(t, { cityId: city.id, title: 'Gamma sopimus', signedOn: '2022-03-01' }));
      await made(newAgreement(t, { title: 'Alfa muualla' }));

      const ids = async (query: Record<string, unknown>) =>
        (
          await t.http
            .get('/api/agreements')
            .query({ cityId: city.id, ...query })
            .expect(200)
        ).body.items.map((i: { id: string }) => i.id);
      expect(await ids({})).toEqual([a.id, b.id, c.id]);
      expect(await ids({ sort: '-title' })).toEqual([c.id, b.id, a.id]);
      expect(await ids({ sort: 'signedOn' })).toEqual([b.id, c.id, a.id]);
      expect(await ids({ sort: '-signedOn' })).toEqual([a.id, c.id, b.id]);
      expect(await ids({ sort: 'createdAt' })).toEqual([b.id, a.id, c.id]);
      expect(await ids({ sort: '-createdAt' })).toEqual([c.id, a.id, b.id]);
      expect(await ids({ q: 'alfa' })).toEqual([a.id]);
      // LIKE wildcards in the text are taken literally.
      expect(await ids({ q: '100%' })).toEqual([b.id]);
      expect(await ids({ q: '_' })).toEqual([]);

      await check.page(t.http, '/api/agreements', { cityId: city.id, pageSize: 2, page: 2 }, { total: 3, ids: [c.id] });
      const pastEnd = await t.http.get('/api/agreements').query({ cityId: city.id, pageSize: 2, page: 5 }).expect(200);
      expect(pastEnd.body).toMatchObject({ items: [], total: 3, page: 5 });
    });
  });

  describe('reporting periodicity', () => {
    it('is set by year or half-year, and cannot change once indicator values exist (409, nothing changed)', async () => {
      const city = await made(newOrganisation(t, { kind: 'city' }));
      const created = await t.http
        .post('/api/agreements')
        .send({ cityId: city.id, title: 'Puolivuosittain raportoiva', reportingPeriodicity: 'half_year' })
        .expect(201);
      expect(created.body.reportingPeriodicity).toBe('half_year');
      await t.http
        .patch(`/api/agreements/${created.body.id}`)
        .send({ version: 1, reportingPeriodicity: 'quarter' })
        .expect(400);
      const changed = await t.http
        .patch(`/api/agreements/${created.body.id}`)
        .send({ version: 1, reportingPeriodicity: 'year' })
        .expect(200);
      expect(changed.body).toMatchObject({ reportingPeriodicity: 'year', version: 2 });

      const [indicator] = await t.dataSource.query<
        Array<{
          id: string;
        }>
      >(`SELECT id FROM indicators WHERE code = 'RCO07'`);
      await t.dataSource.query(
        `INSERT INTO indicator_actuals (indicator_id, agreement_id, period, value, entered_by) VALUES ($1, $2, '2024', 3, 'Testi')`,
        [indicator!.id, created.body.id],
      );
      const refused = await t.http
        .patch(`/api/agreements/${created.body.id}`)
        .send({ version: 2, reportingPeriodicity: 'half_year' })
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'RULE_VIOLATION',
        problems: { reportingPeriodicity: [{ code: 'inUse', params: { count: 1 } }] },
      });
      const after = await t.http.get(`/api/agreements/${created.body.id}`).expect(200);
      expect(after.body).toMatchObject({ reportingPeriodicity: 'year', version: 2 });
    });
  });

  describe('validation', () => {
    // Invalid fields in general: resource-rules.int-spec.ts.
    it('rejects a title over 300 characters and writes nothing', async () => {
      const before = await rowCount(t, 'agreements');
      const tooLong = await t.http
        .post('/api/agreements')
        .send({ cityId: UNKNOWN_ID, title: 'x'.repeat(301) })
        .expect(400);
      expect(fieldsOf(tooLong)).toEqual(['title']);
      expect(await rowCount(t, 'agreements')).toBe(before);
    });

    it('requires the city to be an existing organisation of kind city', async () => {
      const before = await rowCount(t, 'agreements');
      const unknown = await t.http.post('/api/agreements').send({ cityId: UNKNOWN_ID, title: 'Sopimus' }).expect(400);
      expect(unknown.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(unknown)).toEqual(['cityId']);
      const company = await made(newOrganisation(t, { kind: 'company' }));
      const notCity = await t.http.post('/api/agreements').send({ cityId: company.id, title: 'Sopimus' }).expect(400);
      expect(fieldsOf(notCity)).toEqual(['cityId']);
      expect(notCity.body.details.cityId[0]).toMatch(/city/);
      expect(await rowCount(t, 'agreements')).toBe(before);
    });

    it('requires validFrom on or before validTo, reporting every bad field at once', async () => {
      const city = await made(newOrganisation(t, { kind: 'city' }));
      const reversed = { title: 'Sopimus', validFrom: '2027-12-31', validTo: '2021-02-09' };
      await check.nothingChanged(t, { rows: ['agreements'] }, () =>
        check.invalidCreates(t.http, '/api/agreements', [
          [{ ...reversed, cityId: city.id }, ['validTo']],
          [{ ...reversed, cityId: UNKNOWN_ID }, ['cityId', 'validTo']],
        ]),
      );
    });

    it('rejects invalid updates and changes nothing', async () => {
      const agreement = await made(newAgreement(t));
      const company = await made(newOrganisation(t, { kind: 'university' }));
      await check.invalidUpdates(t.http, `/api/agreements/${agreement.id}`, [
        [{ validTo: '2020-12-31' }, ['validTo']], // before the stored validFrom 2021-02-09
        [{ validFrom: '2028-01-01' }, ['validTo']], // after the stored validTo 2027-12-31
        [{ cityId: company.id }, ['cityId']],
        [{ cityId: UNKNOWN_ID }, ['cityId']],
        [{ title: null }, ['title']],
        [{ cityId: null }, ['cityId']],
        [{ title: '' }, ['title']],
        [{ signedOn: '2021-13-01' }, ['signedOn']],
        [{ id: UNKNOWN_ID }, ['id']],
      ]);
      const current = await t.http.get(`/api/agreements/${agreement.id}`).expect(200);
      expect(current.body).toEqual(agreement);
      // Clearing one end lifts the ordering rule.
      await t.http
        .patch(`/api/agreements/${agreement.id}`)
        .send({ version: 1, validFrom: null, validTo: '2020-12-31' })
        .expect(200);
    });

    it('validates list filters, sort and page size', async () => {
      const res = await t.http
        .get('/api/agreements')
        .query({ pageSize: 1000, page: 0, sort: 'cityId', cityId: 'kuopio', status: 'x' })
        .expect(400);
      expect(fieldsOf(res)).toEqual(['cityId', 'page', 'pageSize', 'sort', 'status']);
    });
  });

  describe('delete while in use', () => {
    it('refuses to delete an agreement with priority areas (409 IN_USE) and deletes nothing', async () => {
      const agreement = await made(newAgreement(t));
      const area = await made(newPriorityArea(t, { agreementId: agreement.id }));
      const [agreements, areas] = [await rowCount(t, 'agreements'), await rowCount(t, 'priority_areas')];
      const res = await t.http.delete(`/api/agreements/${agreement.id}`).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'IN_USE' });
      expect(fieldsOf(res)).toEqual(['priorityAreas']);
      expect(await rowCount(t, 'agreements')).toBe(agreements);
      expect(await rowCount(t, 'priority_areas')).toBe(areas);
      await t.http.get(`/api/agreements/${agreement.id}`).expect(200);

      await t.http.delete(`/api/priority-areas/${area.id}`).expect(204);
      await t.http.delete(`/api/agreements/${agreement.id}`).expect(204);
      await t.http.get(`/api/agreements/${agreement.id}`).expect(404);
    });

    it('refuses to delete an agreement with funding decisions (409 IN_USE) and deletes nothing', async () => {
      const agreement = await made(newAgreement(t));
      await insertFundingDecision(agreement.id);
      const before = await rowCount(t, 'agreements');
      const res = await t.http.delete(`/api/agreements/${agreement.id}`).set('If-Match', '"1"').expect(409);
      expect(res.body.code).toBe('IN_USE');
      expect(fieldsOf(res)).toEqual(['fundingDecisions']);
      expect(await rowCount(t, 'agreements')).toBe(before);
      await t.http.get(`/api/agreements/${agreement.id}`).expect(200);
    });
  });

  describe('statement bound', () => {
    it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
      const city = await made(newOrganisation(t, { kind: 'city' }));
      for (let i = 0; i < 30; i++) await made(newAgreement(t, { cityId: i % 2 === 0 ? city.id : undefined }));
      const pages = await check.pagesInTwoStatements(t, t.http, '/api/agreements', [
        { pageSize: 1 },
        { pageSize: 10 },
        { pageSize: 100 },
        { pageSize: 100, cityId: city.id, q: 'sopimus' },
        { page: 99 },
      ]);
      for (const page of pages) {
        expect(page.body.total).toBeGreaterThanOrEqual(15);
        for (const item of page.body.items) expect(item.city.name).toEqual(expect.any(String));
      }
      const agreement = await made(newAgreement(t));
      await check.inTwoStatements(t, () => t.http.get(`/api/agreements/${agreement.id}`).expect(200));
    });
  });

  // What a city's users see and may write through the API: resource-rules.int-spec.ts.
  describe('city scope', () => {
    let cityA: Created;
    let cityB: Created;
    let inA2: Created;
    let inB: Created;
    beforeAll(async () => {
      cityA = await made(newOrganisation(t, { kind: 'city', name: 'Rajakaupunki A' }));
      cityB = await made(newOrganisation(t, { kind: 'city', name: 'Rajakaupunki B' }));
      inA2 = await made(newAgreement(t, { cityId: cityA.id, title: 'Rajattu sopimus A2' }));
      inB = await made(newAgreement(t, { cityId: cityB.id, title: 'Rajattu sopimus B1' }));
    });

    // Only admins (every city) hold 'agreements:write' today, so the write paths' own scope is
    // proved on the service with a city-scoped actor: it must hold even if the table changes.
    it('scopes every write to the actor’s city: other ids not found, another city refused as unknown', async () => {
      const service = t.app.get(AgreementsService);
      const { user, actor } = await coordinatorActor(t, cityA.id, 'Rajattu Koordinaattori');
      const before = await auditEvents(t, { entityType: 'agreement' });

      await expect(service.get(inB.id, actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(service.update(inB.id, { title: 'Kaapattu' }, 1, actor)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(service.remove(inB.id, undefined, actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(service.create({ cityId: cityB.id, title: 'Väärä kaupunki' }, actor)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { cityId: [expect.any(String)] },
      });
      await expect(service.update(inA2.id, { cityId: cityB.id }, 1, actor)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { cityId: [expect.any(String)] },
      });
      expect((await t.http.get(`/api/agreements/${inB.id}`).expect(200)).body).toEqual(inB);
      expect((await t.http.get(`/api/agreements/${inA2.id}`).expect(200)).body).toEqual(inA2);
      expect(await auditEvents(t, { entityType: 'agreement' })).toEqual(before);

      // Its own city is writable, and the event names the scoped actor.
      const created = await service.create({ cityId: cityA.id, title: 'Oma sopimus' }, actor);
      expect(created).toMatchObject({ cityId: cityA.id, title: 'Oma sopimus' });
      const renamed = await service.update(created.id, { title: 'Oma sopimus 2' }, 1, actor);
      expect(renamed.version).toBe(2);
      await service.remove(created.id, 2, actor);
      const trail = (await auditEvents(t, { entityId: created.id })).map((e) => [e.action, e.actorId, e.cityId]);
      expect(trail).toEqual(['create', 'update', 'delete'].map((action) => [action, user.id, cityA.id]));
    });
  });

  describe('audit trail', () => {
    it('records create, update and delete once each, with the actor, the city and exact old → new dates', async () => {
      const admin = await signedInUser(t, 'admin', { displayName: 'Aarne Auditoija' });
      const kuopio = await made(newOrganisation(t, { kind: 'city', name: 'Kuopio' }));
      const joensuu = await made(newOrganisation(t, { kind: 'city', name: 'Joensuu' }));
      const body = { cityId: kuopio.id, title: 'Auditoitu sopimus', signedOn: '2021-02-09', validTo: '2027-12-31' };
      const created = await admin.agent.post('/api/agreements').send(body).expect(201);
      const id = created.body.id as string;
      const record = { entityType: 'agreement', entityId: id, projectId: null };
      let events = await auditEvents(t, { entityId: id });
      expect(admin.actor.actorName).toBe('Aarne Auditoija');
      expect(events).toEqual([
        expect.objectContaining({
          ...admin.actor,
          ...record,
          action: 'create',
          cityId: kuopio.id,
          changes: fromNothing({ ...body, reportingPeriodicity: 'year' }),
        }),
      ]);

      await admin.agent
        .patch(`/api/agreements/${id}`)
        .set('If-Match', '"1"')
        .send({ signedOn: '2021-02-10', validFrom: '2021-03-01', validTo: null, title: 'Auditoitu sopimus' })
        .expect(200);
      await admin.agent.patch(`/api/agreements/${id}`).send({ version: 2, cityId: joensuu.id }).expect(200);
      events = await auditEvents(t, { entityId: id });
      expect(events.slice(1)).toEqual([
        expect.objectContaining({
          ...admin.actor,
          action: 'update',
          cityId: kuopio.id,
          changes: {
            signedOn: { old: '2021-02-09', new: '2021-02-10' },
            validFrom: { old: null, new: '2021-03-01' },
            validTo: { old: '2027-12-31', new: null },
          },
        }),
        expect.objectContaining({
          action: 'update',
          cityId: joensuu.id,
          changes: { cityId: { old: kuopio.id, new: joensuu.id } },
        }),
      ]);

      await admin.agent.delete(`/api/agreements/${id}`).set('If-Match', '"3"').expect(204);
      events = await auditEvents(t, { entityId: id });
      expect(events).toHaveLength(4);
      const last = { cityId: joensuu.id, title: 'Auditoitu sopimus', signedOn: '2021-02-10', validFrom: '2021-03-01' };
      expect(events[3]).toMatchObject({
        ...admin.actor,
        action: 'delete',
        cityId: joensuu.id,
        changes: toNothing(last),
      });
      expect(Object.keys(events[3]!.changes).sort()).toEqual([
        'cityId',
        'reportingPeriodicity',
        'signedOn',
        'title',
        'validFrom',
      ]);
    });

    it('records nothing for a rejected write (400, 404, 409 stale or in use, 428)', async () => {
      const agreement = await made(newAgreement(t));
      await newPriorityArea(t, { agreementId: agreement.id });
      const company = await made(newOrganisation(t, { kind: 'company' }));
      const url = `/api/agreements/${agreement.id}`;

      await check.nothingChanged(t, { events: 'agreement' }, async () => {
        await t.http.post('/api/agreements').send({ cityId: company.id, title: 'Ei kaupunki' }).expect(400);
        await t.http
          .post('/api/agreements')
          .send({ cityId: agreement.cityId, title: 'Väärin päin', validFrom: '2027-01-01', validTo: '2021-01-01' })
          .expect(400);
        await t.http.patch(url).send({ version: 1, validTo: '2020-01-01' }).expect(400);
        await t.http.patch(url).send({ version: 1, cityId: company.id }).expect(400);
        await check.versionedWritesRefused(t.http, '/api/agreements', agreement.id, 'title');
      });
      expect((await t.http.get(`/api/agreements/${agreement.id}`).expect(200)).body).toEqual(agreement);
    });
  });
});
