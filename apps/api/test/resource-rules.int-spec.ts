import type { Role } from '@salkku/shared';
import type TestAgent from 'supertest/lib/agent';
import * as check from './support/checks';
import * as factory from './support/factories';
import type { CityPortfolio } from './support/factories';
import { rowCount, useTestApp, type TestApp } from './support/test-app';
import { fieldsOf, idsOf, UNKNOWN_ID, type Json } from './support/values';

/**
 * The rules that every resource's routes keep, asserted once, one table row per resource: 401 on
 * every route without a session; optimistic locking on every update and delete; the roles that
 * may read but not write; and, for the records that belong to a city, that a city's users see and
 * write their own city's records only. Unknown and malformed ids are tried on every resource with
 * records by id. A new resource gets a row here; what is particular to a resource is tested in its
 * own spec.
 */
interface Resource {
  name: string;
  base: string;
  table: string;
  entityType: string;
  /** A new record, made by the admin: in the city portfolio `home` if given. */
  make: (t: TestApp, home?: CityPortfolio) => Promise<Json>;
  /** A valid body for a new record next to `record`. */
  create: (record: Json) => Json;
  /** Valid changes: `edit` takes a record to version 2, the others go with version 1 or none (none: append-only). */
  versions?: { edit: Json; stale: Json; staleHeader?: Json; missing: Json };
  /** Further routes that read a record, under its URL. */
  more?: string[];
  /** The roles that may read but not write. */
  readOnly: Role[];
  /** For the records of a city: list filters that pick the records of `home`'s city (the first: all of them). */
  inCity?: (home: CityPortfolio, record: Json) => Json[];
}

const RESOURCES: Resource[] = [
  {
    name: 'organisations',
    base: '/api/organisations',
    table: 'organisations',
    entityType: 'organisation',
    make: (t) => factory.newOrganisation(t, { name: 'Savonia-ammattikorkeakoulu' }),
    create: () => ({ name: 'Uusi Oy', kind: 'company' }),
    versions: {
      edit: { name: 'Savonia' },
      stale: { name: 'Lost update' },
      staleHeader: { name: 'Lost' },
      missing: { name: 'No version' },
    },
    readOnly: [], // a shared registry: its own spec tests who may read and write it
  },
  {
    name: 'agreements',
    base: '/api/agreements',
    table: 'agreements',
    entityType: 'agreement',
    // A title of its own per city, so that a search for another city's agreement has nothing of one's own to find.
    make: (t, home) => factory.newAgreement(t, { title: `Sopimus ${home?.cityId ?? 'X'}`, cityId: home?.cityId }),
    create: (agreement) => ({ cityId: agreement.cityId, title: 'Uusi sopimus' }),
    versions: { edit: { title: 'Uusi' }, stale: { title: 'Kadonnut' }, missing: { title: 'Ei versiota' } },
    readOnly: ['manager', 'liaison', 'coordinator'],
    inCity: (home, agreement) => [{ cityId: home.cityId }, { q: agreement.title }],
  },
  {
    name: 'priority areas',
    base: '/api/priority-areas',
    table: 'priority_areas',
    entityType: 'priority_area',
    make: (t, home) =>
      factory.newPriorityArea(t, { nameFi: `Alue ${home?.cityId ?? 'X'}`, agreementId: home?.agreementId }),
    create: (area) => ({ agreementId: area.agreementId, nameFi: 'Uusi alue' }),
    versions: { edit: { nameFi: 'Uusi' }, stale: { nameFi: 'Kadonnut' }, missing: { nameFi: 'Ei versiota' } },
    readOnly: ['manager', 'liaison', 'coordinator'],
    inCity: (home, area) => [{ agreementId: home.agreementId }, { q: area.nameFi }],
  },
  {
    name: 'projects',
    base: '/api/projects',
    table: 'projects',
    entityType: 'project',
    make: async (t, home) => {
      const partner = await factory.newOrganisation(t);
      const partners = [{ organisationId: partner.id, role: 'Alkuperäinen' }];
      return factory.newProject(t, { priorityAreaId: home?.areaId, partners });
    },
    create: (project) => ({
      priorityAreaId: (project.priorityArea as Json).id,
      leadOrganisationId: (project.leadOrganisation as Json).id,
      code: 'UUSI',
      name: 'Uusi hanke',
    }),
    // A stale write may not replace the partners either.
    versions: {
      edit: { name: 'Versio 2' },
      stale: { name: 'Hukattu', partners: [] },
      missing: { name: 'Ilman versiota' },
    },
    more: ['history'],
    readOnly: ['manager', 'liaison'],
    inCity: (home, project) => [
      { agreementId: home.agreementId },
      { priorityAreaId: home.areaId },
      { q: project.code },
    ],
  },
  {
    name: 'funding decisions',
    base: '/api/funding-decisions',
    table: 'funding_decisions',
    entityType: 'funding_decision',
    make: (t, home) => factory.newFundingDecision(t, { agreementId: home?.agreementId, projectId: home?.projectId }),
    create: (decision) => ({
      agreementId: decision.agreementId,
      projectId: decision.projectId,
      funderId: decision.funderId,
      instrument: 'erdf',
      status: 'applied',
    }),
    versions: { edit: { recordNumber: '§51' }, stale: { recordNumber: '§lost' }, missing: { recordNumber: '§none' } },
    readOnly: ['manager', 'liaison'],
    inCity: (home) => [{ agreementId: home.agreementId }, { projectId: home.projectId }],
  },
  {
    name: 'payments',
    base: '/api/payments',
    table: 'payments',
    entityType: 'payment',
    make: async (t, home) => {
      const place = home ? { agreementId: home.agreementId, projectId: home.projectId } : {};
      const decision = await factory.newFundingDecision(t, { ...place, amountGranted: '1000.00' });
      return factory.newPayment(t, { fundingDecisionId: decision.id, amount: '100.00' });
    },
    create: (payment) => ({ fundingDecisionId: payment.fundingDecisionId, paidOn: '2024-01-31', amount: '1.00' }),
    versions: { edit: { note: 'Ensimmäinen erä' }, stale: { amount: '50.00' }, missing: { amount: '50.00' } },
    readOnly: ['manager', 'liaison'],
    inCity: (home, payment) => [
      { agreementId: home.agreementId },
      { projectId: home.projectId },
      { fundingDecisionId: payment.fundingDecisionId },
    ],
  },
  {
    name: 'milestones',
    base: '/api/milestones',
    table: 'milestones',
    entityType: 'milestone',
    make: (t, home) => factory.newMilestone(t, { title: 'Versio', projectId: home?.projectId }),
    create: (milestone) => ({ projectId: milestone.projectId, title: 'Uusi', dueDate: '2027-01-01' }),
    versions: {
      edit: { title: 'Versio 2' },
      stale: { title: 'Kadonnut' },
      staleHeader: { status: 'done' },
      missing: { title: 'Ilman versiota' },
    },
    readOnly: ['manager', 'liaison'],
    inCity: (home) => [{ agreementId: home.agreementId }, { projectId: home.projectId }],
  },
  {
    name: 'status reports',
    base: '/api/status-reports',
    table: 'status_reports',
    entityType: 'status_report',
    make: (t, home) => factory.newStatusReport(t, { projectId: home?.projectId }),
    create: (report) => ({
      projectId: report.projectId,
      reportingDate: '2025-01-31',
      health: 'on_track',
      summary: 'X',
    }),
    readOnly: ['manager', 'liaison'],
    inCity: (home) => [{ agreementId: home.agreementId }, { projectId: home.projectId }],
  },
  {
    name: 'indicators',
    base: '/api/indicators',
    table: 'indicators',
    entityType: 'indicator',
    make: (t) => factory.newIndicator(t),
    create: () => ({
      code: 'UUSI-1',
      nameFi: 'Uusi',
      nameSv: 'Ny',
      nameEn: 'New',
      unit: 'count',
      kind: 'output',
      aggregation: 'sum',
      source: 'city',
    }),
    versions: { edit: { nameFi: 'Versio 2' }, stale: { nameFi: 'Kadonnut' }, missing: { nameFi: 'Ilman versiota' } },
    // The catalogue is an admin's; its own spec tests who sees an agreement's own indicators.
    readOnly: ['manager', 'liaison', 'coordinator'],
  },
  {
    name: 'indicator targets',
    base: '/api/indicator-targets',
    table: 'indicator_targets',
    entityType: 'indicator_target',
    // Each on a project of its own (one target per indicator and holder).
    make: async (t, home) => {
      const project = await factory.newProject(t, { priorityAreaId: home?.areaId });
      return factory.newIndicatorTarget(t, {
        projectId: project.id,
        indicatorId: await factory.indicatorIdOf(t, 'RCO07'),
      });
    },
    create: (target) => ({
      indicatorId: target.indicatorId,
      agreementId: target.agreementId,
      baselineValue: '0',
      baselineYear: 2021,
      targetValue: '10',
      targetYear: 2027,
    }),
    versions: { edit: { targetValue: '50' }, stale: { targetValue: '60' }, missing: { targetValue: '70' } },
    readOnly: ['manager', 'liaison'],
    inCity: (home) => [{ agreementId: home.agreementId }],
  },
  {
    name: 'indicator actuals',
    base: '/api/indicator-actuals',
    table: 'indicator_actuals',
    entityType: 'indicator_actual',
    make: async (t, home) => {
      const project = await factory.newProject(t, { priorityAreaId: home?.areaId });
      return factory.newIndicatorActual(t, {
        projectId: project.id,
        indicatorId: await factory.indicatorIdOf(t, 'RCO07'),
      });
    },
    create: (actual) => ({
      indicatorId: actual.indicatorId,
      agreementId: actual.agreementId,
      period: '2023',
      value: '4',
    }),
    versions: { edit: { value: '13' }, stale: { value: '14' }, missing: { value: '15' } },
    readOnly: ['manager', 'liaison'],
    inCity: (home) => [{ agreementId: home.agreementId }],
  },
];

/**
 * Per resource, a new record's body with invalid fields and the fields the 400 names; the fields
 * an empty body lacks (`required`) and the codes of some `problems`, where a spec asserted them.
 */
const INVALID: Array<{
  base: string;
  table: string;
  body: Json;
  fields: string[];
  required?: string[];
  problems?: Json;
}> = [
  {
    base: '/api/organisations',
    table: 'organisations',
    body: { name: '', kind: 'castle', businessId: '0245894-8', country: 'Finland', extra: 1 },
    fields: ['businessId', 'country', 'extra', 'kind', 'name'],
  },
  {
    base: '/api/agreements',
    table: 'agreements',
    body: { cityId: 'kuopio', title: '', signedOn: '9.2.2021', validFrom: '2021-02-30', validTo: 20271231, extra: 1 },
    fields: ['cityId', 'extra', 'signedOn', 'title', 'validFrom', 'validTo'],
    required: ['cityId', 'title'],
  },
  {
    base: '/api/priority-areas',
    table: 'priority_areas',
    body: {
      agreementId: 'vesi',
      nameFi: '',
      nameSv: 'x'.repeat(201),
      nameEn: 42,
      description: '',
      subThemes: 'Vesi',
      extra: 1,
    },
    fields: ['agreementId', 'description', 'extra', 'nameEn', 'nameFi', 'nameSv', 'subThemes'],
    required: ['agreementId', 'nameFi'],
  },
  {
    base: '/api/projects',
    table: 'projects',
    body: {
      priorityAreaId: 'nope',
      code: '-bad code',
      name: '',
      kind: 'huge',
      leadOrganisationId: UNKNOWN_ID, // well-formed: whether it exists is checked after the fields
      plannedStart: '2021-02-30',
      lifecycleStatus: 'completed',
      totalBudget: 1000,
      partners: [{ organisationId: UNKNOWN_ID, budgetShare: '-5' }],
      extra: true,
    },
    fields: [
      'code',
      'extra',
      'kind',
      'lifecycleStatus',
      'name',
      'partners.0.budgetShare',
      'plannedStart',
      'priorityAreaId',
      'totalBudget',
    ],
    // The same fields as codes, with the numbers their messages need.
    problems: {
      code: [{ code: 'invalidFormat' }],
      extra: [{ code: 'unknownField' }],
      kind: [{ code: 'notAllowed' }],
      name: [{ code: 'tooShort', params: { min: 1 } }],
      plannedStart: [{ code: 'invalidDate' }],
      'partners.0.budgetShare': [{ code: 'invalidAmount' }],
    },
  },
  {
    base: '/api/funding-decisions',
    table: 'funding_decisions',
    body: {
      agreementId: 'not-a-uuid',
      funderId: 42,
      instrument: 'lottery',
      decisionDate: '2023-02-30',
      amountGranted: 1000,
      coFundingRate: '20.123',
      cap: '-1.00',
      eligibleFrom: '2023',
      status: 'amended',
      recordNumber: '',
      extra: true,
    },
    fields: [
      'agreementId',
      'amountGranted',
      'cap',
      'coFundingRate',
      'decisionDate',
      'eligibleFrom',
      'extra',
      'funderId',
      'instrument',
      'recordNumber',
      'status',
    ],
  },
  {
    base: '/api/payments',
    table: 'payments',
    body: { fundingDecisionId: 'nope', paidOn: '2024-02-30', amount: 12.5, note: '', extra: 1 },
    fields: ['amount', 'extra', 'fundingDecisionId', 'note', 'paidOn'],
    required: ['amount', 'fundingDecisionId', 'paidOn'],
  },
  {
    base: '/api/milestones',
    table: 'milestones',
    body: { projectId: 'nope', title: '', dueDate: '2027-02-30', status: 'finished', colour: 'red' },
    fields: ['colour', 'dueDate', 'projectId', 'status', 'title'],
  },
  {
    base: '/api/status-reports',
    table: 'status_reports',
    body: {
      projectId: 'x',
      reportingDate: '2025-02-30',
      health: 'green',
      summary: 'a'.repeat(5001),
      nextSteps: 'b'.repeat(5001),
      lifecycleStatus: 'active',
      author: 'Joku muu',
    },
    fields: ['author', 'health', 'lifecycleStatus', 'nextSteps', 'projectId', 'reportingDate', 'summary'],
  },
  {
    base: '/api/indicators',
    table: 'indicators',
    body: {
      code: '',
      nameFi: 'x'.repeat(301),
      unit: 'litres',
      kind: 'input',
      aggregation: 'avg',
      source: 'eu',
      derivation: 'x',
    },
    fields: ['aggregation', 'code', 'derivation', 'kind', 'nameEn', 'nameFi', 'nameSv', 'source', 'unit'],
    required: ['aggregation', 'code', 'kind', 'nameEn', 'nameFi', 'nameSv', 'source', 'unit'],
  },
  {
    base: '/api/indicator-targets',
    table: 'indicator_targets',
    body: {
      indicatorId: 'x',
      projectId: 'y',
      baselineValue: 'nolla',
      baselineYear: 2101,
      targetValue: '1,5',
      targetYear: 'ensi vuonna',
      milestones: [{ year: 2025.5, value: '1' }],
    },
    fields: [
      'baselineValue',
      'baselineYear',
      'indicatorId',
      'milestones.0.year',
      'projectId',
      'targetValue',
      'targetYear',
    ],
    required: ['baselineValue', 'baselineYear', 'indicatorId', 'targetValue', 'targetYear'],
    problems: {
      baselineValue: [{ code: 'invalidIndicatorValue' }],
      baselineYear: [{ code: 'tooLarge', params: { max: 2100 } }],
    },
  },
  {
    base: '/api/indicator-actuals',
    table: 'indicator_actuals',
    body: { indicatorId: 'x', agreementId: 'y', period: '2025-Q1', value: '1e3', note: '', enteredBy: 'Joku' },
    fields: ['agreementId', 'enteredBy', 'indicatorId', 'note', 'period', 'value'],
    required: ['indicatorId', 'period', 'value'],
    problems: { period: [{ code: 'invalidPeriod' }], value: [{ code: 'invalidIndicatorValue' }] },
  },
  {
    base: '/api/users',
    table: 'users',
    body: { email: 'not-an-email', displayName: '', role: 'superuser', language: 'de', organisationId: 'x', extra: 1 },
    fields: ['displayName', 'email', 'extra', 'language', 'organisationId', 'password', 'role'],
    problems: {
      email: [{ code: 'invalidEmail' }],
      extra: [{ code: 'unknownField' }],
      language: [{ code: 'notAllowed' }],
      password: [{ code: 'required' }],
      role: [{ code: 'notAllowed' }],
    },
  },
];

/** Every resource with records by id, and the body of an update where it has one. */
const BY_ID: Array<{ base: string; patch?: Json; delete?: boolean }> = [
  ...RESOURCES.map(({ base, versions }) => ({ base, patch: versions?.edit })),
  { base: '/api/users', patch: { displayName: 'Ei ole' }, delete: false }, // users are deactivated, not deleted
];

/** "managers, liaisons and coordinators" */
const roleList = (roles: Role[]): string =>
  roles
    .map((role) => `${role}s`)
    .join(', ')
    .replace(/, ([^,]*)$/, ' and $1');

describe('rules every resource keeps', () => {
  const t = useTestApp();

  it.each(BY_ID)('$base answers 404 for an unknown id on every route and 400 for a malformed one', async (resource) => {
    await check.unknownAndMalformedIds(t.http, resource.base, resource);
  });

  it.each(INVALID)('$base refuses invalid fields with a 400 naming each, writing nothing', async (resource) => {
    const { base, body, fields, required, problems } = resource;
    await check.nothingChanged(t, { rows: [resource.table], events: 'all' }, async () => {
      const res = await t.http.post(base).send(body).expect(400);
      check.invalid(res, fields);
      if (problems) {
        expect(Object.keys(res.body.problems).sort()).toEqual(fieldsOf(res));
        expect(res.body.problems).toMatchObject(problems);
      }
      if (required) check.invalid(await t.http.post(base).send({}).expect(400), required);
    });
  });

  describe.each(RESOURCES)('$name', (resource) => {
    const { base, table, entityType, versions } = resource;
    const url = (record: Json) => `${base}/${record.id as string}`;
    /** The list, detail (and further) reads of a record, and the writes there are, as `agent`. */
    const routes = (agent: TestAgent, record: Json) => {
      const { reads, writes } = check.routesOf(agent, base, record.id, {
        create: resource.create(record),
        update: versions && { version: 1, ...versions.edit },
      });
      return {
        reads: [...reads, ...(resource.more ?? []).map((route) => agent.get(`${url(record)}/${route}`))],
        writes,
      };
    };

    it('answers 401 on every route without a session, changing nothing', async () => {
      const record = await resource.make(t);
      const { reads, writes } = routes(t.anonymous, record);
      await check.nothingChanged(t, { rows: [table], events: entityType }, () =>
        check.unauthenticated([...reads, ...writes]),
      );
      expect((await t.http.get(url(record)).expect(200)).body).toEqual(record);
    });

    if (versions) {
      it('refuses a stale version (409) and a missing one (428) on update and delete, changing nothing', async () => {
        const record = await resource.make(t);
        const edited = await t.http
          .patch(url(record))
          .send({ version: 1, ...versions.edit })
          .expect(200);
        expect(edited.body.version).toBe(2);
        const { stale, staleHeader, missing } = versions;
        await check.staleVersionsRefused(t.http, url(record), { stale, staleHeader, missing });
        // If-Match and a version in the body must agree.
        const disagree = await t.http
          .patch(url(record))
          .set('If-Match', '"2"')
          .send({ version: 1, ...versions.edit })
          .expect(400);
        expect(disagree.body.code).toBe('VALIDATION_FAILED');
        expect((await t.http.get(url(record)).expect(200)).body).toEqual(edited.body);
      });
    }

    if (resource.readOnly.length > 0) {
      it(`lets ${roleList(resource.readOnly)} read but not write (403), changing nothing`, async () => {
        const home = await factory.newCityPortfolio(t);
        const record = await resource.make(t, home);
        for (const role of resource.readOnly) {
          const agent = await t.as(role, { cityId: role === 'liaison' ? undefined : home.cityId });
          const { reads, writes } = routes(agent, record);
          for (const read of reads) await read.expect(200);
          await check.nothingChanged(t, { rows: [table], events: entityType }, () => check.forbidden(writes, { role }));
        }
        expect((await t.http.get(url(record)).expect(200)).body).toEqual(record);
      });
    }

    const inCity = resource.inCity;
    if (!inCity) return;
    describe('city scope', () => {
      /** Two cities; two records of the first, one of the second; users of the first city. */
      let a: CityPortfolio;
      let b: CityPortfolio;
      let own: Json[];
      let other: Json;
      let coordinator: TestAgent;
      let manager: TestAgent;
      beforeAll(async () => {
        a = await factory.newCityPortfolio(t);
        b = await factory.newCityPortfolio(t);
        own = [await resource.make(t, a), await resource.make(t, a)];
        other = await resource.make(t, b);
        coordinator = await t.as('coordinator', { cityId: a.cityId });
        manager = await t.as('manager', { cityId: a.cityId });
      });

      it("shows a coordinator and a manager only their own city's records, in lists and totals", async () => {
        // Exactly what the admin finds under the city, in the same order.
        const expected = await check.listIds(t.http, base, { ...inCity(a, own[0]!)[0], pageSize: 100 });
        expect(expected).toEqual(expect.arrayContaining(own.map((r) => r.id)));
        for (const [role, agent] of [
          ['coordinator', coordinator],
          ['manager', manager],
        ] as const) {
          const all = await agent.get(base).query({ pageSize: 100 }).expect(200);
          expect({ role, total: all.body.total, ids: idsOf(all) }).toEqual({
            role,
            total: expected.length,
            ids: expected,
          });
          const second = await agent.get(base).query({ pageSize: 1, page: 2 }).expect(200);
          expect({ role, total: second.body.total, items: second.body.items.length }).toEqual({
            role,
            total: expected.length,
            items: 1,
          });
          const pastEnd = await agent
            .get(base)
            .query({ pageSize: 1, page: expected.length + 1 })
            .expect(200);
          expect({ role, ...pastEnd.body }).toMatchObject({ role, items: [], total: expected.length });
          // Filtering on the other city's records finds nothing at all.
          for (const filter of inCity(b, other)) {
            const found = await agent.get(base).query(filter).expect(200);
            expect({ role, filter, ...found.body }).toMatchObject({ role, filter, items: [], total: 0 });
          }
          expect((await agent.get(url(own[0]!)).expect(200)).body).toEqual(own[0]);
          await check.hiddenLikeMissing(agent, base, other.id);
        }
      });

      it("answers another city's record exactly like a missing one on every route, changing nothing", async () => {
        await check.nothingChanged(t, { rows: [table], events: entityType }, async () => {
          const hidden = await check.hiddenLikeMissing(coordinator, base, other.id);
          expect(hidden.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
          for (const route of resource.more ?? []) {
            expect((await coordinator.get(`${url(other)}/${route}`).expect(404)).body.code).toBe('NOT_FOUND');
          }
          if (!versions || resource.readOnly.includes('coordinator')) return;
          const patch = await coordinator
            .patch(url(other))
            .send({ version: 1, ...versions.edit })
            .expect(404);
          expect(patch.body.code).toBe('NOT_FOUND');
          await coordinator.delete(url(other)).set('If-Match', '"1"').expect(404);
          expect((await coordinator.delete(url(other)).expect(404)).body.code).toBe('NOT_FOUND');
        });
        expect((await t.http.get(url(other)).expect(200)).body).toEqual(other);
      });

      it("shows a liaison and an admin every city's records", async () => {
        const liaison = await t.as('liaison');
        for (const [role, agent] of [
          ['liaison', liaison],
          ['admin', t.http],
        ] as const) {
          for (const [home, records] of [
            [a, own],
            [b, [other]],
          ] as const) {
            const found = await check.listIds(agent, base, { ...inCity(home, records[0])[0], pageSize: 100 });
            expect({ role, ids: found }).toEqual({ role, ids: expect.arrayContaining(records.map((r) => r.id)) });
          }
          expect((await agent.get(url(other)).expect(200)).body).toEqual(other);
          // Every record, of every city.
          const everything = await agent.get(base).query({ pageSize: 1 }).expect(200);
          expect({ role, total: everything.body.total }).toEqual({ role, total: await rowCount(t, table) });
        }
      });

      it('keeps a city-scoped list and detail within 2 SQL statements', async () => {
        for (const query of [{ pageSize: 1 }, { pageSize: 100 }, { page: 9 }]) {
          await check.inTwoStatements(t, () => coordinator.get(base).query(query).expect(200));
        }
        await check.inTwoStatements(t, () => coordinator.get(url(own[0]!)).expect(200));
      });

      if (resource.readOnly.includes('coordinator')) return;
      it('lets a coordinator create, update and delete in their own city', async () => {
        const created = await coordinator.post(base).send(resource.create(own[0]!)).expect(201);
        expect(created.body.version).toBe(1);
        // It belongs to the coordinator's city.
        const inOwnCity = await check.listIds(t.http, base, { ...inCity(a, own[0]!)[0], pageSize: 100 });
        expect(inOwnCity).toContain(created.body.id);
        expect((await coordinator.get(url(created.body)).expect(200)).body).toEqual(created.body);
        if (!versions) return; // append-only
        const updated = await coordinator
          .patch(url(created.body))
          .send({ version: 1, ...versions.edit })
          .expect(200);
        expect(updated.body).toMatchObject({ ...versions.edit, version: 2 });
        await coordinator.delete(url(created.body)).set('If-Match', '"2"').expect(204);
        await t.http.get(url(created.body)).expect(404);
      });
    });
  });
});
