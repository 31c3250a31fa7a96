import { todayIso } from '@salkku/shared';
import { newOrganisation as createOrganisation, newProject } from './support/factories';
import {
  type AuditEventRow,
  auditEvents,
  countStatements,
  rowCount,
  type TestApp,
  useTestApp,
} from './support/test-app';
import { fieldsOf, type Json, UNKNOWN_ID as MISSING_ID } from './support/values';

/**
 * Projects API. Funding decisions, payments, milestones, status reports, agreements and priority
 * areas are written straight into the database here: their own endpoints are tested in their
 * own files, and this file only needs them as data that the project list and detail summarise.
 */

/** What the factories return, typed as far as these tests read it. */
interface Created {
  id: string;
  name: string;
  code: string;
  version: number;
  updatedAt: string;
  [field: string]: unknown;
}
interface Item {
  id: string;
  code: string;
  [field: string]: unknown;
}

/** The app's "today" (the test app runs with the default time zone) and its neighbours. */
const TODAY = todayIso('Europe/Helsinki');
function shiftDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
const YESTERDAY = shiftDays(TODAY, -1);

async function newOrganisation(t: TestApp, overrides: Json = {}): Promise<Created> {
  return (await createOrganisation(t, overrides)) as Created;
}

async function insertOne(t: TestApp, sql: string, params: unknown[]): Promise<string> {
  const [row] = await t.dataSource.query<Array<{ id: string }>>(`${sql} RETURNING id`, params);
  return row!.id;
}

async function insertAgreement(t: TestApp): Promise<string> {
  const city = await newOrganisation(t, { kind: 'city' });
  return insertOne(t, 'INSERT INTO agreements (city_id, title) VALUES ($1, $2)', [city.id, `Sopimus ${city.name}`]);
}

/** A city (organisation of kind city) with an agreement and a priority area of its own. */
async function insertCity(t: TestApp, name: string): Promise<{ cityId: string; agreementId: string; areaId: string }> {
  const city = await newOrganisation(t, { name, kind: 'city' });
  const agreementId = await insertOne(t, 'INSERT INTO agreements (city_id, title) VALUES ($1, $2)', [
    city.id,
    `Sopimus ${name}`,
  ]);
  return { cityId: city.id, agreementId, areaId: await insertPriorityArea(t, agreementId, `Painopiste ${name}`) };
}

async function insertPriorityArea(t: TestApp, agreementId: string, nameFi = 'Vesi'): Promise<string> {
  return insertOne(t, 'INSERT INTO priority_areas (agreement_id, name_fi, name_sv, name_en) VALUES ($1, $2, $3, $4)', [
    agreementId,
    nameFi,
    `${nameFi} (sv)`,
    `${nameFi} (en)`,
  ]);
}

async function insertDecision(
  t: TestApp,
  project: Created,
  agreementId: string,
  funderId: string,
  status: string,
  amountGranted: string | null,
): Promise<string> {
  return insertOne(
    t,
    `INSERT INTO funding_decisions (agreement_id, project_id, funder_id, instrument, status, amount_granted)
     VALUES ($1, $2, $3, 'erdf', $4, $5)`,
    [agreementId, project.id, funderId, status, amountGranted],
  );
}

async function insertPayment(t: TestApp, decisionId: string, amount: string): Promise<string> {
  return insertOne(t, 'INSERT INTO payments (funding_decision_id, paid_on, amount) VALUES ($1, $2, $3)', [
    decisionId,
    '2024-01-15',
    amount,
  ]);
}

async function insertMilestone(
  t: TestApp,
  projectId: string,
  title: string,
  dueDate: string,
  status = 'planned',
): Promise<string> {
  return insertOne(
    t,
    'INSERT INTO milestones (project_id, title, due_date, status, completed_on) VALUES ($1, $2, $3, $4, $5)',
    [projectId, title, dueDate, status, status === 'done' ? dueDate : null],
  );
}

async function insertReport(
  t: TestApp,
  projectId: string,
  reportingDate: string,
  health: string,
  createdAt = new Date().toISOString(),
): Promise<string> {
  return insertOne(
    t,
    `INSERT INTO status_reports (project_id, reporting_date, health, lifecycle_status, summary, risks, next_steps, author, created_at)
     VALUES ($1, $2, $3, 'active', $4, 'Riskit', 'Seuraavaksi', 'Koordinaattori', $5)`,
    [projectId, reportingDate, health, `Tilanne ${reportingDate} ${health}`, createdAt],
  );
}

async function partnerRows(
  t: TestApp,
  projectId: string,
): Promise<
  Array<{ id: string; organisation_id: string; role: string | null; budget_share: string | null; version: number }>
> {
  return t.dataSource.query(
    'SELECT id, organisation_id, role, budget_share, version FROM project_partners WHERE project_id = $1 ORDER BY organisation_id',
    [projectId],
  );
}

describe('projects API', () => {
  const t = useTestApp();
  // The rules every resource keeps (invalid fields, 401, stale versions, unknown ids, read-only roles, city
  // scope) are asserted once for all in resource-rules.int-spec.ts.
  let agreementId: string;
  let areaId: string;
  let lead: Created;

  /** A project through the shared factory, in the default area unless told otherwise. */
  const project = async (overrides: Json = {}): Promise<Created> =>
    (await newProject(t, { priorityAreaId: areaId, leadOrganisationId: lead.id, ...overrides })) as Created;

  beforeAll(async () => {
    agreementId = await insertAgreement(t);
    areaId = await insertPriorityArea(t, agreementId);
    lead = await newOrganisation(t, { name: 'Savonia-ammattikorkeakoulu', kind: 'university_of_applied_sciences' });
  });

  describe('POST /api/projects', () => {
    it('creates a project with its partners in one go and returns the detail', async () => {
      const uef = await newOrganisation(t, { name: 'Itä-Suomen yliopisto', kind: 'university' });
      const vtt = await newOrganisation(t, { name: 'VTT', kind: 'research_institute' });
      const res = await t.http
        .post('/api/projects')
        .send({
          priorityAreaId: areaId,
          code: 'VESI-KH',
          name: 'Vesi-painopisteen käynnistämishanke',
          summary: 'Savilahdesta veden testaus- ja innovaatioympäristö',
          kind: 'launch',
          leadOrganisationId: lead.id,
          plannedStart: '2021-09-01',
          plannedEnd: '2023-08-31',
          lifecycleStatus: 'active',
          totalBudget: '450000',
          euraCode: 'A12345',
          partners: [
            { organisationId: uef.id, role: 'Tutkimuskumppani', budgetShare: '15000.5' },
            { organisationId: vtt.id },
          ],
        })
        .expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        code: 'VESI-KH',
        name: 'Vesi-painopisteen käynnistämishanke',
        summary: 'Savilahdesta veden testaus- ja innovaatioympäristö',
        kind: 'launch',
        lifecycleStatus: 'active',
        priorityArea: { id: areaId, agreementId, nameFi: 'Vesi', nameSv: 'Vesi (sv)', nameEn: 'Vesi (en)' },
        leadOrganisation: { id: lead.id, name: 'Savonia-ammattikorkeakoulu' },
        plannedStart: '2021-09-01',
        plannedEnd: '2023-08-31',
        totalBudget: '450000.00',
        euraCode: 'A12345',
        funding: { granted: '0.00', paid: '0.00', remaining: '0.00', unknownAmounts: 0 },
        latestStatus: null,
        latestStatusReport: null,
        nextMilestone: null,
        overdueMilestones: 0,
        allowedTransitions: ['on_hold', 'completed', 'cancelled'],
        version: 1,
      });
      expect(res.body.partners).toEqual([
        {
          id: expect.any(String),
          organisation: { id: uef.id, name: 'Itä-Suomen yliopisto', kind: 'university' },
          role: 'Tutkimuskumppani',
          budgetShare: '15000.50',
          version: 1,
        },
        {
          id: expect.any(String),
          organisation: { id: vtt.id, name: 'VTT', kind: 'research_institute' },
          role: null,
          budgetShare: null,
          version: 1,
        },
      ]);
      expect(Date.parse(res.body.createdAt)).not.toBeNaN();

      const read = await t.http.get(`/api/projects/${res.body.id}`).expect(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
    });

    it('defaults kind to other and status to planned, and the shared newProject factory works', async () => {
      const created = await project({ kind: undefined });
      expect(created).toMatchObject({
        kind: 'other',
        lifecycleStatus: 'planned',
        partners: [],
        summary: null,
        totalBudget: null,
      });
      expect((created.allowedTransitions as string[]).sort()).toEqual(['active', 'cancelled']);
      const other = await project({ kind: 'launch' });
      expect(other).toMatchObject({ kind: 'launch', priorityArea: { id: areaId }, leadOrganisation: { id: lead.id } });
      // With no overrides the factory builds its own agreement, priority area and lead through the API.
      const standalone = await newProject(t);
      expect(standalone).toMatchObject({ kind: 'other', lifecycleStatus: 'planned', version: 1 });
      expect((standalone.priorityArea as { id: string }).id).not.toBe(areaId);
    });

    // Invalid fields in general: resource-rules.int-spec.ts.
    it('names each missing field once as missing, refuses a code over 40 characters and takes any letters in it', async () => {
      const projects = await rowCount(t, 'projects');
      const missing = await t.http.post('/api/projects').send({}).expect(400);
      expect(fieldsOf(missing)).toEqual(['code', 'leadOrganisationId', 'name', 'priorityAreaId']);
      // A missing field breaks every rule on it, but its one problem is that it is missing.
      expect(missing.body.details.name.length).toBeGreaterThan(1);
      expect(missing.body.problems).toEqual({
        code: [{ code: 'required' }],
        leadOrganisationId: [{ code: 'required' }],
        name: [{ code: 'required' }],
        priorityAreaId: [{ code: 'required' }],
      });
      const tooLong = await t.http
        .post('/api/projects')
        .send({ priorityAreaId: areaId, leadOrganisationId: lead.id, name: 'x', code: 'A'.repeat(41) })
        .expect(400);
      expect(fieldsOf(tooLong)).toEqual(['code']);
      expect(tooLong.body.problems).toEqual({ code: [{ code: 'tooLong', params: { max: 40 } }] });
      await t.http
        .post('/api/projects')
        .send({ priorityAreaId: areaId, leadOrganisationId: lead.id, name: 'Åäö-koodi', code: 'ÄÖ_1.v-2' })
        .expect(201);
      expect(await rowCount(t, 'projects')).toBe(projects + 1);
    });

    it('rejects references to missing records, duplicate partners and a reversed period (400), writing nothing', async () => {
      const partner = await newOrganisation(t);
      const projects = await rowCount(t, 'projects');
      const partners = await rowCount(t, 'project_partners');
      const base = { code: 'REF-1', name: 'Viittaukset', priorityAreaId: areaId, leadOrganisationId: lead.id };

      const area = await t.http
        .post('/api/projects')
        .send({ ...base, priorityAreaId: MISSING_ID })
        .expect(400);
      expect(fieldsOf(area)).toEqual(['priorityAreaId']);
      expect(area.body.problems).toEqual({ priorityAreaId: [{ code: 'notFound' }] });
      const leadOrg = await t.http
        .post('/api/projects')
        .send({ ...base, leadOrganisationId: MISSING_ID })
        .expect(400);
      expect(fieldsOf(leadOrg)).toEqual(['leadOrganisationId']);
      const missingPartner = await t.http
        .post('/api/projects')
        .send({ ...base, partners: [{ organisationId: partner.id }, { organisationId: MISSING_ID }] })
        .expect(400);
      expect(fieldsOf(missingPartner)).toEqual(['partners.1.organisationId']);
      const duplicate = await t.http
        .post('/api/projects')
        .send({ ...base, partners: [{ organisationId: partner.id }, { organisationId: partner.id, role: 'twice' }] })
        .expect(400);
      expect(fieldsOf(duplicate)).toEqual(['partners.1.organisationId']);
      expect(duplicate.body.problems).toEqual({ 'partners.1.organisationId': [{ code: 'duplicate' }] });
      const period = await t.http
        .post('/api/projects')
        .send({ ...base, plannedStart: '2022-01-01', plannedEnd: '2021-12-31' })
        .expect(400);
      expect(fieldsOf(period)).toEqual(['plannedEnd']);
      expect(period.body.problems).toEqual({ plannedEnd: [{ code: 'dateOrder' }] });

      expect(await rowCount(t, 'projects')).toBe(projects);
      expect(await rowCount(t, 'project_partners')).toBe(partners);
      // The same body with the mistakes fixed goes through.
      await t.http
        .post('/api/projects')
        .send({
          ...base,
          plannedStart: '2022-01-01',
          plannedEnd: '2022-01-01',
          partners: [{ organisationId: partner.id }],
        })
        .expect(201);
    });

    it('refuses a duplicate code with 409 DUPLICATE', async () => {
      await project({ code: 'DUP-1' });
      const projects = await rowCount(t, 'projects');
      const res = await t.http
        .post('/api/projects')
        .send({ code: 'DUP-1', name: 'Toinen', priorityAreaId: areaId, leadOrganisationId: lead.id })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'DUPLICATE', details: { code: expect.any(Array) } });
      expect(res.body.problems).toEqual({ code: [{ code: 'duplicate' }] });
      expect(await rowCount(t, 'projects')).toBe(projects);
    });

    it("keeps codes unique within an agreement: another city's code is free (201), not revealed", async () => {
      const kuopio = await insertCity(t, 'Kuopio (koodit)');
      const oulu = await insertCity(t, 'Oulu (koodit)');
      await project({ code: 'OULU-SECRET-1', priorityAreaId: oulu.areaId });
      await project({ code: 'KUO-1', priorityAreaId: kuopio.areaId });
      const coordinator = await t.as('coordinator', { cityId: kuopio.cityId });
      const body = (code: string) => ({
        code,
        name: 'Uusi',
        priorityAreaId: kuopio.areaId,
        leadOrganisationId: lead.id,
      });

      const taken = await coordinator.post('/api/projects').send(body('KUO-1')).expect(409);
      expect(taken.body).toMatchObject({ code: 'DUPLICATE', problems: { code: [{ code: 'duplicate' }] } });
      const created = await coordinator.post('/api/projects').send(body('OULU-SECRET-1')).expect(201);
      expect(created.body).toMatchObject({ code: 'OULU-SECRET-1', priorityArea: { id: kuopio.areaId } });

      // Another project of the same agreement cannot take a code in use there either.
      const other = await project({ code: 'KUO-2', priorityAreaId: kuopio.areaId });
      const renamed = await t.http
        .patch(`/api/projects/${other.id}`)
        .set('If-Match', `"${other.version}"`)
        .send({ code: 'KUO-1' })
        .expect(409);
      expect(renamed.body.problems).toEqual({ code: [{ code: 'duplicate' }] });
    });
  });

  describe('GET /api/projects/:id', () => {
    it('shows the whole latest status report', async () => {
      const p = await project();
      await insertReport(t, p.id, '2024-05-01', 'at_risk');
      const latestId = await insertReport(t, p.id, '2024-06-01', 'off_track');
      const res = await t.http.get(`/api/projects/${p.id}`).expect(200);
      expect(res.body.latestStatus).toEqual({ reportingDate: '2024-06-01', health: 'off_track' });
      expect(res.body.latestStatusReport).toEqual({
        id: latestId,
        reportingDate: '2024-06-01',
        health: 'off_track',
        lifecycleStatus: 'active',
        summary: 'Tilanne 2024-06-01 off_track',
        risks: 'Riskit',
        nextSteps: 'Seuraavaksi',
        author: 'Koordinaattori',
      });
    });
  });

  describe('GET /api/projects', () => {
    it('narrows by each filter', async () => {
      const agreementA = await insertAgreement(t);
      const agreementB = await insertAgreement(t);
      const areaA1 = await insertPriorityArea(t, agreementA, 'Terveys');
      const areaA2 = await insertPriorityArea(t, agreementA, 'Vesi');
      const areaB = await insertPriorityArea(t, agreementB, 'Vesi');
      const leadX = await newOrganisation(t, { name: 'Kuopio Health', kind: 'other' });
      const a1 = await project({
        priorityAreaId: areaA1,
        code: 'FLT-TERVEYS',
        name: 'Hyvinvointiteknologia',
        kind: 'launch',
        lifecycleStatus: 'active',
      });
      const a2 = await project({
        priorityAreaId: areaA2,
        code: 'FLT-VESI',
        name: 'Älykäs vesihuolto',
        leadOrganisationId: leadX.id,
      });
      const b1 = await project({
        priorityAreaId: areaB,
        code: 'FLT-B1',
        name: 'Vesi 100% testi',
        lifecycleStatus: 'active',
      });
      const b2 = await project({
        priorityAreaId: areaB,
        code: 'FLT-B2',
        name: 'Toinen kaupunki',
        kind: 'launch',
        leadOrganisationId: leadX.id,
      });

      const codes = async (query: Json): Promise<string[]> => {
        const res = await t.http
          .get('/api/projects')
          .query({ sort: 'code', ...query })
          .expect(200);
        expect(res.body.total).toBe(res.body.items.length);
        return res.body.items.map((i: Item) => i.code);
      };
      expect(await codes({ agreementId: agreementA })).toEqual(['FLT-TERVEYS', 'FLT-VESI']);
      expect(await codes({ agreementId: agreementB })).toEqual(['FLT-B1', 'FLT-B2']);
      expect(await codes({ priorityAreaId: areaA2 })).toEqual(['FLT-VESI']);
      expect(await codes({ agreementId: agreementA, lifecycleStatus: 'active' })).toEqual(['FLT-TERVEYS']);
      expect(await codes({ agreementId: agreementB, lifecycleStatus: 'planned' })).toEqual(['FLT-B2']);
      expect(await codes({ leadOrganisationId: leadX.id })).toEqual(['FLT-B2', 'FLT-VESI']);
      expect(await codes({ agreementId: agreementB, kind: 'launch' })).toEqual(['FLT-B2']);
      expect(await codes({ kind: 'launch', leadOrganisationId: leadX.id })).toEqual(['FLT-B2']);
      // Free text: case-insensitive, on code or name; % and _ are literal characters.
      expect(await codes({ q: 'flt-b' })).toEqual(['FLT-B1', 'FLT-B2']);
      expect(await codes({ q: 'ÄLYKÄS' })).toEqual(['FLT-VESI']);
      expect(await codes({ q: '100%' })).toEqual(['FLT-B1']);
      expect(await codes({ q: 'flt_b' })).toEqual([]);
      expect(await codes({ agreementId: agreementA, q: 'toinen' })).toEqual([]);

      const item = (await t.http.get('/api/projects').query({ priorityAreaId: areaA1 }).expect(200)).body.items[0];
      expect(item).toEqual({
        id: a1.id,
        code: 'FLT-TERVEYS',
        name: 'Hyvinvointiteknologia',
        kind: 'launch',
        lifecycleStatus: 'active',
        priorityArea: {
          id: areaA1,
          agreementId: agreementA,
          nameFi: 'Terveys',
          nameSv: 'Terveys (sv)',
          nameEn: 'Terveys (en)',
        },
        leadOrganisation: { id: lead.id, name: 'Savonia-ammattikorkeakoulu' },
        plannedStart: null,
        plannedEnd: null,
        totalBudget: null,
        euraCode: null,
        funding: { granted: '0.00', paid: '0.00', remaining: '0.00', unknownAmounts: 0 },
        latestStatus: null,
        nextMilestone: null,
        overdueMilestones: 0,
        overdueReport: false,
        version: 1,
        updatedAt: a1.updatedAt,
      });
      expect([a2.id, b1.id, b2.id]).not.toContain(item.id);
    });

    it('takes health and latestStatus from the LATEST report, filters and sorts on it', async () => {
      const agreement = await insertAgreement(t);
      const area = await insertPriorityArea(t, agreement);
      const recovered = await project({ priorityAreaId: area, code: 'H-RECOVERED' });
      const worsened = await project({ priorityAreaId: area, code: 'H-WORSENED' });
      const silent = await project({ priorityAreaId: area, code: 'H-SILENT' });
      // An old bad report, then a newer good one (inserted first, so order of insertion is not the answer).
      await insertReport(t, recovered.id, '2024-03-01', 'on_track');
      await insertReport(t, recovered.id, '2024-01-01', 'off_track');
      // Two reports on the same date: the later created one wins, whatever the insertion order.
      await insertReport(t, worsened.id, '2024-03-01', 'off_track', '2024-03-01T12:00:00Z');
      await insertReport(t, worsened.id, '2024-03-01', 'at_risk', '2024-03-01T08:00:00Z');

      const list = async (query: Json): Promise<Item[]> =>
        (
          await t.http
            .get('/api/projects')
            .query({ agreementId: agreement, ...query })
            .expect(200)
        ).body.items;

      const all = await list({});
      const byCode = Object.fromEntries(all.map((i) => [i.code, i.latestStatus]));
      expect(byCode).toEqual({
        'H-RECOVERED': { reportingDate: '2024-03-01', health: 'on_track' },
        'H-WORSENED': { reportingDate: '2024-03-01', health: 'off_track' },
        'H-SILENT': null,
      });
      expect((await list({ health: 'on_track' })).map((i) => i.id)).toEqual([recovered.id]);
      expect((await list({ health: 'off_track' })).map((i) => i.id)).toEqual([worsened.id]);
      expect(await list({ health: 'at_risk' })).toEqual([]);
      expect((await list({ health: 'none' })).map((i) => i.id)).toEqual([silent.id]);
      // on_track < at_risk < off_track; projects without a report last in both directions.
      expect((await list({ sort: 'health' })).map((i) => i.code)).toEqual(['H-RECOVERED', 'H-WORSENED', 'H-SILENT']);
      expect((await list({ sort: '-health' })).map((i) => i.code)).toEqual(['H-WORSENED', 'H-RECOVERED', 'H-SILENT']);
      const detail = await t.http.get(`/api/projects/${worsened.id}`).expect(200);
      expect(detail.body.latestStatusReport).toMatchObject({ health: 'off_track', reportingDate: '2024-03-01' });
    });

    it('sums funding exactly: granted and amended decisions, payments under them', async () => {
      const funder = await newOrganisation(t, { name: 'Pohjois-Savon liitto', kind: 'regional_council' });
      const p = await project({ code: 'FUND-1' });
      const granted = await insertDecision(t, p, agreementId, funder.id, 'granted', '1000.10');
      const amended = await insertDecision(t, p, agreementId, funder.id, 'amended', '2000.20');
      await insertDecision(t, p, agreementId, funder.id, 'granted', null); // unknown amount: counted apart, not as 0
      await insertDecision(t, p, agreementId, funder.id, 'applied', '500.00');
      await insertDecision(t, p, agreementId, funder.id, 'rejected', '700.00');
      const withdrawn = await insertDecision(t, p, agreementId, funder.id, 'withdrawn', '900.00');
      await insertPayment(t, granted, '0.10');
      await insertPayment(t, amended, '0.20');
      await insertPayment(t, withdrawn, '5.00');
      // Another project's money must not leak in.
      const other = await project({ code: 'FUND-2' });
      const otherDecision = await insertDecision(t, other, agreementId, funder.id, 'granted', '10.00');
      await insertPayment(t, otherDecision, '10.00');

      const expected = { granted: '3000.30', paid: '0.30', remaining: '3000.00', unknownAmounts: 1 };
      const detail = await t.http.get(`/api/projects/${p.id}`).expect(200);
      expect(detail.body.funding).toEqual(expected);
      const list = await t.http.get('/api/projects').query({ q: 'FUND-' }).expect(200);
      expect(list.body.items.map((i: Item) => [i.code, i.funding])).toEqual([
        ['FUND-1', expected],
        ['FUND-2', { granted: '10.00', paid: '10.00', remaining: '0.00', unknownAmounts: 0 }],
      ]);
    });

    it('computes remaining to the cent, without float drift (1000.10 + 1999.90 granted, 0.10 + 0.20 paid → 2999.70)', async () => {
      // (The brief's example "1000.10 + 2000.20 granted, 0.30 paid → 2999.70" does not add up:
      // that is 3000.30 − 0.30 = 3000.00, asserted in the test above.)
      const funder = await newOrganisation(t, { kind: 'regional_council' });
      const p = await project({ code: 'FUND-EXACT' });
      const d1 = await insertDecision(t, p, agreementId, funder.id, 'granted', '1000.10');
      const d2 = await insertDecision(t, p, agreementId, funder.id, 'granted', '1999.90');
      await insertPayment(t, d1, '0.10');
      await insertPayment(t, d2, '0.20');
      const res = await t.http.get('/api/projects').query({ q: 'FUND-EXACT' }).expect(200);
      expect(res.body.items[0].funding).toEqual({
        granted: '3000.00',
        paid: '0.30',
        remaining: '2999.70',
        unknownAmounts: 0,
      });
    });

    it('derives nextMilestone and overdueMilestones from due dates and statuses', async () => {
      const p = await project({ code: 'MS-1' });
      const overdue = await insertMilestone(t, p.id, 'Myöhässä', YESTERDAY, 'planned');
      await insertMilestone(t, p.id, 'Valmis ajallaan', YESTERDAY, 'done');
      await insertMilestone(t, p.id, 'Peruttu', shiftDays(TODAY, -10), 'cancelled');
      await insertMilestone(t, p.id, 'Tänään', TODAY, 'in_progress');
      await insertMilestone(t, p.id, 'Myöhemmin', shiftDays(TODAY, 30), 'planned');
      await insertMilestone(t, p.id, 'Kauan sitten', shiftDays(TODAY, -40), 'in_progress');
      const q = await project({ code: 'MS-2' });
      await insertMilestone(t, q.id, 'Valmis', YESTERDAY, 'done');
      await insertMilestone(t, q.id, 'Tuleva', shiftDays(TODAY, 5), 'planned');
      const r = await project({ code: 'MS-3' });
      await insertMilestone(t, r.id, 'Valmis', YESTERDAY, 'done');

      const items: Item[] = (await t.http.get('/api/projects').query({ q: 'MS-' }).expect(200)).body.items;
      const [one, two, three] = items;
      expect(one).toMatchObject({ code: 'MS-1', overdueMilestones: 2 });
      expect(one!.nextMilestone).toMatchObject({ title: 'Kauan sitten', dueDate: shiftDays(TODAY, -40) });
      expect(two).toMatchObject({
        code: 'MS-2',
        overdueMilestones: 0,
        nextMilestone: { title: 'Tuleva', dueDate: shiftDays(TODAY, 5) },
      });
      expect(three).toMatchObject({ code: 'MS-3', overdueMilestones: 0, nextMilestone: null });

      // Once the oldest one is done, the next one is the one due yesterday.
      await t.dataSource.query(
        "UPDATE milestones SET status = 'done', completed_on = due_date WHERE title = 'Kauan sitten'",
      );
      const detail = await t.http.get(`/api/projects/${p.id}`).expect(200);
      expect(detail.body).toMatchObject({
        overdueMilestones: 1,
        nextMilestone: { id: overdue, title: 'Myöhässä', dueDate: YESTERDAY },
      });
    });

    it('sorts by each key and pages with a stable total', async () => {
      const agreement = await insertAgreement(t);
      const area = await insertPriorityArea(t, agreement);
      await project({
        priorityAreaId: area,
        code: 'S-B',
        name: 'Alfa',
        plannedStart: '2022-01-01',
        plannedEnd: '2022-12-31',
      });
      await project({ priorityAreaId: area, code: 'S-A', name: 'Beta', lifecycleStatus: 'active' });
      await project({
        priorityAreaId: area,
        code: 'S-C',
        name: 'Gamma',
        plannedStart: '2021-01-01',
        plannedEnd: '2023-12-31',
      });
      const codes = async (sort: string): Promise<string[]> =>
        (await t.http.get('/api/projects').query({ agreementId: agreement, sort }).expect(200)).body.items.map(
          (i: Item) => i.code,
        );
      expect(await codes('code')).toEqual(['S-A', 'S-B', 'S-C']);
      expect(await codes('-code')).toEqual(['S-C', 'S-B', 'S-A']);
      expect(await codes('name')).toEqual(['S-B', 'S-A', 'S-C']);
      expect(await codes('plannedStart')).toEqual(['S-C', 'S-B', 'S-A']);
      expect(await codes('-plannedStart')).toEqual(['S-B', 'S-C', 'S-A']);
      expect(await codes('-plannedEnd')).toEqual(['S-C', 'S-B', 'S-A']);
      // planned before active (the lifecycle order), whatever the tie-break among the planned ones.
      expect((await codes('lifecycleStatus'))[2]).toBe('S-A');
      expect((await codes('-lifecycleStatus'))[0]).toBe('S-A');
      expect(await codes('-updatedAt')).toEqual(['S-C', 'S-A', 'S-B']);

      const page2 = await t.http
        .get('/api/projects')
        .query({ agreementId: agreement, sort: 'code', pageSize: 2, page: 2 })
        .expect(200);
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page2.body.items.map((i: Item) => i.code)).toEqual(['S-C']);
      const beyond = await t.http
        .get('/api/projects')
        .query({ agreementId: agreement, pageSize: 2, page: 5 })
        .expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 3, page: 5 });
    });

    it('validates the query', async () => {
      const res = await t.http
        .get('/api/projects')
        .query({
          pageSize: 1000,
          sort: 'budget',
          health: 'purple',
          agreementId: 'x',
          lifecycleStatus: 'done',
          kind: 'big',
          page: 0,
        })
        .expect(400);
      expect(fieldsOf(res)).toEqual(['agreementId', 'health', 'kind', 'lifecycleStatus', 'page', 'pageSize', 'sort']);
    });
  });

  describe('PATCH /api/projects/:id', () => {
    it('updates fields with If-Match or body version and bumps the version', async () => {
      const p = await project({ plannedStart: '2021-09-01' });
      const res = await t.http
        .patch(`/api/projects/${p.id}`)
        .set('If-Match', '"1"')
        .send({ name: 'Uusi nimi', lifecycleStatus: 'active', totalBudget: '1200.5', summary: 'Kuvaus' })
        .expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({
        name: 'Uusi nimi',
        lifecycleStatus: 'active',
        totalBudget: '1200.50',
        summary: 'Kuvaus',
        version: 2,
      });
      expect(res.body.allowedTransitions).toEqual(['on_hold', 'completed', 'cancelled']);
      const cleared = await t.http
        .patch(`/api/projects/${p.id}`)
        .send({ version: 2, summary: null, plannedStart: null, totalBudget: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ summary: null, plannedStart: null, totalBudget: null, version: 3 });
      // Sending the stored values again changes nothing, so the version stays.
      const same = await t.http
        .patch(`/api/projects/${p.id}`)
        .send({ version: 3, name: 'Uusi nimi', totalBudget: null })
        .expect(200);
      expect(same.body.version).toBe(3);
    });

    it('moves the lifecycle only along the allowed transitions (409 ILLEGAL_TRANSITION, nothing changed)', async () => {
      const p = await project({ lifecycleStatus: 'active' });
      const done = await t.http
        .patch(`/api/projects/${p.id}`)
        .send({ version: 1, lifecycleStatus: 'completed' })
        .expect(200);
      expect(done.body).toMatchObject({ lifecycleStatus: 'completed', version: 2, allowedTransitions: [] });
      const back = await t.http
        .patch(`/api/projects/${p.id}`)
        .send({ version: 2, lifecycleStatus: 'active', name: 'Ei muutu' })
        .expect(409);
      expect(back.body.code).toBe('ILLEGAL_TRANSITION');
      const planned = await project();
      const skip = await t.http
        .patch(`/api/projects/${planned.id}`)
        .send({ version: 1, lifecycleStatus: 'on_hold' })
        .expect(409);
      expect(skip.body.code).toBe('ILLEGAL_TRANSITION');
      const current = await t.http.get(`/api/projects/${p.id}`).expect(200);
      expect(current.body).toMatchObject({ lifecycleStatus: 'completed', name: p.name, version: 2 });
      expect((await t.http.get(`/api/projects/${planned.id}`).expect(200)).body).toMatchObject({
        lifecycleStatus: 'planned',
        version: 1,
      });
    });

    it('replaces the partner list (remove, update, insert) and bumps the version on a partners-only change', async () => {
      const [a, b, c] = [await newOrganisation(t), await newOrganisation(t), await newOrganisation(t)];
      const p = await project({
        partners: [
          { organisationId: a.id, role: 'Poistuu' },
          { organisationId: b.id, role: 'Vanha rooli', budgetShare: '100' },
        ],
      });
      const before = await partnerRows(t, p.id);
      const bRow = before.find((r) => r.organisation_id === b.id)!;

      const res = await t.http
        .patch(`/api/projects/${p.id}`)
        .set('If-Match', '"1"')
        .send({
          partners: [{ organisationId: b.id, role: 'Uusi rooli', budgetShare: '100.00' }, { organisationId: c.id }],
        })
        .expect(200);
      expect(res.body.version).toBe(2);
      expect(res.headers.etag).toBe('"2"');
      const after = await partnerRows(t, p.id);
      expect(after.map((r) => r.organisation_id).sort()).toEqual([b.id, c.id].sort());
      const bAfter = after.find((r) => r.organisation_id === b.id)!;
      expect(bAfter).toMatchObject({ id: bRow.id, role: 'Uusi rooli', budget_share: '100.00', version: 2 });
      expect(res.body.partners).toHaveLength(2);

      // The same list again is no change: the project's version stays.
      const again = await t.http
        .patch(`/api/projects/${p.id}`)
        .send({
          version: 2,
          partners: [{ organisationId: c.id }, { organisationId: b.id, role: 'Uusi rooli', budgetShare: '100' }],
        })
        .expect(200);
      expect(again.body.version).toBe(2);

      const emptied = await t.http.patch(`/api/projects/${p.id}`).send({ version: 2, partners: [] }).expect(200);
      expect(emptied.body).toMatchObject({ version: 3, partners: [] });
      expect(await partnerRows(t, p.id)).toEqual([]);
    });

    it('rejects a partner list with a missing organisation atomically: old partners intact, version unchanged', async () => {
      const [a, b] = [await newOrganisation(t), await newOrganisation(t)];
      const p = await project({ partners: [{ organisationId: a.id, role: 'Pysyy' }] });
      const before = await partnerRows(t, p.id);
      const res = await t.http
        .patch(`/api/projects/${p.id}`)
        .send({ version: 1, name: 'Ei tallennu', partners: [{ organisationId: b.id }, { organisationId: MISSING_ID }] })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(fieldsOf(res)).toEqual(['partners.1.organisationId']);
      const dup = await t.http
        .patch(`/api/projects/${p.id}`)
        .send({ version: 1, partners: [{ organisationId: b.id }, { organisationId: b.id }] })
        .expect(400);
      expect(fieldsOf(dup)).toEqual(['partners.1.organisationId']);
      expect(await partnerRows(t, p.id)).toEqual(before);
      const current = await t.http.get(`/api/projects/${p.id}`).expect(200);
      expect(current.body).toMatchObject({ name: p.name, version: 1 });
    });

    it('validates fields, references and the merged period (400) and a taken code (409), changing nothing', async () => {
      await project({ code: 'TAKEN-1' });
      const p = await project({ plannedStart: '2022-01-01', plannedEnd: '2022-06-30' });
      const patch = (body: Json) => t.http.patch(`/api/projects/${p.id}`).send({ version: 1, ...body });

      expect(fieldsOf(await patch({ plannedEnd: '2021-12-31' }).expect(400))).toEqual(['plannedEnd']);
      expect(fieldsOf(await patch({ plannedStart: '2022-07-01' }).expect(400))).toEqual(['plannedEnd']);
      expect(fieldsOf(await patch({ priorityAreaId: MISSING_ID }).expect(400))).toEqual(['priorityAreaId']);
      expect(fieldsOf(await patch({ leadOrganisationId: MISSING_ID }).expect(400))).toEqual(['leadOrganisationId']);
      expect(fieldsOf(await patch({ name: null, code: null, partners: null }).expect(400))).toEqual([
        'code',
        'name',
        'partners',
      ]);
      expect(
        fieldsOf(await patch({ code: 'bad code', totalBudget: '1.234', lifecycleStatus: 'finished' }).expect(400)),
      ).toEqual(['code', 'lifecycleStatus', 'totalBudget']);
      expect((await patch({ code: 'TAKEN-1' }).expect(409)).body.code).toBe('DUPLICATE');

      const current = await t.http.get(`/api/projects/${p.id}`).expect(200);
      expect(current.body).toMatchObject({
        code: p.code,
        plannedStart: '2022-01-01',
        plannedEnd: '2022-06-30',
        version: 1,
      });
      // Moving both ends together is fine; the area can move to another existing one.
      const otherArea = await insertPriorityArea(t, agreementId, 'Terveys');
      const moved = await patch({
        plannedStart: '2023-01-01',
        plannedEnd: '2023-12-31',
        priorityAreaId: otherArea,
        code: p.code,
      }).expect(200);
      expect(moved.body).toMatchObject({
        plannedStart: '2023-01-01',
        plannedEnd: '2023-12-31',
        priorityArea: { id: otherArea, nameFi: 'Terveys' },
        version: 2,
      });
    });
  });

  describe('DELETE /api/projects/:id', () => {
    it('deletes a project with its partners, milestones and reports', async () => {
      const partner = await newOrganisation(t);
      const p = await project({ partners: [{ organisationId: partner.id }] });
      await insertMilestone(t, p.id, 'Poistuu', TODAY);
      await insertReport(t, p.id, '2024-01-01', 'on_track');
      await t.http.delete(`/api/projects/${p.id}`).set('If-Match', '"2"').expect(409);
      await t.http.delete(`/api/projects/${p.id}`).set('If-Match', '"1"').expect(204);
      await t.http.get(`/api/projects/${p.id}`).expect(404);
      const [left] = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM project_partners WHERE project_id = $1)::int
              + (SELECT count(*) FROM milestones WHERE project_id = $1)::int
              + (SELECT count(*) FROM status_reports WHERE project_id = $1)::int AS n`,
        [p.id],
      );
      expect(left.n).toBe(0);
      await t.http.delete(`/api/projects/${p.id}`).expect(404);
    });

    it('refuses to delete a project with funding decisions (409 IN_USE)', async () => {
      const funder = await newOrganisation(t, { kind: 'regional_council' });
      const p = await project();
      await insertDecision(t, p, agreementId, funder.id, 'applied', null);
      const res = await t.http.delete(`/api/projects/${p.id}`).expect(409);
      expect(res.body.code).toBe('IN_USE');
      await t.http.get(`/api/projects/${p.id}`).expect(200);
    });
  });

  it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
    const agreement = await insertAgreement(t);
    const area = await insertPriorityArea(t, agreement);
    const funder = await newOrganisation(t, { kind: 'regional_council' });
    const [x, y] = [await newOrganisation(t), await newOrganisation(t)];
    let last: Created | undefined;
    for (let i = 0; i < 30; i++) {
      last = await project({
        priorityAreaId: area,
        code: `BULK-${String(i).padStart(2, '0')}`,
        partners: [{ organisationId: x.id, role: 'Kumppani' }, { organisationId: y.id }],
      });
      const id = last.id;
      await insertMilestone(t, id, 'Ensimmäinen', YESTERDAY);
      await insertMilestone(t, id, 'Toinen', shiftDays(TODAY, 10));
      await insertReport(t, id, '2024-01-01', 'at_risk');
      await insertReport(t, id, '2024-02-01', i % 2 ? 'on_track' : 'off_track');
      const decision = await insertDecision(t, last, agreement, funder.id, 'granted', '100.00');
      await insertPayment(t, decision, '25.00');
    }
    for (const pageSize of [1, 25, 100]) {
      const { count, result } = await countStatements(t, () =>
        t.http.get('/api/projects').query({ agreementId: agreement, pageSize, sort: '-health' }).expect(200),
      );
      expect(result.body.total).toBe(30);
      expect(result.body.items.length).toBe(Math.min(pageSize, 30));
      expect(result.body.items[0]).toMatchObject({
        funding: { granted: '100.00', paid: '25.00', remaining: '75.00' },
        overdueMilestones: 1,
        nextMilestone: { title: 'Ensimmäinen' },
        latestStatus: { health: 'off_track' },
      });
      expect(count).toBeLessThanOrEqual(2);
    }
    const unfiltered = await countStatements(t, () => t.http.get('/api/projects').query({ pageSize: 100 }).expect(200));
    expect(unfiltered.count).toBeLessThanOrEqual(2);
    const beyond = await countStatements(t, () =>
      t.http
        .get('/api/projects')
        .query({ agreementId: agreement, health: 'on_track', pageSize: 10, page: 9 })
        .expect(200),
    );
    expect(beyond.result.body).toMatchObject({ items: [], total: 15 });
    expect(beyond.count).toBeLessThanOrEqual(2);

    const { count, result } = await countStatements(t, () => t.http.get(`/api/projects/${last!.id}`).expect(200));
    expect(result.body.partners).toHaveLength(2);
    expect(result.body.latestStatusReport).toMatchObject({ reportingDate: '2024-02-01' });
    expect(count).toBeLessThanOrEqual(2);
  });

  describe('roles, city scope and the audit trail', () => {
    type Agent = Awaited<ReturnType<TestApp['as']>>;
    let kuopio: { cityId: string; agreementId: string; areaId: string };
    let joensuu: { cityId: string; agreementId: string; areaId: string };
    /** A coordinator, a manager and a liaison of Kuopio (the liaison sees every city), Joensuu's coordinator. */
    let coordinator: Agent;
    let manager: Agent;
    let liaison: Agent;
    let joensuuCoordinator: Agent;
    let coordinatorId: string;
    /** Kuopio's and Joensuu's projects, made by the admin. */
    let own: Created;
    let foreign: Created;
    const COORDINATOR = 'Kaisa Koordinaattori';

    const projectOf = async (agent: Agent, body: Json): Promise<Created> =>
      (
        await agent
          .post('/api/projects')
          .send({ leadOrganisationId: lead.id, name: `Hanke ${String(body.code)}`, ...body })
          .expect(201)
      ).body as Created;
    /** The events of one record, oldest first. */
    const eventsOf = (entityType: string, entityId: string) => auditEvents(t, { entityType, entityId });
    const partnerEventsOf = async (projectId: string): Promise<AuditEventRow[]> =>
      (await auditEvents(t, { entityType: 'project_partner' })).filter((e) => e.projectId === projectId);

    beforeAll(async () => {
      kuopio = await insertCity(t, 'Kuopio');
      joensuu = await insertCity(t, 'Joensuu');
      coordinator = await t.as('coordinator', { cityId: kuopio.cityId, displayName: COORDINATOR });
      manager = await t.as('manager', { cityId: kuopio.cityId });
      liaison = await t.as('liaison');
      joensuuCoordinator = await t.as('coordinator', { cityId: joensuu.cityId });
      coordinatorId = ((await coordinator.get('/api/me').expect(200)).body as { user: { id: string } }).user.id;
      own = await project({ priorityAreaId: kuopio.areaId, code: 'KUO-1' });
      foreign = await project({ priorityAreaId: joensuu.areaId, code: 'JOE-1' });
    });

    describe('city scope', () => {
      it('treats another city’s priority area in a body as missing (400) and writes nothing', async () => {
        const projects = await rowCount(t, 'projects');
        const events = await rowCount(t, 'audit_events');
        const body = {
          priorityAreaId: joensuu.areaId,
          code: 'KUO-X',
          name: 'Väärä kaupunki',
          leadOrganisationId: lead.id,
        };
        const created = await coordinator.post('/api/projects').send(body).expect(400);
        const missing = await coordinator
          .post('/api/projects')
          .send({ ...body, priorityAreaId: MISSING_ID })
          .expect(400);
        expect(created.body.details).toEqual({ priorityAreaId: [`priority area ${joensuu.areaId} does not exist`] });
        expect(missing.body.details).toEqual({ priorityAreaId: [`priority area ${MISSING_ID} does not exist`] });

        const moved = await coordinator
          .patch(`/api/projects/${own.id}`)
          .send({ version: own.version, priorityAreaId: joensuu.areaId })
          .expect(400);
        expect(fieldsOf(moved)).toEqual(['priorityAreaId']);
        expect(await rowCount(t, 'projects')).toBe(projects);
        expect(await rowCount(t, 'audit_events')).toBe(events);
        const current = await t.http.get(`/api/projects/${own.id}`).expect(200);
        expect(current.body).toMatchObject({ priorityArea: { id: kuopio.areaId }, version: own.version });
        // The admin sees every city, so the same body goes through for them.
        await t.http.post('/api/projects').send(body).expect(201);
      });
    });

    describe('audit trail', () => {
      it('create leaves one project event and one per partner, with the actor and exact values', async () => {
        const uef = await newOrganisation(t, { kind: 'university' });
        const events = await rowCount(t, 'audit_events');
        const created = await projectOf(coordinator, {
          priorityAreaId: kuopio.areaId,
          code: 'AUD-1',
          name: 'Auditoitu',
          plannedStart: '2021-09-01',
          totalBudget: '450000',
          partners: [{ organisationId: uef.id, role: 'Tutkimus', budgetShare: '15000.5' }],
        });
        expect(await rowCount(t, 'audit_events')).toBe(events + 2);

        const [event, ...more] = await eventsOf('project', created.id);
        expect(more).toEqual([]);
        expect(event).toMatchObject({
          action: 'create',
          actorId: coordinatorId,
          actorName: COORDINATOR,
          projectId: created.id,
          cityId: kuopio.cityId,
        });
        expect(event!.changes).toEqual({
          priorityAreaId: { old: null, new: kuopio.areaId },
          code: { old: null, new: 'AUD-1' },
          name: { old: null, new: 'Auditoitu' },
          kind: { old: null, new: 'other' },
          leadOrganisationId: { old: null, new: lead.id },
          plannedStart: { old: null, new: '2021-09-01' },
          lifecycleStatus: { old: null, new: 'planned' },
          totalBudget: { old: null, new: '450000.00' },
        });

        const partners = await partnerEventsOf(created.id);
        expect(partners).toHaveLength(1);
        expect(partners[0]).toMatchObject({
          action: 'create',
          entityId: (created.partners as Item[])[0]!.id,
          actorId: coordinatorId,
          cityId: kuopio.cityId,
        });
        expect(partners[0]!.changes).toEqual({
          projectId: { old: null, new: created.id },
          organisationId: { old: null, new: uef.id },
          role: { old: null, new: 'Tutkimus' },
          budgetShare: { old: null, new: '15000.50' },
        });
      });

      it('update leaves one event with old → new values; an update that changes nothing leaves none', async () => {
        const p = await projectOf(coordinator, {
          priorityAreaId: kuopio.areaId,
          code: 'AUD-2',
          name: 'Ennen',
          totalBudget: '1000',
          plannedEnd: '2022-12-31',
        });
        await coordinator
          .patch(`/api/projects/${p.id}`)
          .send({ version: 1, name: 'Jälkeen', totalBudget: '1200.5', plannedEnd: null, lifecycleStatus: 'active' })
          .expect(200);
        const events = await eventsOf('project', p.id);
        expect(events.map((e) => e.action)).toEqual(['create', 'update']);
        expect(events[1]).toMatchObject({ actorId: coordinatorId, actorName: COORDINATOR, cityId: kuopio.cityId });
        expect(events[1]!.changes).toEqual({
          name: { old: 'Ennen', new: 'Jälkeen' },
          totalBudget: { old: '1000.00', new: '1200.50' },
          plannedEnd: { old: '2022-12-31', new: null },
          lifecycleStatus: { old: 'planned', new: 'active' },
        });

        const count = await rowCount(t, 'audit_events');
        await coordinator
          .patch(`/api/projects/${p.id}`)
          .send({ version: 2, name: 'Jälkeen', totalBudget: '1200.50', plannedEnd: null })
          .expect(200);
        expect(await rowCount(t, 'audit_events')).toBe(count);
      });

      it('partner changes through the project leave their own events, and no project event', async () => {
        const [a, b, c] = [await newOrganisation(t), await newOrganisation(t), await newOrganisation(t)];
        const p = await projectOf(coordinator, {
          priorityAreaId: kuopio.areaId,
          code: 'AUD-3',
          partners: [
            { organisationId: a.id, role: 'Poistuu' },
            { organisationId: b.id, role: 'Vanha', budgetShare: '100' },
          ],
        });
        const partnerIds = new Map(
          (p.partners as Array<{ id: string; organisation: { id: string } }>).map((x) => [x.organisation.id, x.id]),
        );
        const before = (await partnerEventsOf(p.id)).length;
        const res = await coordinator
          .patch(`/api/projects/${p.id}`)
          .send({
            version: 1,
            partners: [{ organisationId: b.id, role: 'Uusi', budgetShare: '100.00' }, { organisationId: c.id }],
          })
          .expect(200);
        expect(res.body.version).toBe(2);
        const added = (res.body.partners as Array<{ id: string; organisation: { id: string } }>).find(
          (x) => x.organisation.id === c.id,
        )!;

        const events = (await partnerEventsOf(p.id)).slice(before);
        const byAction = Object.fromEntries(events.map((e) => [e.action, e]));
        expect(events.map((e) => e.action).sort()).toEqual(['create', 'delete', 'update']);
        expect(byAction.delete).toMatchObject({ entityId: partnerIds.get(a.id), actorId: coordinatorId });
        expect(byAction.delete!.changes).toEqual({
          projectId: { old: p.id, new: null },
          organisationId: { old: a.id, new: null },
          role: { old: 'Poistuu', new: null },
        });
        expect(byAction.update).toMatchObject({
          entityId: partnerIds.get(b.id),
          projectId: p.id,
          cityId: kuopio.cityId,
        });
        expect(byAction.update!.changes).toEqual({ role: { old: 'Vanha', new: 'Uusi' } });
        expect(byAction.create).toMatchObject({ entityId: added.id });
        expect(byAction.create!.changes).toEqual({
          projectId: { old: null, new: p.id },
          organisationId: { old: null, new: c.id },
        });
        // The project's own columns did not change: its only event is still the create.
        expect((await eventsOf('project', p.id)).map((e) => e.action)).toEqual(['create']);
      });

      it('delete leaves one project event with the old values, and one per partner that went with it', async () => {
        const partner = await newOrganisation(t);
        const p = await projectOf(coordinator, {
          priorityAreaId: kuopio.areaId,
          code: 'AUD-4',
          totalBudget: '99.9',
          plannedStart: '2024-02-29',
          partners: [{ organisationId: partner.id, budgetShare: '0.1' }],
        });
        await coordinator.delete(`/api/projects/${p.id}`).set('If-Match', '"1"').expect(204);
        const events = await eventsOf('project', p.id);
        expect(events.map((e) => e.action)).toEqual(['create', 'delete']);
        expect(events[1]).toMatchObject({ actorId: coordinatorId, projectId: p.id, cityId: kuopio.cityId });
        expect(events[1]!.changes).toMatchObject({
          code: { old: 'AUD-4', new: null },
          totalBudget: { old: '99.90', new: null },
          plannedStart: { old: '2024-02-29', new: null },
          lifecycleStatus: { old: 'planned', new: null },
        });
        const partners = await partnerEventsOf(p.id);
        expect(partners.map((e) => e.action)).toEqual(['create', 'delete']);
        expect(partners[1]!.changes).toMatchObject({ budgetShare: { old: '0.10', new: null } });
      });

      it('a rejected write (400, 403, 404, 409, 428) leaves no event', async () => {
        const funder = await newOrganisation(t, { kind: 'regional_council' });
        const p = await projectOf(coordinator, {
          priorityAreaId: kuopio.areaId,
          code: 'AUD-5',
          lifecycleStatus: 'active',
        });
        const used = await projectOf(coordinator, { priorityAreaId: kuopio.areaId, code: 'AUD-6' });
        await insertDecision(t, used, kuopio.agreementId, funder.id, 'applied', null);
        await coordinator.patch(`/api/projects/${p.id}`).send({ version: 1, lifecycleStatus: 'completed' }).expect(200);
        const events = await rowCount(t, 'audit_events');

        const base = { priorityAreaId: kuopio.areaId, code: 'AUD-NEW', name: 'Uusi', leadOrganisationId: lead.id };
        await coordinator
          .post('/api/projects')
          .send({ ...base, totalBudget: 'paljon' })
          .expect(400);
        await coordinator
          .post('/api/projects')
          .send({ ...base, partners: [{ organisationId: MISSING_ID }] })
          .expect(400);
        await coordinator
          .post('/api/projects')
          .send({ ...base, priorityAreaId: joensuu.areaId })
          .expect(400);
        await coordinator
          .post('/api/projects')
          .send({ ...base, code: 'AUD-5' })
          .expect(409);
        await manager.post('/api/projects').send(base).expect(403);
        const patch = (body: Json) => coordinator.patch(`/api/projects/${p.id}`).send(body);
        await patch({ version: 1, name: 'Vanhentunut' }).expect(409);
        expect((await patch({ version: 2, lifecycleStatus: 'active', name: 'Takaisin' }).expect(409)).body.code).toBe(
          'ILLEGAL_TRANSITION',
        );
        await patch({ name: 'Ilman versiota' }).expect(428);
        await patch({ version: 2, name: 'Virheellinen', partners: [{ organisationId: MISSING_ID }] }).expect(400);
        await patch({ version: 2, plannedStart: '2025-01-01', plannedEnd: '2024-01-01' }).expect(400);
        await joensuuCoordinator.patch(`/api/projects/${p.id}`).send({ version: 2, name: 'Naapuri' }).expect(404);
        await coordinator.delete(`/api/projects/${p.id}`).set('If-Match', '"1"').expect(409);
        expect((await coordinator.delete(`/api/projects/${used.id}`).expect(409)).body.code).toBe('IN_USE');

        expect(await rowCount(t, 'audit_events')).toBe(events);
        expect(await rowCount(t, 'projects')).toBeGreaterThan(0);
        const current = await t.http.get(`/api/projects/${p.id}`).expect(200);
        expect(current.body).toMatchObject({ name: p.name, lifecycleStatus: 'completed', version: 2 });
      });
    });

    describe('GET /api/projects/:id/history', () => {
      it('merges the project’s audit events and status reports, newest first, with their values', async () => {
        const partner = await newOrganisation(t);
        const p = await projectOf(coordinator, {
          priorityAreaId: kuopio.areaId,
          code: 'HIST-1',
          name: 'Historia',
          totalBudget: '1000',
          partners: [{ organisationId: partner.id }],
        });
        await coordinator
          .patch(`/api/projects/${p.id}`)
          .send({ version: 1, name: 'Historia 2', totalBudget: '1250.75' })
          .expect(200);
        const milestone = await coordinator
          .post('/api/milestones')
          .send({ projectId: p.id, title: 'Pilotti valmis', dueDate: '2026-06-30' })
          .expect(201);
        const report = await coordinator
          .post('/api/status-reports')
          .send({
            projectId: p.id,
            reportingDate: '2025-01-31',
            health: 'at_risk',
            summary: 'Hankinta viivästyy',
            risks: 'Toimittaja',
            nextSteps: 'Uusi kilpailutus',
          })
          .expect(201);
        // Another project's changes stay out of this history.
        await projectOf(coordinator, { priorityAreaId: kuopio.areaId, code: 'HIST-OTHER' });

        const res = await coordinator.get(`/api/projects/${p.id}/history`).expect(200);
        expect(res.body).toMatchObject({ total: 6, page: 1, pageSize: 25 });
        const items = res.body.items as Array<Record<string, unknown>>;
        const times = items.map((i) => Date.parse(i.occurredAt as string));
        expect(times).toEqual([...times].sort((x, y) => y - x));
        const none = { action: null, entityType: null, entityId: null, changes: null };
        const noReport = {
          reportingDate: null,
          health: null,
          lifecycleStatus: null,
          summary: null,
          risks: null,
          nextSteps: null,
          author: null,
        };

        expect(items[0]).toEqual({
          kind: 'status_report',
          id: report.body.id,
          occurredAt: report.body.createdAt,
          actorName: COORDINATOR,
          author: COORDINATOR,
          reportingDate: '2025-01-31',
          health: 'at_risk',
          lifecycleStatus: 'planned',
          summary: 'Hankinta viivästyy',
          risks: 'Toimittaja',
          nextSteps: 'Uusi kilpailutus',
          references: [],
          ...none,
        });
        expect(items[1]).toMatchObject({
          kind: 'audit',
          action: 'create',
          entityType: 'status_report',
          entityId: report.body.id,
          ...noReport,
        });
        expect(items[2]).toMatchObject({
          kind: 'audit',
          action: 'create',
          entityType: 'milestone',
          entityId: milestone.body.id,
          actorName: COORDINATOR,
        });
        expect((items[2]!.changes as Json).title).toEqual({ old: null, new: 'Pilotti valmis' });
        expect(items[3]).toEqual({
          kind: 'audit',
          id: expect.any(String),
          occurredAt: expect.any(String),
          actorName: COORDINATOR,
          action: 'update',
          entityType: 'project',
          entityId: p.id,
          changes: { name: { old: 'Historia', new: 'Historia 2' }, totalBudget: { old: '1000.00', new: '1250.75' } },
          references: [],
          ...noReport,
        });
        expect(times[3]).toBeLessThan(times[2]!);
        // The project and its partner were created in one transaction, at the same moment.
        const created = items.slice(4).sort((x, y) => String(x.entityType).localeCompare(String(y.entityType)));
        expect(created).toMatchObject([
          { kind: 'audit', action: 'create', entityType: 'project', entityId: p.id, occurredAt: items[4]!.occurredAt },
          {
            kind: 'audit',
            action: 'create',
            entityType: 'project_partner',
            entityId: (p.partners as Item[])[0]!.id,
            occurredAt: items[4]!.occurredAt,
          },
        ]);
        expect((created[0]!.changes as Json).code).toEqual({ old: null, new: 'HIST-1' });
        // Ids among the values come with the names of their records, so nobody reads a raw uuid.
        const byId = (list: unknown) =>
          new Map((list as Array<{ id: string; kind: string; name: string }>).map((r) => [r.id, r]));
        const projectRefs = byId(created[0]!.references);
        expect(projectRefs.get((p.priorityArea as Item).id)).toMatchObject({ kind: 'priority_area' });
        expect(projectRefs.get((p.leadOrganisation as Item).id)).toMatchObject({ kind: 'organisation' });
        expect(byId(created[1]!.references).get(partner.id)).toEqual({
          id: partner.id,
          kind: 'organisation',
          name: partner.name,
        });
        expect(byId(items[2]!.references).get(p.id)).toEqual({
          id: p.id,
          kind: 'project',
          name: 'HIST-1 Historia 2',
        });
        const authorId = ((items[1]!.changes as Json).authorId as { new: string }).new;
        expect(byId(items[1]!.references).get(authorId)).toMatchObject({
          kind: 'user',
          name: COORDINATOR,
        });

        // Pages cut the same timeline; a page past the end is empty but still counts.
        const ids = items.map((i) => i.id);
        for (const [page, expected] of [
          [1, ids.slice(0, 4)],
          [2, ids.slice(4)],
          [3, []],
        ] as const) {
          const paged = await t.http.get(`/api/projects/${p.id}/history`).query({ page, pageSize: 4 }).expect(200);
          expect(paged.body).toMatchObject({ total: 6, page, pageSize: 4 });
          expect(paged.body.items.map((i: Item) => i.id)).toEqual(expected);
        }
      });

      it('is 404 for another city’s coordinator and a missing project, readable by a liaison and the city’s manager', async () => {
        const p = await projectOf(coordinator, { priorityAreaId: kuopio.areaId, code: 'HIST-2' });
        const notFound = await joensuuCoordinator.get(`/api/projects/${p.id}/history`).expect(404);
        expect(notFound.body).toMatchObject({ code: 'NOT_FOUND' });
        await joensuuCoordinator.get(`/api/projects/${p.id}/history`).query({ page: 3 }).expect(404);
        await coordinator.get(`/api/projects/${MISSING_ID}/history`).expect(404);
        await coordinator.get('/api/projects/not-a-uuid/history').expect(400);
        for (const agent of [liaison, manager]) {
          const res = await agent.get(`/api/projects/${p.id}/history`).expect(200);
          expect(res.body).toMatchObject({ total: 1, items: [{ kind: 'audit', action: 'create', entityId: p.id }] });
        }
        // The liaison reads every city's history.
        await liaison.get(`/api/projects/${foreign.id}/history`).expect(200);
        const bad = await coordinator
          .get(`/api/projects/${p.id}/history`)
          .query({ pageSize: 1000, page: 0, sort: 'x' })
          .expect(400);
        expect(fieldsOf(bad)).toEqual(['page', 'pageSize', 'sort']);
      });

      it('is an empty timeline (not 404) for a project without any events, such as one loaded before the audit trail', async () => {
        const id = await insertOne(
          t,
          `INSERT INTO projects (priority_area_id, code, name, lead_organisation_id) VALUES ($1, 'HIST-OLD', 'Vanha', $2)`,
          [kuopio.areaId, lead.id],
        );
        const res = await coordinator.get(`/api/projects/${id}/history`).expect(200);
        expect(res.body).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
        await joensuuCoordinator.get(`/api/projects/${id}/history`).expect(404);
      });

      it('serves a history page in at most 2 SQL statements, whatever the page size', async () => {
        const p = await projectOf(coordinator, { priorityAreaId: kuopio.areaId, code: 'HIST-BULK' });
        for (let i = 0; i < 40; i++) await insertReport(t, p.id, '2024-01-01', i % 2 ? 'on_track' : 'at_risk');
        for (let i = 0; i < 5; i++) {
          await coordinator
            .patch(`/api/projects/${p.id}`)
            .send({ version: i + 1, name: `Nimi ${i}` })
            .expect(200);
        }
        for (const pageSize of [1, 25, 100]) {
          const { count, result } = await countStatements(t, () =>
            coordinator.get(`/api/projects/${p.id}/history`).query({ pageSize }).expect(200),
          );
          expect(result.body.total).toBe(46);
          expect(result.body.items).toHaveLength(Math.min(pageSize, 46));
          expect(count).toBeLessThanOrEqual(2);
        }
        const beyond = await countStatements(t, () =>
          coordinator.get(`/api/projects/${p.id}/history`).query({ pageSize: 10, page: 9 }).expect(200),
        );
        expect(beyond.result.body).toMatchObject({ items: [], total: 46 });
        expect(beyond.count).toBeLessThanOrEqual(2);
      });
    });
  });
});
