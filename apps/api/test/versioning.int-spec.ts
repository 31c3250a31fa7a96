import type { Response } from 'supertest';
import { newAgreement, newFundingDecision, newOrganisation, newPriorityArea, newProject } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Optimistic locking, the same on every versioned resource: every answer that is one record
 * carries its version as the ETag (read, create, update); an update takes the version it read
 * from If-Match or the body (they must agree; one of them is required); null never clears a
 * required field; and a request's own field problems are reported before its version problems.
 */
type Json = Record<string, unknown>;

let sequence = 0;
const next = () => ++sequence;

/** A valid Finnish business ID (Y-tunnus) of its own for each call. */
function businessId(): string {
  for (;;) {
    const digits = String(3_000_000 + next() * 7).padStart(7, '0');
    const sum = [7, 9, 10, 5, 8, 4, 2].reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
    const remainder = sum % 11;
    if (remainder !== 1) return `${digits}-${remainder === 0 ? 0 : 11 - remainder}`;
  }
}

interface Resource {
  name: string;
  /** A create body, with the records it refers to made first. */
  body: (t: TestApp) => Promise<Json>;
  /** A valid change. */
  change: Json;
  /** A field change that fails validation. */
  invalid: Json;
  /** Fields that may be left out of an update but never cleared with null. */
  required: string[];
  /** A field that null clears (set by `body`). */
  clearable: string;
}

const RESOURCES: Resource[] = [
  {
    name: 'organisations',
    body: () => Promise.resolve({ name: `Organisaatio ${next()}`, kind: 'company', businessId: businessId() }),
    change: { name: 'Uusi nimi Oy' },
    invalid: { country: 'Suomi' },
    required: ['name', 'kind', 'country'],
    clearable: 'businessId',
  },
  {
    name: 'agreements',
    body: async (t) => ({
      cityId: (await newOrganisation(t, { kind: 'city' })).id,
      title: `Sopimus ${next()}`,
      signedOn: '2021-02-09',
    }),
    change: { title: 'Uusi otsikko' },
    invalid: { signedOn: '2021-13-01' },
    required: ['cityId', 'title'],
    clearable: 'signedOn',
  },
  {
    name: 'priority-areas',
    body: async (t) => ({ agreementId: (await newAgreement(t)).id, nameFi: 'Vesi', nameEn: 'Water' }),
    change: { nameFi: 'Uusi painopiste' },
    invalid: { nameFi: '' },
    required: ['nameFi', 'subThemes'],
    clearable: 'nameEn',
  },
  {
    name: 'projects',
    body: async (t) => ({
      priorityAreaId: (await newPriorityArea(t)).id,
      leadOrganisationId: (await newOrganisation(t)).id,
      code: `V-${next()}`,
      name: 'Versioitu hanke',
      summary: 'Kuvaus',
    }),
    change: { name: 'Uusi hanke' },
    invalid: { code: 'bad code' },
    required: ['priorityAreaId', 'code', 'name', 'kind', 'leadOrganisationId', 'lifecycleStatus', 'partners'],
    clearable: 'summary',
  },
  {
    name: 'funding-decisions',
    body: async (t) => ({
      agreementId: (await newAgreement(t)).id,
      funderId: (await newOrganisation(t, { kind: 'city' })).id,
      instrument: 'city_co_funding',
      status: 'granted',
      amountGranted: '15000.00',
      decisionBody: 'Kaupunginhallitus',
    }),
    change: { recordNumber: '§99' },
    invalid: { amountGranted: '1.999' },
    required: ['agreementId', 'funderId', 'instrument', 'status'],
    clearable: 'decisionBody',
  },
  {
    name: 'payments',
    body: async (t) => ({
      fundingDecisionId: (await newFundingDecision(t)).id,
      paidOn: '2024-03-31',
      amount: '100.00',
      note: 'Erä',
    }),
    change: { amount: '50.00' },
    invalid: { paidOn: '2024-02-30' },
    required: ['paidOn', 'amount'],
    clearable: 'note',
  },
  {
    name: 'milestones',
    body: async (t) => ({
      projectId: (await newProject(t)).id,
      title: 'Virstanpylväs',
      dueDate: '2027-06-30',
      description: 'Kuvaus',
    }),
    change: { title: 'Uusi virstanpylväs' },
    invalid: { dueDate: 'huomenna' },
    required: ['title', 'dueDate', 'status'],
    clearable: 'description',
  },
  {
    name: 'participants',
    body: async (t) => ({
      projectId: (await newProject(t)).id,
      organisationId: (await newOrganisation(t)).id,
      role: 'company',
      supportKind: 'grant',
    }),
    change: { role: 'partner' },
    invalid: { startsOn: '2024-02-30' },
    required: ['organisationId', 'role'],
    clearable: 'supportKind',
  },
  {
    name: 'users',
    body: async (t) => ({
      email: `versioitu-${next()}@salkku.example`,
      displayName: 'Versioitu Käyttäjä',
      role: 'liaison',
      organisationId: (await newOrganisation(t)).id,
      password: 'Pitka-ja-vahva-salasana-42',
    }),
    change: { displayName: 'Uusi Nimi' },
    invalid: { role: 'boss' },
    required: ['displayName', 'role', 'active', 'language'],
    clearable: 'organisationId',
  },
];

describe('versioned records', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const etag = (res: Response): string | undefined => res.headers.etag;

  describe.each(RESOURCES.map((r) => [r.name, r] as const))('%s', (name, resource) => {
    const at = (id: unknown) => `/api/${name}/${String(id)}`;

    it('sends the version as the ETag on read, create and update, never on a list', async () => {
      const created = await t.http
        .post(`/api/${name}`)
        .send(await resource.body(t))
        .expect(201);
      expect(etag(created)).toBe(`"${String(created.body.version)}"`);

      const id = created.body.id as string;
      const version = created.body.version as number;
      expect(etag(await t.http.get(at(id)).expect(200))).toBe(`"${version}"`);
      const byHeader = await t.http.patch(at(id)).set('If-Match', `"${version}"`).send(resource.change).expect(200);
      expect(etag(byHeader)).toBe(`"${version + 1}"`);
      const byBody = await t.http
        .patch(at(id))
        .send({ [resource.clearable]: null, version: version + 1 })
        .expect(200);
      expect(etag(byBody)).toBe(`"${version + 2}"`);
      expect(etag(await t.http.get(`/api/${name}`).expect(200))).toBeUndefined();
    });

    it('takes the version from If-Match or the body, and reports field problems before version problems', async () => {
      const record = await create(resource);
      const id = record.id as string;
      const version = record.version as number;

      const none = await t.http.patch(at(id)).send(resource.change).expect(428);
      expect(none.body.code).toBe('VERSION_REQUIRED');
      const mismatch = await t.http
        .patch(at(id))
        .set('If-Match', `"${version}"`)
        .send({ ...resource.change, version: version + 1 })
        .expect(400);
      expect(mismatch.body.problems).toEqual({ version: [{ code: 'versionMismatch' }] });
      const malformed = await t.http.patch(at(id)).set('If-Match', 'yesterday').send(resource.invalid).expect(400);
      expect(Object.keys(malformed.body.problems)).toEqual(['If-Match']);

      // An invalid body is told about its fields, whatever its version.
      const field = Object.keys(resource.invalid)[0]!;
      const unversioned = await t.http.patch(at(id)).send(resource.invalid).expect(400);
      expect(Object.keys(unversioned.body.problems)).toEqual([field]);
      const disagreeing = await t.http
        .patch(at(id))
        .set('If-Match', `"${version}"`)
        .send({ ...resource.invalid, version: version + 1 })
        .expect(400);
      expect(Object.keys(disagreeing.body.problems)).toEqual([field]);

      expect((await t.http.get(at(id)).expect(200)).body.version).toBe(version);
    });

    it.each(resource.required)('refuses null for %s (400 required) and changes nothing', async (field) => {
      const record = await create(resource);
      const res = await t.http
        .patch(at(record.id))
        .send({ version: record.version, [field]: null })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', problems: { [field]: [{ code: 'required' }] } });
      expect(Object.keys(res.body.problems)).toEqual([field]);
      expect((await t.http.get(at(record.id)).expect(200)).body.version).toBe(record.version);
    });

    it(`clears ${resource.clearable} with null`, async () => {
      const record = await create(resource);
      const res = await t.http
        .patch(at(record.id))
        .send({ version: record.version, [resource.clearable]: null })
        .expect(200);
      expect(res.body.version).toBe((record.version as number) + 1);
    });
  });

  it('status reports (append-only) carry their version as the ETag on create and read', async () => {
    const created = await t.http
      .post('/api/status-reports')
      .send({ projectId: (await newProject(t)).id, reportingDate: '2025-01-31', health: 'on_track', summary: 'Hyvin' })
      .expect(201);
    expect(etag(created)).toBe('"1"');
    expect(etag(await t.http.get(`/api/status-reports/${String(created.body.id)}`).expect(200))).toBe('"1"');
  });

  it('the accessibility settings carry their version as the ETag, read and updated', async () => {
    const read = await t.anonymous.get('/api/settings/accessibility').expect(200);
    const version = read.body.version as number;
    expect(etag(read)).toBe(`"${version}"`);
    const updated = await t.http
      .patch('/api/settings/accessibility')
      .set('If-Match', `"${version}"`)
      .send({ email: 'saavutettavuus@kuopio.fi', organisationName: 'Kuopion kaupunki' })
      .expect(200);
    expect(etag(updated)).toBe(`"${version + 1}"`);
    for (const field of ['email', 'organisationName']) {
      const res = await t.http
        .patch('/api/settings/accessibility')
        .send({ version: version + 1, [field]: null })
        .expect(400);
      expect(res.body.problems).toEqual({ [field]: [{ code: 'required' }] });
    }
    const none = await t.http.patch('/api/settings/accessibility').send({ phone: null }).expect(428);
    expect(none.body.code).toBe('VERSION_REQUIRED');
  });

  async function create(resource: Resource): Promise<Json> {
    return (
      await t.http
        .post(`/api/${resource.name}`)
        .send(await resource.body(t))
        .expect(201)
    ).body as Json;
  }
});
