import { newAgreement, newFundingDecision, newOrganisation, newPayment, newPriorityArea } from './support/factories';
import { countStatements, createTestApp, rowCount, type TestApp } from './support/test-app';

const UNKNOWN_ID = '7d0b3c1e-25a4-4a8c-9d2f-1b3c4d5e6f70';

type Json = Record<string, unknown>;

describe('payments API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

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

  /** A project under the agreement, written straight to the table (its API is another module). */
  let projectNo = 0;
  async function insertProject(agreementId: unknown): Promise<string> {
    const area = await newPriorityArea(t, { agreementId });
    const lead = await newOrganisation(t);
    const [row] = await t.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO projects (priority_area_id, code, name, lead_organisation_id) VALUES ($1, $2, 'Hanke', $3) RETURNING id`,
      [area.id, `PAY-TEST-${++projectNo}`, lead.id],
    );
    return row!.id;
  }

  describe('happy path', () => {
    it('creates, reads, lists, updates and deletes a payment', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '15000.00' });
      const created = await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: fd.id, paidOn: '2024-03-31', amount: '5000', note: 'Maksatuskausi 1/2024' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        fundingDecisionId: fd.id,
        paidOn: '2024-03-31',
        amount: '5000.00',
        note: 'Maksatuskausi 1/2024',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const id = created.body.id as string;

      const read = await t.http.get(`/api/payments/${id}`).expect(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(created.body);
      expect(await decision(fd.id)).toMatchObject({ paid: '5000.00', remaining: '10000.00', paymentCount: 1 });

      const list = await t.http.get('/api/payments').query({ fundingDecisionId: fd.id }).expect(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 25 });
      expect(list.body.items).toEqual([created.body]);

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
        await t.http
          .post('/api/payments')
          .send({ fundingDecisionId: fd.id, paidOn: '2024-01-31', amount: '333.33' })
          .expect(201);
      }
      expect(await decision(fd.id)).toMatchObject({ paid: '999.99', remaining: '0.01', paymentCount: 3 });

      const over = await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: fd.id, paidOn: '2024-02-29', amount: '0.02' })
        .expect(409);
      expect(over.body).toMatchObject({ statusCode: 409, code: 'PAID_EXCEEDS_GRANTED' });
      expect(over.body.message).toContain('1000.00');
      expect(over.body.message).toContain('999.99');
      expect(over.body.message).toContain('0.02');
      expect(await paymentCount(fd.id)).toBe(3);
      expect(await decision(fd.id)).toMatchObject({ paid: '999.99', remaining: '0.01', paymentCount: 3 });

      await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: fd.id, paidOn: '2024-02-29', amount: '0.01' })
        .expect(201);
      expect(await decision(fd.id)).toMatchObject({ paid: '1000.00', remaining: '0.00', paymentCount: 4 });
      const full = await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: fd.id, paidOn: '2024-03-01', amount: '0.01' })
        .expect(409);
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
        const pay = () =>
          t.http.post('/api/payments').send({ fundingDecisionId: fd.id, paidOn: '2024-05-31', amount: '600.00' });
        const results = await Promise.all([pay(), pay()]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
        expect(results.find((r) => r.status === 409)!.body.code).toBe('PAID_EXCEEDS_GRANTED');
        expect(await paymentCount(fd.id)).toBe(1);
        expect(await decision(fd.id)).toMatchObject({ paid: '600.00', remaining: '400.00' });
      }
    });

    it('lets exactly as many of many concurrent payments through as fit', async () => {
      const fd = await newFundingDecision(t, { amountGranted: '1000.00' });
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.http.post('/api/payments').send({ fundingDecisionId: fd.id, paidOn: '2024-05-31', amount: '300.00' }),
        ),
      );
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
        const res = await t.http
          .post('/api/payments')
          .send({ fundingDecisionId: fd.id, paidOn: '2024-01-31', amount: '10.00' })
          .expect(409);
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
      const res = await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: fd.id, paidOn: '2024-01-31', amount: '10.00' })
        .expect(409);
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
    it('rejects invalid fields with details and writes nothing', async () => {
      const before = await rowCount(t, 'payments');
      const res = await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: 'nope', paidOn: '2024-02-30', amount: 12.5, note: '', extra: 1 })
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(Object.keys(res.body.details).sort()).toEqual(['amount', 'extra', 'fundingDecisionId', 'note', 'paidOn']);
      const missing = await t.http.post('/api/payments').send({}).expect(400);
      expect(Object.keys(missing.body.details).sort()).toEqual(['amount', 'fundingDecisionId', 'paidOn']);
      expect(await rowCount(t, 'payments')).toBe(before);
    });

    it.each(['0', '0.00', '-5.00', '1.234', '1e3', '', ' 10'])('refuses the amount %p', async (amount) => {
      const fd = await newFundingDecision(t);
      const before = await rowCount(t, 'payments');
      const res = await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: fd.id, paidOn: '2024-01-31', amount })
        .expect(400);
      expect(Object.keys(res.body.details)).toEqual(['amount']);
      expect(await rowCount(t, 'payments')).toBe(before);
    });

    it('answers 400 details.fundingDecisionId for a decision that does not exist', async () => {
      const before = await rowCount(t, 'payments');
      const res = await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: UNKNOWN_ID, paidOn: '2024-01-31', amount: '1.00' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.details)).toEqual(['fundingDecisionId']);
      expect(await rowCount(t, 'payments')).toBe(before);
    });

    it('keeps the funding decision of a payment fixed and its required fields set (400, nothing changed)', async () => {
      const p = await newPayment(t);
      const other = await newFundingDecision(t);
      const move = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, fundingDecisionId: other.id })
        .expect(400);
      expect(Object.keys(move.body.details)).toEqual(['fundingDecisionId']);
      const cleared = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, amount: null, paidOn: null })
        .expect(400);
      expect(Object.keys(cleared.body.details).sort()).toEqual(['amount', 'paidOn']);
      const bad = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, amount: '0.00', paidOn: '31.1.2024' })
        .expect(400);
      expect(Object.keys(bad.body.details).sort()).toEqual(['amount', 'paidOn']);
      expect((await t.http.get(`/api/payments/${p.id as string}`).expect(200)).body).toEqual({ ...p, version: 1 });
    });

    it('answers 404 for an unknown id and 400 for a malformed one, on every route', async () => {
      const get = await t.http.get(`/api/payments/${UNKNOWN_ID}`).expect(404);
      expect(get.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      await t.http.patch(`/api/payments/${UNKNOWN_ID}`).send({ version: 1, note: 'x' }).expect(404);
      await t.http.delete(`/api/payments/${UNKNOWN_ID}`).expect(404);
      expect((await t.http.get('/api/payments/not-a-uuid').expect(400)).body.code).toBe('VALIDATION_FAILED');
      await t.http.patch('/api/payments/not-a-uuid').send({ version: 1 }).expect(400);
      await t.http.delete('/api/payments/not-a-uuid').expect(400);
    });

    it('refuses a stale version (409) and a missing one (428), changing nothing', async () => {
      const p = await newPayment(t, { amount: '100.00' });
      await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, note: 'Ensimmäinen erä' })
        .expect(200);
      const stale = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ version: 1, amount: '50.00' })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const staleHeader = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .set('If-Match', '"1"')
        .send({ amount: '50.00' })
        .expect(409);
      expect(staleHeader.body.code).toBe('STALE_VERSION');
      const missing = await t.http
        .patch(`/api/payments/${p.id as string}`)
        .send({ amount: '50.00' })
        .expect(428);
      expect(missing.body.code).toBe('VERSION_REQUIRED');
      const staleDelete = await t.http
        .delete(`/api/payments/${p.id as string}`)
        .set('If-Match', '"1"')
        .expect(409);
      expect(staleDelete.body.code).toBe('STALE_VERSION');
      expect((await t.http.get(`/api/payments/${p.id as string}`).expect(200)).body).toMatchObject({
        amount: '100.00',
        note: 'Ensimmäinen erä',
        version: 2,
      });
    });
  });

  describe('list', () => {
    it('filters by decision, project, agreement and payment dates, and sorts', async () => {
      const agreement = await newAgreement(t);
      const projectId = await insertProject(agreement.id);
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

      const page2 = await t.http
        .get('/api/payments')
        .query({ agreementId: agreement.id, pageSize: 2, page: 2 })
        .expect(200);
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page2.body.items.map((i: Json) => i.id)).toEqual([a.id]);
      const beyond = await t.http.get('/api/payments').query({ agreementId: agreement.id, page: 9 }).expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 3 });
    });

    it('validates filters, sort and page size', async () => {
      const res = await t.http
        .get('/api/payments')
        .query({ pageSize: 0, sort: 'note', paidFrom: '2024-13-01', projectId: 'x' })
        .expect(400);
      expect(Object.keys(res.body.details).sort()).toEqual(['pageSize', 'paidFrom', 'projectId', 'sort']);
      const range = await t.http
        .get('/api/payments')
        .query({ paidFrom: '2024-12-31', paidTo: '2024-01-01' })
        .expect(400);
      expect(Object.keys(range.body.details)).toEqual(['paidTo']);
    });

    it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
      const agreement = await newAgreement(t);
      const fd = await newFundingDecision(t, { agreementId: agreement.id, amountGranted: '100000.00' });
      for (let i = 0; i < 12; i++) await newPayment(t, { fundingDecisionId: fd.id, amount: '10.00' });
      for (const pageSize of [1, 5, 100]) {
        const { count, result } = await countStatements(t, () =>
          t.http.get('/api/payments').query({ pageSize }).expect(200),
        );
        expect(result.body.items.length).toBe(Math.min(pageSize, result.body.total));
        expect(count).toBeLessThanOrEqual(2);
      }
      const filtered = await countStatements(t, () =>
        t.http
          .get('/api/payments')
          .query({ agreementId: agreement.id, paidFrom: '2024-01-01', pageSize: 50 })
          .expect(200),
      );
      expect(filtered.result.body.items).toHaveLength(12);
      expect(filtered.count).toBeLessThanOrEqual(2);
      const beyond = await countStatements(t, () => t.http.get('/api/payments').query({ page: 1000 }).expect(200));
      expect(beyond.count).toBeLessThanOrEqual(2);
      const detail = await countStatements(t, () =>
        t.http.get(`/api/payments/${filtered.result.body.items[0].id}`).expect(200),
      );
      expect(detail.count).toBeLessThanOrEqual(2);
    });
  });
});
