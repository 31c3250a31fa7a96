import * as check from './support/checks';
import { today } from './support/dates';
import {
  indicatorIdOf,
  newAgreement,
  newCityPortfolio,
  newIndicator,
  newIndicatorActual,
  newIndicatorTarget,
  newPriorityArea,
  newProject,
} from './support/factories';
import { auditEvents, fromNothing, rowCount, signedInUser, useTestApp, type TestApp } from './support/test-app';
import { createdRecord, idsOf, UNKNOWN_ID, type Json } from './support/values';

const THIS_YEAR = Number(today.slice(0, 4));
const THIS_HALF = Number(today.slice(5, 7)) <= 6 ? 1 : 2;

/** The problems (codes) of a 400/409 answer, by field. */
const problemsOf = (res: { body: { problems?: Record<string, Array<{ code: string }>> } }): Record<string, string[]> =>
  Object.fromEntries(Object.entries(res.body.problems ?? {}).map(([field, list]) => [field, list.map((p) => p.code)]));

/** Makes an agreement report by half-years (its own route is not this spec's concern). */
async function reportByHalfYears(t: TestApp, agreementId: unknown): Promise<void> {
  await t.dataSource.query(`UPDATE agreements SET reporting_periodicity = 'half_year' WHERE id = $1`, [agreementId]);
}

describe('indicators API: the catalogue', () => {
  const t = useTestApp();

  it('holds the EU common indicators, three of them derived from the participant register', async () => {
    const list = await t.http.get('/api/indicators').query({ source: 'eu_common' }).expect(200);
    expect(list.body.items.map((i: Json) => [i.code, i.unit, i.aggregation, i.agreementId, i.derivation])).toEqual([
      ['RCO01', 'count', 'sum', null, 'enterprises_supported'],
      ['RCO02', 'count', 'sum', null, 'enterprises_supported_by_grants'],
      ['RCO07', 'count', 'sum', null, null],
      ['RCO10', 'count', 'sum', null, 'enterprises_cooperating_with_research'],
    ]);
  });

  it('creates, reads, lists, updates and deletes an indicator, auditing each write', async () => {
    const body = {
      code: 'KUO-01',
      nameFi: 'Uudet työpaikat',
      nameSv: 'Nya arbetsplatser',
      nameEn: 'New jobs',
      definitionFi: 'Hankkeen synnyttämät työpaikat',
      unit: 'other',
      unitName: 'henkilötyövuotta',
      kind: 'result',
      aggregation: 'sum',
      source: 'innocities',
    };
    const created = await t.http.post('/api/indicators').send(body).expect(201);
    expect(created.body).toEqual(
      createdRecord({
        ...body,
        definitionSv: null,
        definitionEn: null,
        agreementId: null,
        agreementTitle: null,
        derivation: null,
      }),
    );
    await check.readsBack(t.http, `/api/indicators/${created.body.id as string}`, created.body);
    expect(await check.listIds(t.http, '/api/indicators', { q: 'työpaik' })).toEqual([created.body.id]);

    // The unit stops being "other": its name goes with it.
    const updated = await t.http
      .patch(`/api/indicators/${created.body.id as string}`)
      .send({ version: 1, unit: 'count', nameEn: 'Jobs created' })
      .expect(200);
    expect(updated.body).toMatchObject({ unit: 'count', unitName: null, nameEn: 'Jobs created', version: 2 });
    await t.http
      .delete(`/api/indicators/${created.body.id as string}`)
      .set('If-Match', '"2"')
      .expect(204);
    await t.http.get(`/api/indicators/${created.body.id as string}`).expect(404);

    const events = await auditEvents(t, { entityType: 'indicator', entityId: created.body.id as string });
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(events[0]!.changes).toMatchObject(fromNothing({ code: 'KUO-01', unitName: 'henkilötyövuotta' }));
    expect(events[1]!.changes).toEqual({
      unit: { old: 'other', new: 'count' },
      unitName: { old: 'henkilötyövuotta', new: null },
      nameEn: { old: 'New jobs', new: 'Jobs created' },
    });
  });

  it('refuses units without their rules, duplicate codes and unknown agreements, writing nothing', async () => {
    const base = {
      code: 'X-1',
      nameFi: 'X',
      nameSv: 'X',
      nameEn: 'X',
      unit: 'count',
      kind: 'output',
      aggregation: 'sum',
      source: 'city',
    };
    await check.nothingChanged(t, { rows: ['indicators'], events: 'indicator' }, async () => {
      const cases: Array<[Json, Record<string, string[]>]> = [
        [{ ...base, unit: 'other' }, { unitName: ['required'] }],
        [{ ...base, unitName: 'kpl' }, { unitName: ['onlyForUnitOther'] }],
        [{ ...base, unit: 'percent' }, { aggregation: ['percentIsLatest'] }],
        [{ ...base, agreementId: UNKNOWN_ID }, { agreementId: ['notFound'] }],
        [
          { ...base, code: 'bad code!', derivation: 'enterprises_supported' },
          { code: ['invalidFormat'], derivation: ['unknownField'] },
        ],
      ];
      for (const [body, problems] of cases) {
        const res = await t.http.post('/api/indicators').send(body).expect(400);
        expect({ body, problems: problemsOf(res) }).toEqual({ body, problems });
      }
      const duplicate = await t.http
        .post('/api/indicators')
        .send({ ...base, code: 'RCO07' })
        .expect(409);
      expect(duplicate.body.code).toBe('DUPLICATE');
      expect(problemsOf(duplicate)).toEqual({ code: ['duplicate'] });
    });
    const percent = await newIndicator(t, { unit: 'percent', aggregation: 'latest' });
    const res = await t.http
      .patch(`/api/indicators/${percent.id as string}`)
      .send({ version: 1, aggregation: 'sum' })
      .expect(400);
    expect(problemsOf(res)).toEqual({ aggregation: ['percentIsLatest'] });
  });

  it('keeps a derived indicator’s unit, aggregation and agreement, and never deletes it', async () => {
    const id = await indicatorIdOf(t, 'RCO01');
    const agreement = await newAgreement(t);
    const fixed = await t.http
      .patch(`/api/indicators/${id}`)
      .send({ version: 1, unit: 'euros', agreementId: agreement.id })
      .expect(409);
    expect(fixed.body.code).toBe('RULE_VIOLATION');
    expect(problemsOf(fixed)).toEqual({ unit: ['derived'], agreementId: ['derived'] });
    const renamed = await t.http
      .patch(`/api/indicators/${id}`)
      .send({ version: 1, nameEn: 'Enterprises supported' })
      .expect(200);
    expect(renamed.body).toMatchObject({ derivation: 'enterprises_supported', version: 2 });
    const deleted = await t.http.delete(`/api/indicators/${id}`).expect(409);
    expect(deleted.body.code).toBe('RULE_VIOLATION');
    await t.http.get(`/api/indicators/${id}`).expect(200);
  });

  it('refuses to delete an indicator in use, and to make one agreement’s own while others use it', async () => {
    const indicator = await newIndicator(t);
    const target = await newIndicatorTarget(t, { indicatorId: indicator.id });
    await newIndicatorActual(t, { indicatorId: indicator.id, projectId: target.projectId });
    const inUse = await t.http.delete(`/api/indicators/${indicator.id as string}`).expect(409);
    expect(inUse.body.code).toBe('IN_USE');
    expect(inUse.body.problems).toEqual({
      targets: [{ code: 'inUse', params: { count: 1 } }],
      actuals: [{ code: 'inUse', params: { count: 1 } }],
    });
    const other = await newAgreement(t);
    const moved = await t.http
      .patch(`/api/indicators/${indicator.id as string}`)
      .send({ version: 1, agreementId: other.id })
      .expect(409);
    expect(problemsOf(moved)).toEqual({ agreementId: ['inUse'] });
    // Its own agreement may take it.
    const own = await t.http
      .patch(`/api/indicators/${indicator.id as string}`)
      .send({ version: 1, agreementId: target.agreementId })
      .expect(200);
    expect(own.body).toMatchObject({ agreementId: target.agreementId, agreementTitle: expect.any(String) });
  });

  it('shows an agreement’s own indicators to its city only; the list by agreement has the common ones and its own', async () => {
    const a = await newCityPortfolio(t);
    const b = await newCityPortfolio(t);
    const ownA = await newIndicator(t, { agreementId: a.agreementId, code: 'OMA-A' });
    const ownB = await newIndicator(t, { agreementId: b.agreementId, code: 'OMA-B' });
    const coordinator = await t.as('coordinator', { cityId: a.cityId });

    const listed = await check.listIds(coordinator, '/api/indicators', { pageSize: 100 });
    expect(listed).toContain(ownA.id);
    expect(listed).not.toContain(ownB.id);
    const all = await coordinator.get('/api/indicators').query({ pageSize: 100 }).expect(200);
    expect(all.body.total).toBe((await rowCount(t, 'indicators')) - (await ownIndicatorsOtherThan(t, a.agreementId)));
    await check.hiddenLikeMissing(coordinator, '/api/indicators', ownB.id);
    expect((await coordinator.get(`/api/indicators/${ownA.id as string}`).expect(200)).body).toEqual(ownA);

    const forA = await t.http.get('/api/indicators').query({ agreementId: a.agreementId, pageSize: 100 }).expect(200);
    const codes = (forA.body.items as Json[]).map((i) => i.code);
    expect(codes).toContain('OMA-A');
    expect(codes).toContain('RCO07');
    expect(codes).not.toContain('OMA-B');
    // The other city's agreement, asked for by id, lists only the common ones to this coordinator.
    const forB = await coordinator.get('/api/indicators').query({ agreementId: b.agreementId, pageSize: 100 });
    expect((forB.body.items as Json[]).every((i) => i.agreementId === null)).toBe(true);
  });
});

/** How many agreement-own indicators belong to other agreements than this one. */
async function ownIndicatorsOtherThan(t: TestApp, agreementId: string): Promise<number> {
  const [row] = await t.dataSource.query<Array<{ n: number }>>(
    'SELECT count(*)::int AS n FROM indicators WHERE agreement_id IS NOT NULL AND agreement_id <> $1',
    [agreementId],
  );
  return row!.n;
}

describe('indicators API: targets', () => {
  const t = useTestApp();

  it('sets, reads, lists, corrects and deletes a project’s target, in the project’s history', async () => {
    const project = await newProject(t);
    const indicatorId = await indicatorIdOf(t, 'RCO07');
    const body = {
      indicatorId,
      projectId: project.id,
      baselineValue: '0.0',
      baselineYear: 2021,
      targetValue: '40',
      targetYear: 2027,
      milestones: [
        { year: 2025, value: '25' },
        { year: 2023, value: '10.50' },
      ],
    };
    const created = await t.http.post('/api/indicator-targets').send(body).expect(201);
    expect(created.body).toEqual(
      createdRecord({
        indicatorId,
        indicatorCode: 'RCO07',
        agreementId: await agreementOf(t, project.id),
        projectId: project.id,
        baselineValue: '0',
        baselineYear: 2021,
        targetValue: '40',
        targetYear: 2027,
        milestones: [
          { year: 2023, value: '10.5' },
          { year: 2025, value: '25' },
        ],
      }),
    );
    await check.foundAsCreated(t.http, '/api/indicator-targets', created.body, { projectId: project.id });
    const url = `/api/indicator-targets/${created.body.id as string}`;
    const updated = await t.http
      .patch(url)
      .set('If-Match', '"1"')
      .send({ targetValue: '45', milestones: [] })
      .expect(200);
    expect(updated.body).toMatchObject({ targetValue: '45', milestones: [], version: 2 });
    const stale = await t.http.patch(url).send({ version: 1, targetValue: '50' }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');

    const history = await t.http.get(`/api/projects/${project.id as string}/history`).expect(200);
    const targetEvents = (history.body.items as Json[]).filter((i) => i.entityType === 'indicator_target');
    expect(targetEvents.map((e) => e.action)).toEqual(['update', 'create']);
    expect(targetEvents[1]!.references).toEqual(
      expect.arrayContaining([{ id: indicatorId, kind: 'indicator', name: expect.stringMatching(/^RCO07 /) }]),
    );
    await t.http.delete(url).set('If-Match', '"2"').expect(204);
    expect(await rowCount(t, 'indicator_targets')).toBe(0);
  });

  it('sets an agreement’s own target, once per indicator and holder', async () => {
    const agreement = await newAgreement(t);
    const indicatorId = await indicatorIdOf(t, 'RCO02');
    const body = {
      indicatorId,
      agreementId: agreement.id,
      baselineValue: '0',
      baselineYear: 2021,
      targetValue: '30',
      targetYear: 2027,
    };
    const created = await t.http.post('/api/indicator-targets').send(body).expect(201);
    expect(created.body).toMatchObject({ agreementId: agreement.id, projectId: null, milestones: [] });
    const duplicate = await t.http.post('/api/indicator-targets').send(body).expect(409);
    expect({ code: duplicate.body.code, problems: problemsOf(duplicate) }).toEqual({
      code: 'DUPLICATE',
      problems: { indicatorId: ['duplicate'] },
    });
    // A project of the agreement may have its own target of the same indicator.
    const area = await newPriorityArea(t, { agreementId: agreement.id });
    const project = await newProject(t, { priorityAreaId: area.id });
    await t.http
      .post('/api/indicator-targets')
      .send({ ...body, agreementId: undefined, projectId: project.id })
      .expect(201);
  });

  it('refuses a target without exactly one holder, of another agreement’s indicator or with years that do not fit', async () => {
    const project = await newProject(t);
    const other = await newAgreement(t);
    const foreign = await newIndicator(t, { agreementId: other.id });
    const indicatorId = await indicatorIdOf(t, 'RCO07');
    const base = {
      indicatorId,
      projectId: project.id,
      baselineValue: '0',
      baselineYear: 2021,
      targetValue: '10',
      targetYear: 2027,
    };
    await check.nothingChanged(t, { rows: ['indicator_targets'], events: 'indicator_target' }, async () => {
      const cases: Array<[Json, Record<string, string[]>]> = [
        [{ ...base, projectId: undefined }, { projectId: ['required'] }],
        [{ ...base, agreementId: other.id }, { agreementId: ['oneHolder'] }],
        [{ ...base, projectId: UNKNOWN_ID }, { projectId: ['notFound'] }],
        [{ ...base, indicatorId: UNKNOWN_ID }, { indicatorId: ['notFound'] }],
        [{ ...base, indicatorId: foreign.id }, { indicatorId: ['notAgreementIndicator'] }],
        [{ ...base, targetYear: 2020 }, { targetYear: ['yearOrder'] }],
        [
          {
            ...base,
            milestones: [
              { year: 2021, value: '1' },
              { year: 2024, value: '2' },
              { year: 2024, value: '3' },
            ],
          },
          { 'milestones.0.year': ['outsideTargetYears'], 'milestones.2.year': ['duplicate'] },
        ],
        [
          { ...base, baselineValue: 1, targetValue: '1.23456', baselineYear: 1999, milestones: [{ year: 2024 }] },
          {
            baselineValue: ['invalidFormat', 'invalidIndicatorValue'], // a number, not a string
            targetValue: ['invalidIndicatorValue'],
            baselineYear: ['tooSmall'],
            'milestones.0.value': ['required'],
          },
        ],
      ];
      for (const [body, problems] of cases) {
        const res = await t.http.post('/api/indicator-targets').send(body);
        expect({ body, status: res.status, problems: problemsOf(res) }).toEqual({ body, status: 400, problems });
      }
    });
    const target = await newIndicatorTarget(t, { projectId: project.id, indicatorId });
    const moved = await t.http
      .patch(`/api/indicator-targets/${target.id as string}`)
      .send({ version: 1, projectId: UNKNOWN_ID, baselineYear: 2028 })
      .expect(400);
    expect(problemsOf(moved)).toEqual({ projectId: ['unknownField'] });
    const late = await t.http
      .patch(`/api/indicator-targets/${target.id as string}`)
      .send({ version: 1, baselineYear: 2028 })
      .expect(400);
    expect(problemsOf(late)).toEqual({ targetYear: ['yearOrder'] });
  });
});

describe('indicators API: actuals', () => {
  const t = useTestApp();

  it('enters, lists and corrects a value, keeping who entered what in the audit trail', async () => {
    const project = await newProject(t);
    const indicatorId = await indicatorIdOf(t, 'RCO07');
    const kaisa = await signedInUser(t, 'admin', { displayName: 'Kaisa Koordinaattori' });
    const created = await kaisa.agent
      .post('/api/indicator-actuals')
      .send({ indicatorId, projectId: project.id, period: '2024', value: '12.50', note: 'Arvio' })
      .expect(201);
    expect(created.body).toEqual(
      createdRecord({
        indicatorId,
        indicatorCode: 'RCO07',
        agreementId: expect.any(String),
        projectId: project.id,
        period: '2024',
        value: '12.5',
        note: 'Arvio',
        enteredBy: 'Kaisa Koordinaattori',
        enteredById: kaisa.id,
      }),
    );
    await check.foundAsCreated(t.http, '/api/indicator-actuals', created.body, {
      projectId: project.id,
      period: '2024',
    });
    const url = `/api/indicator-actuals/${created.body.id as string}`;
    const corrected = await t.http.patch(url).send({ version: 1, value: '13', note: null }).expect(200);
    expect(corrected.body).toMatchObject({
      value: '13',
      note: null,
      enteredBy: expect.not.stringMatching(/Kaisa/),
      version: 2,
    });
    const stale = await kaisa.agent.patch(url).send({ version: 1, value: '14' }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const moved = await t.http.patch(url).send({ version: 2, period: '2023' }).expect(400);
    expect(problemsOf(moved)).toEqual({ period: ['unknownField'] });

    const events = await auditEvents(t, { entityType: 'indicator_actual', entityId: created.body.id as string });
    expect(events.map((e) => [e.action, e.projectId])).toEqual([
      ['create', project.id],
      ['update', project.id],
    ]);
    expect(events[1]!.changes).toMatchObject({
      value: { old: '12.5', new: '13' },
      note: { old: 'Arvio', new: null },
      enteredBy: { old: 'Kaisa Koordinaattori', new: expect.any(String) },
    });
  });

  it('takes periods of the agreement’s periodicity, not after the current period, once per holder', async () => {
    const yearly = await newProject(t);
    const halfYearly = await newProject(t);
    await reportByHalfYears(t, await agreementOf(t, halfYearly.id));
    const indicatorId = await indicatorIdOf(t, 'RCO07');
    const post = (projectId: unknown, period: string) =>
      t.http.post('/api/indicator-actuals').send({ indicatorId, projectId, period, value: '1' });
    const current = { year: String(THIS_YEAR), half: `${THIS_YEAR}-H${THIS_HALF}` };
    const next = { year: String(THIS_YEAR + 1), half: THIS_HALF === 1 ? `${THIS_YEAR}-H2` : `${THIS_YEAR + 1}-H1` };
    await check.nothingChanged(t, { rows: ['indicator_actuals'], events: 'indicator_actual' }, async () => {
      const cases: Array<[unknown, string, Record<string, string[]>]> = [
        [yearly.id, '2024-H1', { period: ['wrongPeriodicity'] }],
        [halfYearly.id, '2024', { period: ['wrongPeriodicity'] }],
        [yearly.id, next.year, { period: ['periodInFuture'] }],
        [halfYearly.id, next.half, { period: ['periodInFuture'] }],
        [yearly.id, '2024-H3', { period: ['invalidPeriod'] }],
      ];
      for (const [projectId, period, problems] of cases) {
        const res = await post(projectId, period);
        expect({ period, status: res.status, problems: problemsOf(res) }).toEqual({ period, status: 400, problems });
      }
      const future = await post(yearly.id, next.year);
      expect(future.body.problems).toEqual({ period: [{ code: 'periodInFuture', params: { current: current.year } }] });
    });
    await post(yearly.id, current.year).expect(201);
    await post(halfYearly.id, current.half).expect(201);
    const duplicate = await post(yearly.id, current.year).expect(409);
    expect({ code: duplicate.body.code, problems: problemsOf(duplicate) }).toEqual({
      code: 'DUPLICATE',
      problems: { period: ['duplicate'] },
    });
  });

  it('never takes a value of a derived indicator (409 derived)', async () => {
    const project = await newProject(t);
    for (const code of ['RCO01', 'RCO02', 'RCO10']) {
      const indicatorId = await indicatorIdOf(t, code);
      await check.nothingChanged(t, { rows: ['indicator_actuals'], events: 'indicator_actual' }, async () => {
        const res = await t.http
          .post('/api/indicator-actuals')
          .send({ indicatorId, projectId: project.id, period: '2024', value: '3' })
          .expect(409);
        expect({ code, body: res.body }).toMatchObject({
          code,
          body: { code: 'RULE_VIOLATION', problems: { indicatorId: [{ code: 'derived' }] } },
        });
      });
    }
  });

  it('keeps another city’s targets and values hidden (404) and out of reach, and its projects unknown', async () => {
    const a = await newCityPortfolio(t);
    const b = await newCityPortfolio(t);
    const ownB = await newIndicator(t, { agreementId: b.agreementId });
    const targetB = await newIndicatorTarget(t, { projectId: b.projectId, indicatorId: ownB.id });
    const actualB = await newIndicatorActual(t, { agreementId: b.agreementId, indicatorId: ownB.id });
    const coordinator = await t.as('coordinator', { cityId: a.cityId });
    await check.nothingChanged(t, { rows: ['indicator_targets', 'indicator_actuals'], events: 'all' }, async () => {
      for (const [base, record, change] of [
        ['/api/indicator-targets', targetB, { targetValue: '2' }],
        ['/api/indicator-actuals', actualB, { value: '2' }],
      ] as const) {
        await check.hiddenLikeMissing(coordinator, base, record.id);
        const patched = await coordinator.patch(`${base}/${record.id as string}`).send({ version: 1, ...change });
        expect({ base, status: patched.status, code: patched.body.code }).toEqual({
          base,
          status: 404,
          code: 'NOT_FOUND',
        });
        await coordinator.delete(`${base}/${record.id as string}`).expect(404);
        expect(await check.listIds(coordinator, base, { agreementId: b.agreementId })).toEqual([]);
        expect(idsOf(await coordinator.get(base).expect(200))).not.toContain(record.id);
      }
      const rco07 = await indicatorIdOf(t, 'RCO07');
      const onB = await coordinator
        .post('/api/indicator-actuals')
        .send({ indicatorId: rco07, projectId: b.projectId, period: '2024', value: '1' })
        .expect(400);
      expect(problemsOf(onB)).toEqual({ projectId: ['notFound'] });
      const ofB = await coordinator
        .post('/api/indicator-targets')
        .send({
          indicatorId: ownB.id,
          projectId: a.projectId,
          baselineValue: '0',
          baselineYear: 2021,
          targetValue: '1',
          targetYear: 2027,
        })
        .expect(400);
      expect(problemsOf(ofB)).toEqual({ indicatorId: ['notFound'] });
    });
    expect((await t.http.get(`/api/indicator-actuals/${actualB.id as string}`).expect(200)).body).toEqual(actualB);
  });

  it('lets a coordinator enter values of their own city’s projects and agreement', async () => {
    const a = await newCityPortfolio(t);
    const coordinator = await t.as('coordinator', { cityId: a.cityId });
    const indicatorId = await indicatorIdOf(t, 'RCO07');
    await coordinator
      .post('/api/indicator-actuals')
      .send({ indicatorId, projectId: a.projectId, period: '2024', value: '2' })
      .expect(201);
    await coordinator
      .post('/api/indicator-actuals')
      .send({ indicatorId, agreementId: a.agreementId, period: '2024', value: '5' })
      .expect(201);
    const manager = await t.as('manager', { cityId: a.cityId });
    await manager
      .post('/api/indicator-actuals')
      .send({ indicatorId, agreementId: a.agreementId, period: '2023', value: '5' })
      .expect(403);
  });
});

/** A project's agreement id, straight from the database. */
async function agreementOf(t: TestApp, projectId: unknown): Promise<string> {
  const [row] = await t.dataSource.query<Array<{ id: string }>>(
    'SELECT pa.agreement_id AS id FROM projects p JOIN priority_areas pa ON pa.id = p.priority_area_id WHERE p.id = $1',
    [projectId],
  );
  return row!.id;
}
