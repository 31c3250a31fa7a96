import { newAgreement, newCityPortfolio, newFundingDecision, newPayment, newProject } from './support/factories';
import * as check from './support/checks';
import { auditEvents, fromNothing, rowCount, signedInUser, toNothing, useTestApp } from './support/test-app';
import { createdRecord, fieldsOf, type Json, UNKNOWN_ID } from './support/values';

describe('payments API', () => {
  const t = useTestApp();
  // The rules every resource keeps (invalid fields, 401, stale versions, unknown ids, read-only roles, city
  // scope) are asserted once for all in resource-rules.int-spec.ts.

  async function decision(id: unknown): Promise<Json> {
    return (await t.http.get(`/api/funding-decisions/${id as string}`).expect(200)).body as Json;
  }

  async function paymentCount(fundingDecisionId: unknown): Promise<number> {
    const [row] = await t.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM payments WHERE funding_decision_id = $1',
      [fundingDecisionId],
    );
    return row?.n ?? 0;
  }

  /** A payment of `amount` under the decision, paid on 31.1.2024 unless `paidOn` is given, as the admin (a request). */
  const pay = (fundingDecisionId: unknown, amount: string, paidOn = '2024-01-31') =>
    t.http.post('/api/payments').send({ fundingDecisionId, paidOn, amount });

  /** The id of a new project under the agreement. */
  const projectUnder = async (agreementId: unknown): Promise<string> =>
    (await newProject(t, { agreementId })).id as string;

  describe('happy path', () => {
    it('creates, reads, lists, updates and deletes a payment', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '15000.00' });
      const body = { fundingDecisionId: fd.id, paidOn: '2024-03-31', amount: '5000', note: 'Maksatuskausi 1/2024' };
      const created = await t.http.post('/api/payments').send(body).expect(201);
      expect(created.body).toEqual(createdRecord({ ...body, amount: '5000.00' }));
      const id = created.body.id as string;
      await check.foundAsCreated(t.http, '/api/payments', created.body, { fundingDecisionId: fd.id });
      expect(await decision(fd.id)).toMatchObject({ paid: '5000.00', remaining: '10000.00', paymentCount: 1 });

      const updated = await t.http
        .patch(`/api/payments/${id}`)
        .set('If-Match', '"1"')
        .send({ paidOn: '2024-04-02', amount: '4500.50', note: null })
        .expect(200);
      expect(updated.body).toMatchObject({ paidOn: '2024-04-02', amount: '4500.50', note: null, version: 2 });
      expect((await t.http.get(`/api/payments/${id}`).expect(200)).body).toEqual(updated.body);
      expect(await decision(fd.id)).toMatchObject({ paid: '4500.50', remaining: '10499.50' });

      await t.http.delete(`/api/payments/${id}`).set('If-Match', '"2"').expect(204);
      await t.http.get(`/api/payments/${id}`).expect(404);
      expect(await decision(fd.id)).toMatchObject({ paid: '0.00', paymentCount: 0 });
    });
  });

  describe('paid never exceeds granted', () => {
    it('keeps exact decimals: 3 × 333.33 of 1000.00, a 4th of 0.02 is refused, the last 0.01 is accepted', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '1000.00' });
      for (let i = 0; i < 3; i++) {
        await pay(fd.id, '333.33').expect(201);
      }
      expect(await decision(fd.id)).toMatchObject({ paid: '999.99', remaining: '0.01', paymentCount: 3 });

      const over = await pay(fd.id, '0.02', '2024-02-29').expect(409);
      expect(over.body).toMatchObject({ statusCode: 409, code: 'PAID_EXCEEDS_GRANTED' });
      expect(over.body.message).toContain('1000.00');
      expect(over.body.message).toContain('999.99');
      expect(over.body.message).toContain('0.02');
      expect(await paymentCount(fd.id)).toBe(3);
      expect(await decision(fd.id)).toMatchObject({ paid: '999.99', remaining: '0.01', paymentCount: 3 });

      await pay(fd.id, '0.01', '2024-02-29').expect(201);
      expect(await decision(fd.id)).toMatchObject({ paid: '1000.00', remaining: '0.00', paymentCount: 4 });
      const full = await pay(fd.id, '0.01', '2024-03-01').expect(409);
      expect(full.body.code).toBe('PAID_EXCEEDS_GRANTED');
    });

    it('accepts a single payment of exactly the amount granted', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '200000.00' });
      await newPayment(t, { fundingDecisionId: fd.id, amount: '200000' });
      expect(await decision(fd.id)).toMatchObject({ paid: '200000.00', remaining: '0.00' });
    });

    it('re-checks the rule when a payment amount changes (409, nothing changed)', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '1000.00' });
      const first = await newPayment(t, { fundingDecisionId: fd.id, amount: '600.00' });
      await newPayment(t, { fundingDecisionId: fd.id, amount: '300.00' });
      const over = await t.http
        .patch(`/api/payments/${first.id as string}`)
        .send({ version: 1, amount: '700.01', note: 'korjattu' })
        .expect(409);
      expect(over.body.code).toBe('PAID_EXCEEDS_GRANTED');
      expect(over.body.message).toContain('300.00'); // already paid by the other payments
      expect((await t.http.get(`/api/payments/${first.id as string}`).expect(200)).body).toMatchObject({
        amount: '600.00',
        note: null,
        version: 1,
      });
      // Up to exactly the amount granted, counting the payment's own old amount out.
      const exact = await t.http
        .patch(`/api/payments/${first.id as string}`)
        .send({ version: 1, amount: '700.00' })
        .expect(200);
      expect(exact.body).toMatchObject({ amount: '700.00', version: 2 });
      expect(await decision(fd.id)).toMatchObject({ paid: '1000.00', remaining: '0.00' });
    });

    it('lets only one of two concurrent payments through when together they exceed the grant', async () => {
      for (let round = 0; round < 3; round++) {
        const fd = await newFundingDecision(t, { amountGranted: '1000.00' });
        const results = await Promise.all([pay(fd.id, '600.00', '2024-05-31'), pay(fd.id, '600.00', '2024-05-31')]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
        expect(results.find((r) => r.status === 409)!.body.code).toBe('PAID_EXCEEDS_GRANTED');
        expect(await paymentCount(fd.id)).toBe(1);
        expect(await decision(fd.id)).toMatchObject({ paid: '600.00', remaining: '400.00' });
      }
    });

    it('lets exactly as many of many concurrent payments through as fit', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '1000.00' });
      const results = await Promise.all(Array.from({ length: 6 }, () => pay(fd.id, '300.00', '2024-05-31')));
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      expect(results.filter((r) => r.status === 409)).toHaveLength(3);
      expect(await decision(fd.id)).toMatchObject({ paid: '900.00', remaining: '100.00', paymentCount: 3 });
    });
  });

  describe('payable decisions only', () => {
    it.each(['applied', 'rejected', 'withdrawn'])(
      'refuses a payment to a decision that is %s (409 RULE_VIOLATION)',
      async (status) => {
        const fd = await newFundingDecision(t, { status: 'applied', amountGranted: '1000.00' });
        if (status !== 'applied') {
          await t.http
            .patch(`/api/funding-decisions/${fd.id as string}`)
            .send({ version: 1, status })
            .expect(200);
        }
        const before = await rowCount(t, 'payments');
        const res = await pay(fd.id, '10.00').expect(409);
        expect(res.body.code).toBe('RULE_VIOLATION');
        expect(res.body.message).toContain(status);
        expect(await rowCount(t, 'payments')).toBe(before);
      },
    );

    it('pays an amended decision', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '1000.00' });
      await t.http
        .patch(`/api/funding-decisions/${fd.id as string}`)
        .send({ version: 1, status: 'amended', amountGranted: '1500.00' })
        .expect(200);
      await newPayment(t, { fundingDecisionId: fd.id, amount: '1500.00' });
      expect(await decision(fd.id)).toMatchObject({ paid: '1500.00', remaining: '0.00' });
    });

    it('refuses a payment while the amount granted is not known (409 RULE_VIOLATION)', async () => {
      const fd = await newFundingDecision(t, { amountGranted: null });
      const before = await rowCount(t, 'payments');
      const res = await pay(fd.id, '10.00').expect(409);
      expect(res.body.code).toBe('RULE_VIOLATION');
      expect(res.body.message).toMatch(/amount granted is not known/i);
      expect(await rowCount(t, 'payments')).toBe(before);
    });

    it('refuses a new amount once the decision is withdrawn, but still corrects the date', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '1000.00' });
      const p = await newPayment(t, { fundingDecisionId: fd.id, amount: '100.00' });
      await t.http
        .patch(`/api/funding-decisions/${fd.id as string}`)
        .send({ version: 1, status: 'withdrawn' })
        .expect(200);
      const res = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, amount: '200.00' })
        .expect(409);
      expect(res.body.code).toBe('RULE_VIOLATION');
      await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, paidOn: '2024-04-01' })
        .expect(200);
      expect((await t.http.get(`/api/payments/${p.id as string}`).expect(200)).body).toMatchObject({
        amount: '100.00',
        paidOn: '2024-04-01',
        version: 2,
      });
    });
  });

  describe('validation', () => {
    it.each(['0', '0.00', '-5.00', '1.234', '1e3', '', ' 10'])('refuses the amount %p', async (amount) => {
      const fd = await newFundingDecision(t);
      const before = await rowCount(t, 'payments');
      const res = await pay(fd.id, amount).expect(400);
      expect(fieldsOf(res)).toEqual(['amount']);
      expect(await rowCount(t, 'payments')).toBe(before);
    });

    it('answers 400 details.fundingDecisionId for a decision that does not exist', async () => {
      await check.nothingChanged(t, { rows: ['payments'] }, () =>
        check.rejects(pay(UNKNOWN_ID, '1.00'), ['fundingDecisionId']),
      );
    });

    it('keeps the funding decision of a payment fixed and its required fields set (400, nothing changed)', async () => {
      const p = await newPayment(t);
      const other = await newFundingDecision(t);
      const move = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, fundingDecisionId: other.id })
        .expect(400);
      expect(fieldsOf(move)).toEqual(['fundingDecisionId']);
      const cleared = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, amount: null, paidOn: null })
        .expect(400);
      expect(fieldsOf(cleared)).toEqual(['amount', 'paidOn']);
      const bad = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, amount: '0.00', paidOn: '31.1.2024' })
        .expect(400);
      expect(fieldsOf(bad)).toEqual(['amount', 'paidOn']);
      expect((await t.http.get(`/api/payments/${p.id as string}`).expect(200)).body).toEqual({ ...p, version: 1 });
    });
  });

  describe('list', () => {
    it('filters by decision, project, agreement and payment dates, and sorts', async () => {
      const agreement = await newAgreement(t);
      const projectId = await projectUnder(agreement.id);
      const fdProject = await newFundingDecision(t, {
        agreementId: agreement.id,
        projectId,
        amountGranted: '10000.00',
      });
      const fdAgreement = await newFundingDecision(t, { agreementId: agreement.id, amountGranted: '10000.00' });
      const elsewhere = await newFundingDecision(t, { amountGranted: '10000.00' });
      const a = await newPayment(t, { fundingDecisionId: fdProject.id, paidOn: '2024-01-31', amount: '300.00' });
      const b = await newPayment(t, { fundingDecisionId: fdProject.id, paidOn: '2024-06-30', amount: '100.00' });
      const c = await newPayment(t, { fundingDecisionId: fdAgreement.id, paidOn: '2024-03-31', amount: '200.00' });
      const d = await newPayment(t, { fundingDecisionId: elsewhere.id, paidOn: '2024-03-31', amount: '50.00' });
      const ids = async (query: Json): Promise<unknown[]> => {
        const res = await t.http.get('/api/payments').query(query).expect(200);
        expect(res.body.total).toBe(res.body.items.length);
        return res.body.items.map((i: Json) => i.id);
      };
      expect(await ids({ agreementId: agreement.id })).toEqual([b.id, c.id, a.id]); // latest payment first
      expect(await ids({ projectId })).toEqual([b.id, a.id]);
      expect(await ids({ fundingDecisionId: fdAgreement.id })).toEqual([c.id]);
      expect(await ids({ agreementId: agreement.id, paidFrom: '2024-02-01', paidTo: '2024-06-29' })).toEqual([c.id]);
      expect(await ids({ agreementId: agreement.id, paidFrom: '2024-03-31', paidTo: '2024-03-31' })).toEqual([c.id]);
      expect(await ids({ fundingDecisionId: elsewhere.id, paidTo: '2024-03-30' })).toEqual([]);
      expect(await ids({ fundingDecisionId: elsewhere.id })).toEqual([d.id]);
      expect(await ids({ agreementId: agreement.id, sort: 'amount' })).toEqual([b.id, c.id, a.id]);
      expect(await ids({ agreementId: agreement.id, sort: '-amount' })).toEqual([a.id, c.id, b.id]);
      expect(await ids({ agreementId: agreement.id, sort: 'paidOn' })).toEqual([a.id, c.id, b.id]);
      expect(await ids({ agreementId: agreement.id, sort: 'createdAt' })).toEqual([a.id, b.id, c.id]);

      const second = { agreementId: agreement.id, pageSize: 2, page: 2 };
      await check.page(t.http, '/api/payments', second, { total: 3, ids: [a.id] });
      const beyond = await t.http.get('/api/payments').query({ agreementId: agreement.id, page: 9 }).expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 3 });
    });

    it('validates filters, sort and page size', async () => {
      const res = await t.http
        .get('/api/payments')
        .query({ pageSize: 0, sort: 'note', paidFrom: '2024-13-01', projectId: 'x' })
        .expect(400);
      expect(fieldsOf(res)).toEqual(['pageSize', 'paidFrom', 'projectId', 'sort']);
      const range = await t.http
        .get('/api/payments')
        .query({ paidFrom: '2024-12-31', paidTo: '2024-01-01' })
        .expect(400);
      expect(fieldsOf(range)).toEqual(['paidTo']);
    });

    it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
      const agreement = await newAgreement(t);
      const fd = await newFundingDecision(t, { agreementId: agreement.id, amountGranted: '100000.00' });
      for (let i = 0; i < 12; i++) await newPayment(t, { fundingDecisionId: fd.id, amount: '10.00' });
      const pageSizes = [1, 5, 100].map((pageSize) => ({ pageSize }));
      await check.pagesInTwoStatements(t, t.http, '/api/payments', pageSizes);
      const filtered = await check.inTwoStatements(t, () =>
        t.http
          .get('/api/payments')
          .query({ agreementId: agreement.id, paidFrom: '2024-01-01', pageSize: 50 })
          .expect(200),
      );
      expect(filtered.body.items).toHaveLength(12);
      await check.inTwoStatements(t, () => t.http.get('/api/payments').query({ page: 1000 }).expect(200));
      await check.inTwoStatements(t, () => t.http.get(`/api/payments/${filtered.body.items[0].id}`).expect(200));
    });
  });
  describe('city scope', () => {
    it("refuses a payment under another city's decision exactly as if it did not exist (400)", async () => {
      const [a, b] = [await newCityPortfolio(t), await newCityPortfolio(t)];
      const place = { agreementId: b.agreementId, projectId: b.projectId };
      const decisionB = await newFundingDecision(t, { ...place, amountGranted: '1000.00' });
      await newPayment(t, { fundingDecisionId: decisionB.id, amount: '200.00' });
      const coordinator = await t.as('coordinator', { cityId: a.cityId });
      const before = await rowCount(t, 'payments');
      const res = await coordinator
        .post('/api/payments')
        .send({ fundingDecisionId: decisionB.id, paidOn: '2024-01-31', amount: '1.00' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual({
        fundingDecisionId: [`funding decision ${decisionB.id as string} does not exist`],
      });
      expect(await rowCount(t, 'payments')).toBe(before);
      expect(await decision(decisionB.id)).toMatchObject({ paid: '200.00', paymentCount: 1 });
    });
  });

  describe('audit trail', () => {
    it("records a create, an update and a delete, each once, with the decision's project and city", async () => {
      const home = await newCityPortfolio(t);
      const { projectId } = home;
      const fd = await newFundingDecision(t, { agreementId: home.agreementId, projectId, amountGranted: '1000.00' });
      const { agent: coordinator, actor } = await signedInUser(t, 'coordinator', { cityId: home.cityId });

      const body = { fundingDecisionId: fd.id, paidOn: '2024-03-31', amount: '333.3', note: 'Erä 1' };
      const created = await coordinator.post('/api/payments').send(body).expect(201);
      const id = created.body.id as string;
      // Each event names the decision's project and city.
      const record = { entityType: 'payment', entityId: id, projectId, cityId: home.cityId };
      let events = await auditEvents(t, { entityType: 'payment', entityId: id });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ ...actor, ...record, action: 'create' });
      expect(events[0]!.changes).toEqual(fromNothing({ ...body, amount: '333.30' }));

      await coordinator
        .patch(`/api/payments/${id}`)
        .send({ version: 1, amount: '1000', paidOn: '2024-04-02', note: 'Erä 1' })
        .expect(200);
      events = await auditEvents(t, { entityType: 'payment', entityId: id });
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({ ...actor, ...record, action: 'update' });
      expect(events[1]!.changes).toEqual({
        amount: { old: '333.30', new: '1000.00' },
        paidOn: { old: '2024-03-31', new: '2024-04-02' },
      });

      await coordinator.delete(`/api/payments/${id}`).set('If-Match', '"2"').expect(204);
      events = await auditEvents(t, { entityType: 'payment', entityId: id });
      expect(events).toHaveLength(3);
      expect(events[2]).toMatchObject({ ...actor, ...record, action: 'delete' });
      expect(events[2]!.changes).toEqual(
        toNothing({ fundingDecisionId: fd.id, paidOn: '2024-04-02', amount: '1000.00', note: 'Erä 1' }),
      );
    });

    it('records a payment under a decision without a project with no projectId', async () => {
      const fd = await newFundingDecision(t);
      const p = await newPayment(t, { fundingDecisionId: fd.id });
      const [event] = await auditEvents(t, { entityType: 'payment', entityId: p.id as string });
      const [agreement] = await t.dataSource.query<Array<{ city_id: string }>>(
        'SELECT city_id FROM agreements WHERE id = $1',
        [fd.agreementId],
      );
      expect(event).toMatchObject({ action: 'create', projectId: null, cityId: agreement!.city_id });
    });

    it('writes no event for a rejected write: 400, 404, 409 stale / paid above granted / not payable', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '1000.00' });
      const p = await newPayment(t, { fundingDecisionId: fd.id, amount: '600.00' });
      const applied = await newFundingDecision(t, { status: 'applied', amountGranted: '1000.00' });
      const count = async (): Promise<number> => (await auditEvents(t)).length;
      const before = await count();
      const id = p.id as string;

      await pay(fd.id, '0').expect(400);
      await pay(UNKNOWN_ID, '1.00').expect(400);
      const over = await pay(fd.id, '400.01').expect(409);
      expect(over.body.code).toBe('PAID_EXCEEDS_GRANTED');
      const notPayable = await pay(applied.id, '1.00').expect(409);
      expect(notPayable.body.code).toBe('RULE_VIOLATION');
      await t.http.patch(`/api/payments/${id}`).send({ version: 1, paidOn: '2024-02-30' }).expect(400);
      await t.http.patch(`/api/payments/${id}`).send({ version: 1, amount: '1000.01' }).expect(409);
      const stale = await t.http.patch(`/api/payments/${id}`).send({ version: 3, note: 'x' }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      await t.http.delete(`/api/payments/${id}`).set('If-Match', '"3"').expect(409);
      await t.http.patch(`/api/payments/${UNKNOWN_ID}`).send({ version: 1, note: 'x' }).expect(404);
      await t.http.delete(`/api/payments/${UNKNOWN_ID}`).expect(404);
      expect(await count()).toBe(before);
      expect((await t.http.get(`/api/payments/${id}`).expect(200)).body).toEqual(p);
    });
  });
});
