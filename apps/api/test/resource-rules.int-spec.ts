import * as check from './support/checks';
import {
  newAgreement,
  newFundingDecision,
  newMilestone,
  newOrganisation,
  newPayment,
  newPriorityArea,
  newProject,
} from './support/factories';
import { useTestApp, type TestApp } from './support/test-app';
import type { Json } from './support/values';

/**
 * The rules that every resource's routes keep, asserted once, one table row per resource: 401 on
 * every route without a session, optimistic locking on every update and delete, 404 for an unknown
 * id and 400 for a malformed one. A new resource gets a row here; what is particular to a resource
 * is tested in its own spec.
 */

interface Versioned {
  name: string;
  base: string;
  table: string;
  /** A new record (version 1), made by the admin through the API. */
  make(t: TestApp): Promise<Json>;
  /** A valid body to create a record next to `record` (the refusal must not be a validation error). */
  create(record: Json): Json;
  /** Valid changes: `edit` takes the record to version 2; the others are sent with version 1 or none. */
  edit: Json;
  stale: Json;
  staleHeader?: Json;
  missing: Json;
  /** Routes of a record besides its detail (GET), under its URL. */
  more?: string[];
}

const VERSIONED: Versioned[] = [
  {
    name: 'organisations',
    base: '/api/organisations',
    table: 'organisations',
    make: (t) => newOrganisation(t, { name: 'Savonia-ammattikorkeakoulu' }),
    create: () => ({ name: 'Anonyymi Oy', kind: 'company' }),
    edit: { name: 'Savonia' },
    stale: { name: 'Lost update' },
    staleHeader: { name: 'Lost' },
    missing: { name: 'No version' },
  },
  {
    name: 'agreements',
    base: '/api/agreements',
    table: 'agreements',
    make: (t) => newAgreement(t, { title: 'Alkuperäinen' }),
    create: (agreement) => ({ cityId: agreement.cityId, title: 'Anonyymi' }),
    edit: { title: 'Uusi' },
    stale: { title: 'Kadonnut' },
    missing: { title: 'Ei versiota' },
  },
  {
    name: 'priority areas',
    base: '/api/priority-areas',
    table: 'priority_areas',
    make: (t) => newPriorityArea(t, { nameFi: 'Alkuperäinen' }),
    create: (area) => ({ agreementId: area.agreementId, nameFi: 'Anonyymi' }),
    edit: { nameFi: 'Uusi' },
    stale: { nameFi: 'Kadonnut' },
    missing: { nameFi: 'Ei versiota' },
  },
  {
    name: 'projects',
    base: '/api/projects',
    table: 'projects',
    make: async (t) =>
      newProject(t, { partners: [{ organisationId: (await newOrganisation(t)).id, role: 'Alkuperäinen' }] }),
    create: (project) => ({
      priorityAreaId: (project.priorityArea as Json).id,
      code: 'ANON',
      name: 'Anon',
      leadOrganisationId: (project.leadOrganisation as Json).id,
    }),
    edit: { name: 'Versio 2' },
    stale: { name: 'Hukattu', partners: [] },
    missing: { name: 'Ilman versiota' },
    more: ['history'],
  },
  {
    name: 'funding decisions',
    base: '/api/funding-decisions',
    table: 'funding_decisions',
    make: (t) => newFundingDecision(t),
    create: (decision) => ({
      agreementId: decision.agreementId,
      funderId: decision.funderId,
      instrument: 'erdf',
      status: 'applied',
    }),
    edit: { recordNumber: '§51' },
    stale: { recordNumber: '§lost' },
    missing: { recordNumber: '§none' },
  },
  {
    name: 'payments',
    base: '/api/payments',
    table: 'payments',
    make: (t) => newPayment(t, { amount: '100.00' }),
    create: (payment) => ({ fundingDecisionId: payment.fundingDecisionId, paidOn: '2024-01-31', amount: '1.00' }),
    edit: { note: 'Ensimmäinen erä' },
    stale: { amount: '50.00' },
    missing: { amount: '50.00' },
  },
  {
    name: 'milestones',
    base: '/api/milestones',
    table: 'milestones',
    make: (t) => newMilestone(t, { title: 'Versio' }),
    create: (milestone) => ({ projectId: milestone.projectId, title: 'Ei saa', dueDate: '2027-01-01' }),
    edit: { title: 'Versio 2' },
    stale: { title: 'Kadonnut' },
    staleHeader: { status: 'done' },
    missing: { title: 'Ilman versiota' },
  },
];

/** Every resource with records by id: the routes an unknown or malformed id is tried on. */
const BY_ID: Array<{ base: string; patch?: Json; delete?: boolean }> = [
  ...VERSIONED.map(({ base, edit }) => ({ base, patch: edit })),
  { base: '/api/status-reports' }, // append-only: no PATCH or DELETE
  { base: '/api/users', patch: { displayName: 'Ei ole' }, delete: false }, // deactivated, never deleted
];

describe('rules every resource keeps', () => {
  const t = useTestApp();

  describe.each(VERSIONED)('$name', (resource) => {
    const url = (record: Json) => `${resource.base}/${record.id as string}`;

    it('answers 401 on every route without a session, changing nothing', async () => {
      const record = await resource.make(t);
      const { reads, writes } = check.routesOf(t.anonymous, resource.base, record.id, {
        create: resource.create(record),
        update: { version: 1, ...resource.edit },
      });
      const more = (resource.more ?? []).map((route) => t.anonymous.get(`${url(record)}/${route}`));
      await check.nothingChanged(t, { rows: [resource.table] }, () =>
        check.unauthenticated([...reads, ...more, ...writes]),
      );
      expect((await t.http.get(url(record)).expect(200)).body).toEqual(record);
    });

    it('refuses a stale version (409) and a missing one (428) on update and delete, changing nothing', async () => {
      const record = await resource.make(t);
      const edited = await t.http
        .patch(url(record))
        .send({ version: 1, ...resource.edit })
        .expect(200);
      expect(edited.body.version).toBe(2);
      const { stale, staleHeader, missing } = resource;
      await check.staleVersionsRefused(t.http, url(record), { stale, staleHeader, missing });
      // If-Match and a version in the body must agree.
      const disagree = await t.http
        .patch(url(record))
        .set('If-Match', '"2"')
        .send({ version: 1, ...resource.edit })
        .expect(400);
      expect(disagree.body.code).toBe('VALIDATION_FAILED');
      expect((await t.http.get(url(record)).expect(200)).body).toEqual(edited.body);
    });
  });

  it.each(BY_ID)('$base answers 404 for an unknown id on every route and 400 for a malformed one', async (resource) => {
    await check.unknownAndMalformedIds(t.http, resource.base, resource);
  });
});
