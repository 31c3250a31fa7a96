import {
  newAgreement,
  newCityPortfolio,
  newFundingDecision,
  newOrganisation,
  newPayment,
  newProject,
} from './support/factories';
import * as check from './support/checks';
import { auditEvents, fromNothing, rowCount, signedInUser, toNothing, useTestApp } from './support/test-app';
import { createdRecord, fieldsOf, type Json, UNKNOWN_ID } from './support/values';

/** The body of a new ERDF funding application under the agreement, from the funder. */
const application = (agreementId: unknown, funderId: unknown, fields: Json = {}): Json => ({
  agreementId,
  funderId,
  instrument: 'erdf',
  status: 'applied',
  ...fields,
});

describe('funding decisions API', () => {
  const t = useTestApp();
  // The rules every resource keeps (invalid fields, 401, stale versions, unknown ids, read-only roles, city
  // scope) are asserted once for all in resource-rules.int-spec.ts.

  async function read(id: unknown): Promise<Json> {
    return (await t.http.get(`/api/funding-decisions/${id as string}`).expect(200)).body as Json;
  }

  describe('happy path', () => {
    it('creates, reads, lists, updates and deletes a funding decision', async () => {
      const agreement = await newAgreement(t);
      const project = await newProject(t, { agreementId: agreement.id });
      const city = await newOrganisation(t, { name: 'Kuopion kaupunki', kind: 'city' });
      const savonia = await newOrganisation(t, {
        name: 'Savonia-ammattikorkeakoulu',
        kind: 'university_of_applied_sciences',
      });

      const body = {
        agreementId: agreement.id,
        projectId: project.id,
        funderId: city.id,
        recipientId: savonia.id,
        instrument: 'city_co_funding',
        decisionBody: 'Kuopion kaupunginhallitus',
        decisionDate: '2023-06-19',
        recordNumber: '§210',
        amountGranted: '15000',
        coFundingRate: '20',
        cap: '15000.00',
        eligibleFrom: '2023-08-01',
        eligibleTo: '2025-07-31',
        status: 'applied',
        conditions: 'Maksatus edellyttää hyväksyttyä raportointia.',
      };
      const created = await t.http.post('/api/funding-decisions').send(body).expect(201);
      // As sent, the amounts with two decimals, and with the names and sums a reader needs.
      expect(created.body).toEqual(
        createdRecord({
          ...body,
          amountGranted: '15000.00',
          coFundingRate: '20.00',
          funder: { id: city.id, name: 'Kuopion kaupunki' },
          recipient: { id: savonia.id, name: 'Savonia-ammattikorkeakoulu' },
          project: { id: project.id, code: project.code, name: project.name },
          paid: '0.00',
          remaining: '15000.00',
          paymentCount: 0,
          allowedTransitions: ['granted', 'rejected', 'withdrawn'],
        }),
      );
      const id = created.body.id as string;
      await check.foundAsCreated(t.http, '/api/funding-decisions', created.body, {
        agreementId: agreement.id,
        q: '§210',
      });

      const change = { status: 'granted', coFundingRate: '25.50', recipientId: null, conditions: null };
      const granted = await t.http
        .patch(`/api/funding-decisions/${id}`)
        .set('If-Match', '"1"')
        .send(change)
        .expect(200);
      expect(granted.body).toMatchObject({
        ...change,
        recipient: null,
        allowedTransitions: ['amended', 'withdrawn'],
        version: 2,
      });
      expect(await read(id)).toEqual(granted.body);

      const amended = await t.http
        .patch(`/api/funding-decisions/${id}`)
        .send({ version: 2, status: 'amended', amountGranted: '12000.00', projectId: null })
        .expect(200);
      expect(amended.body).toMatchObject({
        status: 'amended',
        amountGranted: '12000.00',
        remaining: '12000.00',
        project: null,
        version: 3,
      });

      await t.http.delete(`/api/funding-decisions/${id}`).set('If-Match', '"3"').expect(204);
      await t.http.get(`/api/funding-decisions/${id}`).expect(404);
    });

    it('records a decision for the agreement as a whole with an unknown amount', async () => {
      const tem = await newOrganisation(t, { name: 'Työ- ja elinkeinoministeriö', kind: 'ministry' });
      const res = await t.http
        .post('/api/funding-decisions')
        .send({ agreementId: (await newAgreement(t)).id, funderId: tem.id, instrument: 'akke', status: 'granted' })
        .expect(201);
      expect(res.body).toMatchObject({
        projectId: null,
        project: null,
        recipient: null,
        amountGranted: null,
        coFundingRate: null,
        paid: '0.00',
        remaining: null,
        paymentCount: 0,
        funder: { id: tem.id, name: 'Työ- ja elinkeinoministeriö' },
      });
    });

    it('sums the payments exactly: 3 × 333.33 of 1000.00 leaves 0.01', async () => {
      const decision = await newFundingDecision(t, { amountGranted: '1000.00' });
      for (let i = 0; i < 3; i++) await newPayment(t, { fundingDecisionId: decision.id, amount: '333.33' });
      expect(await read(decision.id)).toMatchObject({
        amountGranted: '1000.00',
        paid: '999.99',
        remaining: '0.01',
        paymentCount: 3,
      });
      const list = await t.http.get('/api/funding-decisions').query({ agreementId: decision.agreementId }).expect(200);
      expect(list.body.items[0]).toMatchObject({ id: decision.id, paid: '999.99', remaining: '0.01', paymentCount: 3 });
    });
  });

  describe('validation', () => {
    it.each([
      ['100.01', 400],
      ['101', 400],
      ['1000', 400],
      ['-5', 400],
      ['20,5', 400],
      ['abc', 400],
      ['100', 201],
      ['100.00', 201],
      ['0', 201],
      ['20.5', 201],
    ])('co-funding rate %s → %i', async (rate, status) => {
      const agreement = await newAgreement(t);
      const funder = await newOrganisation(t);
      const before = await rowCount(t, 'funding_decisions');
      const res = await t.http
        .post('/api/funding-decisions')
        .send(application(agreement.id, funder.id, { coFundingRate: rate }))
        .expect(status);
      if (status === 400) {
        expect(fieldsOf(res)).toEqual(['coFundingRate']);
        expect(await rowCount(t, 'funding_decisions')).toBe(before);
      }
    });

    it('requires the eligible period to end on or after its start', async () => {
      const agreement = await newAgreement(t);
      const funder = await newOrganisation(t);
      const before = await rowCount(t, 'funding_decisions');
      const res = await t.http
        .post('/api/funding-decisions')
        .send(application(agreement.id, funder.id, { eligibleFrom: '2024-01-01', eligibleTo: '2023-12-31' }))
        .expect(400);
      expect(fieldsOf(res)).toEqual(['eligibleTo']);
      expect(await rowCount(t, 'funding_decisions')).toBe(before);

      const decision = await newFundingDecision(t, { eligibleFrom: '2024-01-01', eligibleTo: '2024-12-31' });
      const patch = await t.http
        .patch(`/api/funding-decisions/${decision.id as string}`)
        .send({ version: 1, eligibleTo: '2023-06-30' })
        .expect(400);
      expect(fieldsOf(patch)).toEqual(['eligibleTo']);
      expect(await read(decision.id)).toMatchObject({ eligibleTo: '2024-12-31', version: 1 });
    });

    it('answers 400 with the field for references to records that do not exist', async () => {
      const before = await rowCount(t, 'funding_decisions');
      const res = await t.http
        .post('/api/funding-decisions')
        .send(application(UNKNOWN_ID, UNKNOWN_ID, { projectId: UNKNOWN_ID, recipientId: UNKNOWN_ID }))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['agreementId', 'funderId', 'projectId', 'recipientId']);
      expect(await rowCount(t, 'funding_decisions')).toBe(before);
    });

    it('refuses a project of another agreement (400 details.projectId), on create and on update', async () => {
      const agreement = await newAgreement(t);
      const other = await newAgreement(t);
      const foreignProject = await newProject(t, { agreementId: other.id });
      const funder = await newOrganisation(t);
      const before = await rowCount(t, 'funding_decisions');
      const res = await t.http
        .post('/api/funding-decisions')
        .send(application(agreement.id, funder.id, { projectId: foreignProject.id }))
        .expect(400);
      expect(fieldsOf(res)).toEqual(['projectId']);
      expect(res.body.details.projectId[0]).toMatch(/does not belong/);
      expect(await rowCount(t, 'funding_decisions')).toBe(before);

      const decision = await newFundingDecision(t, { agreementId: agreement.id });
      const patch = await t.http
        .patch(`/api/funding-decisions/${decision.id as string}`)
        .send({ version: 1, projectId: foreignProject.id })
        .expect(400);
      expect(fieldsOf(patch)).toEqual(['projectId']);

      // Moving a decision to another agreement while its project stays under the first one.
      const ownProject = await newProject(t, { agreementId: agreement.id });
      const withProject = await newFundingDecision(t, { agreementId: agreement.id, projectId: ownProject.id });
      const move = await t.http
        .patch(`/api/funding-decisions/${withProject.id as string}`)
        .send({ version: 1, agreementId: other.id })
        .expect(400);
      expect(fieldsOf(move)).toEqual(['projectId']);
      expect(await read(withProject.id)).toMatchObject({
        agreementId: agreement.id,
        projectId: ownProject.id,
        version: 1,
      });

      // Moving both together is consistent.
      const moved = await t.http
        .patch(`/api/funding-decisions/${withProject.id as string}`)
        .send({ version: 1, agreementId: other.id, projectId: foreignProject.id })
        .expect(200);
      expect(moved.body).toMatchObject({
        agreementId: other.id,
        project: { id: foreignProject.id, code: foreignProject.code },
      });
    });

    it('refuses unknown references and clearing required fields on update, changing nothing', async () => {
      const decision = await newFundingDecision(t);
      const res = await t.http
        .patch(`/api/funding-decisions/${decision.id as string}`)
        .send({ version: 1, funderId: UNKNOWN_ID, recipientId: UNKNOWN_ID, agreementId: UNKNOWN_ID })
        .expect(400);
      expect(fieldsOf(res)).toEqual(['agreementId', 'funderId', 'recipientId']);
      const cleared = await t.http
        .patch(`/api/funding-decisions/${decision.id as string}`)
        .send({ version: 1, funderId: null, status: null })
        .expect(400);
      expect(fieldsOf(cleared)).toEqual(['funderId', 'status']);
      const bad = await t.http
        .patch(`/api/funding-decisions/${decision.id as string}`)
        .send({ version: 1, status: 'approved', amountGranted: '1.999' })
        .expect(400);
      expect(fieldsOf(bad)).toEqual(['amountGranted', 'status']);
      expect(await read(decision.id)).toMatchObject({ funderId: decision.funderId, status: 'granted', version: 1 });
    });
  });

  describe('rules', () => {
    it('changes status only along the allowed transitions (409 ILLEGAL_TRANSITION, nothing changed)', async () => {
      const applied = await newFundingDecision(t, { status: 'applied' });
      const skip = await t.http
        .patch(`/api/funding-decisions/${applied.id as string}`)
        .send({ version: 1, status: 'amended', recordNumber: '§99' })
        .expect(409);
      expect(skip.body.code).toBe('ILLEGAL_TRANSITION');
      expect(await read(applied.id)).toMatchObject({
        status: 'applied',
        recordNumber: applied.recordNumber,
        version: 1,
      });

      await t.http
        .patch(`/api/funding-decisions/${applied.id as string}`)
        .send({ version: 1, status: 'rejected' })
        .expect(200);
      const reopen = await t.http
        .patch(`/api/funding-decisions/${applied.id as string}`)
        .send({ version: 2, status: 'granted' })
        .expect(409);
      expect(reopen.body.code).toBe('ILLEGAL_TRANSITION');
      expect(await read(applied.id)).toMatchObject({ status: 'rejected', allowedTransitions: [], version: 2 });

      const granted = await newFundingDecision(t, { status: 'granted' });
      const back = await t.http
        .patch(`/api/funding-decisions/${granted.id as string}`)
        .send({ version: 1, status: 'applied' })
        .expect(409);
      expect(back.body.code).toBe('ILLEGAL_TRANSITION');
      // Staying in the same status is not a transition.
      await t.http
        .patch(`/api/funding-decisions/${granted.id as string}`)
        .send({ version: 1, status: 'granted', recordNumber: '§7' })
        .expect(200);
    });

    it('does not lower the amount granted below what was paid, nor clear it (409, nothing changed)', async () => {
      const decision = await newFundingDecision(t, { amountGranted: '1000.00' });
      await newPayment(t, { fundingDecisionId: decision.id, amount: '600.00' });

      const lower = await t.http
        .patch(`/api/funding-decisions/${decision.id as string}`)
        .send({ version: 1, amountGranted: '599.99', recordNumber: '§1' })
        .expect(409);
      expect(lower.body.code).toBe('PAID_EXCEEDS_GRANTED');
      expect(lower.body.message).toContain('600.00');
      const clear = await t.http
        .patch(`/api/funding-decisions/${decision.id as string}`)
        .send({ version: 1, amountGranted: null })
        .expect(409);
      expect(clear.body.code).toBe('PAID_EXCEEDS_GRANTED');
      expect(await read(decision.id)).toMatchObject({
        amountGranted: '1000.00',
        recordNumber: decision.recordNumber,
        paid: '600.00',
        remaining: '400.00',
        version: 1,
      });

      const exact = await t.http
        .patch(`/api/funding-decisions/${decision.id as string}`)
        .send({ version: 1, amountGranted: '600.00' })
        .expect(200);
      expect(exact.body).toMatchObject({ amountGranted: '600.00', paid: '600.00', remaining: '0.00', version: 2 });

      // Without payments the amount may be cleared.
      const unpaid = await newFundingDecision(t);
      const cleared = await t.http
        .patch(`/api/funding-decisions/${unpaid.id as string}`)
        .send({ version: 1, amountGranted: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ amountGranted: null, remaining: null });
    });

    it('refuses to delete a decision that has payments (409 IN_USE), then deletes it once they are gone', async () => {
      const decision = await newFundingDecision(t);
      const payment = await newPayment(t, { fundingDecisionId: decision.id });
      const before = await rowCount(t, 'funding_decisions');
      const res = await t.http.delete(`/api/funding-decisions/${decision.id as string}`).expect(409);
      expect(res.body.code).toBe('IN_USE');
      expect(await rowCount(t, 'funding_decisions')).toBe(before);
      await read(decision.id);
      await t.http.delete(`/api/payments/${payment.id as string}`).expect(204);
      await t.http.delete(`/api/funding-decisions/${decision.id as string}`).expect(204);
      expect(await rowCount(t, 'funding_decisions')).toBe(before - 1);
    });
  });

  describe('list', () => {
    it('filters by agreement, project, funder, instrument, status and text, and sorts', async () => {
      const agreement = await newAgreement(t);
      const project = await newProject(t, { agreementId: agreement.id });
      const city = await newOrganisation(t, { kind: 'city' });
      const ministry = await newOrganisation(t, { kind: 'ministry' });
      const a = await newFundingDecision(t, {
        agreementId: agreement.id,
        projectId: project.id,
        funderId: city.id,
        instrument: 'city_co_funding',
        amountGranted: '15000.00',
        decisionDate: '2021-09-20',
        recordNumber: '§51',
        decisionBody: 'Kuopion kaupunginhallitus',
      });
      const b = await newFundingDecision(t, {
        agreementId: agreement.id,
        funderId: ministry.id,
        instrument: 'akke',
        amountGranted: '200000.00',
        decisionDate: '2021-02-04',
        recordNumber: null,
        decisionBody: 'Työ- ja elinkeinoministeriö',
      });
      const c = await newFundingDecision(t, {
        agreementId: agreement.id,
        funderId: city.id,
        instrument: 'erdf',
        status: 'applied',
        amountGranted: null,
        decisionDate: null,
        recordNumber: '§210',
        decisionBody: 'Kuopion kaupunginhallitus',
      });
      const ids = async (query: Json): Promise<unknown[]> => {
        const res = await t.http
          .get('/api/funding-decisions')
          .query({ agreementId: agreement.id, ...query })
          .expect(200);
        expect(res.body.total).toBe(res.body.items.length);
        return res.body.items.map((i: Json) => i.id);
      };
      expect(await ids({})).toEqual([a.id, b.id, c.id]); // newest decision first, unknown dates last
      expect(await ids({ projectId: project.id })).toEqual([a.id]);
      expect(await ids({ funderId: city.id })).toEqual([a.id, c.id]);
      expect(await ids({ instrument: 'akke' })).toEqual([b.id]);
      expect(await ids({ status: 'applied' })).toEqual([c.id]);
      expect(await ids({ q: 'elinkeino' })).toEqual([b.id]);
      expect(await ids({ q: '§2' })).toEqual([c.id]);
      expect(await ids({ q: '100%' })).toEqual([]);
      expect(await ids({ sort: 'amountGranted' })).toEqual([a.id, b.id, c.id]);
      expect(await ids({ sort: '-amountGranted' })).toEqual([b.id, a.id, c.id]);
      expect(await ids({ sort: 'decisionDate' })).toEqual([b.id, a.id, c.id]);
      expect(await ids({ sort: 'createdAt' })).toEqual([a.id, b.id, c.id]);

      const second = { agreementId: agreement.id, pageSize: 2, page: 2 };
      await check.page(t.http, '/api/funding-decisions', second, { total: 3, ids: [c.id] });
      const beyond = await t.http
        .get('/api/funding-decisions')
        .query({ agreementId: agreement.id, pageSize: 2, page: 5 })
        .expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 3 });
    });

    it('validates filters, sort and page size', async () => {
      const res = await t.http
        .get('/api/funding-decisions')
        .query({ pageSize: 1000, sort: 'conditions', status: 'paid', agreementId: 'x', instrument: 'gift' })
        .expect(400);
      expect(fieldsOf(res)).toEqual(['agreementId', 'instrument', 'pageSize', 'sort', 'status']);
    });

    it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
      const agreement = await newAgreement(t);
      const funder = await newOrganisation(t, { kind: 'city' });
      const recipient = await newOrganisation(t);
      const project = await newProject(t, { agreementId: agreement.id });
      for (let i = 0; i < 12; i++) {
        const d = await newFundingDecision(t, {
          agreementId: agreement.id,
          funderId: funder.id,
          recipientId: recipient.id,
          projectId: project.id,
        });
        await newPayment(t, { fundingDecisionId: d.id, amount: '10.00' });
      }
      const pageSizes = [1, 5, 100].map((pageSize) => ({ pageSize }));
      await check.pagesInTwoStatements(t, t.http, '/api/funding-decisions', pageSizes);
      const filtered = await check.inTwoStatements(t, () =>
        t.http.get('/api/funding-decisions').query({ agreementId: agreement.id, pageSize: 50 }).expect(200),
      );
      expect(filtered.body.items).toHaveLength(12);
      expect(filtered.body.items.every((i: Json) => i.paid === '10.00' && i.paymentCount === 1)).toBe(true);
      await check.inTwoStatements(t, () => t.http.get('/api/funding-decisions').query({ page: 1000 }).expect(200));
      const id = filtered.body.items[0].id as string;
      const detail = await check.inTwoStatements(t, () => t.http.get(`/api/funding-decisions/${id}`).expect(200));
      expect(detail.body).toMatchObject({
        project: { id: project.id },
        recipient: { id: recipient.id },
        paid: '10.00',
      });
    });
  });
  describe('city scope', () => {
    it("refuses another city's agreement or project in a body exactly as if it did not exist (400)", async () => {
      const [a, b] = [await newCityPortfolio(t), await newCityPortfolio(t)];
      const decisionA = await newFundingDecision(t, { agreementId: a.agreementId, projectId: a.projectId });
      const coordinator = await t.as('coordinator', { cityId: a.cityId });
      const funder = await newOrganisation(t);
      const before = await rowCount(t, 'funding_decisions');
      const foreignAgreement = await coordinator
        .post('/api/funding-decisions')
        .send(application(b.agreementId, funder.id))
        .expect(400);
      expect(foreignAgreement.body.code).toBe('VALIDATION_FAILED');
      expect(foreignAgreement.body.details).toEqual({
        agreementId: [`agreement ${b.agreementId} does not exist`],
      });
      const foreignProject = await coordinator
        .post('/api/funding-decisions')
        .send(application(a.agreementId, funder.id, { projectId: b.projectId }))
        .expect(400);
      // "does not exist", not "does not belong to agreement …": the other city's project is not revealed.
      expect(foreignProject.body.details).toEqual({ projectId: [`project ${b.projectId} does not exist`] });
      expect(await rowCount(t, 'funding_decisions')).toBe(before);

      const move = await coordinator
        .patch(`/api/funding-decisions/${decisionA.id as string}`)
        .send({ version: 1, agreementId: b.agreementId })
        .expect(400);
      expect(move.body.details).toEqual({ agreementId: [`agreement ${b.agreementId} does not exist`] });
      const moveProject = await coordinator
        .patch(`/api/funding-decisions/${decisionA.id as string}`)
        .send({ version: 1, projectId: b.projectId })
        .expect(400);
      expect(moveProject.body.details).toEqual({ projectId: [`project ${b.projectId} does not exist`] });
      expect(await read(decisionA.id)).toEqual(decisionA);
    });
  });

  describe('audit trail', () => {
    it('records a create, an update and a delete, each once, with the actor, old → new values and the city', async () => {
      const home = await newCityPortfolio(t);
      const funder = await newOrganisation(t, { kind: 'ministry' });
      const { agent: coordinator, actor } = await signedInUser(t, 'coordinator', { cityId: home.cityId });

      const body = {
        ...application(home.agreementId, funder.id),
        projectId: home.projectId,
        amountGranted: '15000',
        coFundingRate: '20',
        decisionDate: '2023-06-19',
        recordNumber: '§210',
      };
      const created = await coordinator.post('/api/funding-decisions').send(body).expect(201);
      const id = created.body.id as string;
      let events = await auditEvents(t, { entityType: 'funding_decision', entityId: id });
      expect(events).toHaveLength(1);
      const record = { entityType: 'funding_decision', entityId: id, projectId: home.projectId, cityId: home.cityId };
      expect(events[0]).toMatchObject({ ...actor, ...record, action: 'create' });
      // Each field as sent, the amounts with two decimals.
      expect(events[0]!.changes).toEqual(fromNothing({ ...body, amountGranted: '15000.00', coFundingRate: '20.00' }));

      await coordinator
        .patch(`/api/funding-decisions/${id}`)
        .send({ version: 1, status: 'granted', amountGranted: '12000.5', eligibleTo: '2025-07-31', recordNumber: null })
        .expect(200);
      events = await auditEvents(t, { entityType: 'funding_decision', entityId: id });
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({ ...actor, action: 'update', projectId: home.projectId, cityId: home.cityId });
      expect(events[1]!.changes).toEqual({
        status: { old: 'applied', new: 'granted' },
        amountGranted: { old: '15000.00', new: '12000.50' },
        eligibleTo: { old: null, new: '2025-07-31' },
        recordNumber: { old: '§210', new: null },
      });

      // Moving the decision off its project keeps the event in that project's history.
      await coordinator.patch(`/api/funding-decisions/${id}`).send({ version: 2, projectId: null }).expect(200);
      events = await auditEvents(t, { entityType: 'funding_decision', entityId: id });
      expect(events).toHaveLength(3);
      expect(events[2]).toMatchObject({ action: 'update', projectId: home.projectId, cityId: home.cityId });
      expect(events[2]!.changes).toEqual({ projectId: { old: home.projectId, new: null } });

      await coordinator.delete(`/api/funding-decisions/${id}`).expect(204);
      events = await auditEvents(t, { entityType: 'funding_decision', entityId: id });
      expect(events).toHaveLength(4);
      expect(events[3]).toMatchObject({ ...actor, action: 'delete', projectId: null, cityId: home.cityId });
      expect(events[3]!.changes).toEqual(
        toNothing({
          agreementId: home.agreementId,
          funderId: funder.id,
          instrument: 'erdf',
          status: 'granted',
          amountGranted: '12000.50',
          coFundingRate: '20.00',
          decisionDate: '2023-06-19',
          eligibleTo: '2025-07-31',
        }),
      );
    });

    it('writes no event for a rejected write: 400, 404, 409 stale / transition / paid / in use, 403', async () => {
      const decision = await newFundingDecision(t, { status: 'applied', amountGranted: '1000.00' });
      const id = decision.id as string;
      const liaison = await t.as('liaison'); // (creating the user is an audited change of its own)
      const count = async (): Promise<number> => (await auditEvents(t)).length;
      const before = await count();

      await t.http.patch(`/api/funding-decisions/${id}`).send({ version: 1, eligibleFrom: '2024-13-01' }).expect(400);
      await t.http
        .patch(`/api/funding-decisions/${id}`)
        .send({ version: 1, eligibleFrom: '2024-02-01', eligibleTo: '2024-01-01' })
        .expect(400);
      await t.http
        .patch(`/api/funding-decisions/${id}`)
        .send({ version: 1, funderId: UNKNOWN_ID, recordNumber: '§1' })
        .expect(400);
      await t.http.patch(`/api/funding-decisions/${id}`).send({ version: 7, recordNumber: '§1' }).expect(409);
      const illegal = await t.http
        .patch(`/api/funding-decisions/${id}`)
        .send({ version: 1, status: 'amended', recordNumber: '§1' })
        .expect(409);
      expect(illegal.body.code).toBe('ILLEGAL_TRANSITION');
      await t.http.delete(`/api/funding-decisions/${id}`).set('If-Match', '"7"').expect(409);
      await t.http.delete(`/api/funding-decisions/${UNKNOWN_ID}`).expect(404);
      await t.http.post('/api/funding-decisions').send(application(UNKNOWN_ID, decision.funderId)).expect(400);
      await liaison.patch(`/api/funding-decisions/${id}`).send({ version: 1, recordNumber: '§1' }).expect(403);
      expect(await count()).toBe(before);

      // Rules that depend on payments: lowering below paid (409) and deleting with payments (409).
      const paid = await newFundingDecision(t, { amountGranted: '1000.00' });
      await newPayment(t, { fundingDecisionId: paid.id, amount: '600.00' });
      const afterSetup = await count();
      await t.http
        .patch(`/api/funding-decisions/${paid.id as string}`)
        .send({ version: 1, amountGranted: '599.99' })
        .expect(409);
      await t.http.delete(`/api/funding-decisions/${paid.id as string}`).expect(409);
      expect(await count()).toBe(afterSetup);
      expect(await read(id)).toMatchObject({ recordNumber: decision.recordNumber, status: 'applied', version: 1 });
    });
  });
});
