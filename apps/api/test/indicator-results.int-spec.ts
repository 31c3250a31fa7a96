import type TestAgent from 'supertest/lib/agent';
import { today } from './support/dates';
import * as factory from './support/factories';
import { countStatements, useTestApp, type TestApp } from './support/test-app';
import type { Json } from './support/values';

/**
 * Indicators against targets, as the results routes answer them. Every expected figure here is
 * worked out by hand in the test (written as arithmetic), never with the shared rules the API
 * uses, so that a wrong rule shows up as a wrong figure.
 */

const THIS_YEAR = Number(today.slice(0, 4));
/** The years 2021 … this year, written out. */
const YEARS_SINCE_2021: string[] = [];
for (let year = 2021; year <= THIS_YEAR; year += 1) YEARS_SINCE_2021.push(String(year));

/** A participant, straight into the register (its own routes are another module's). */
async function participate(
  t: TestApp,
  projectId: unknown,
  organisationId: unknown,
  fields: { role?: string; startsOn?: string | null; endsOn?: string | null; supportKind?: string | null } = {},
): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO participants (project_id, organisation_id, role, starts_on, ends_on, support_kind)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      projectId,
      organisationId,
      fields.role ?? 'company',
      fields.startsOn ?? null,
      fields.endsOn ?? null,
      fields.supportKind ?? null,
    ],
  );
}

/** A value of a period, entered through the API as the admin. */
async function actual(t: TestApp, indicatorId: unknown, holder: Json, period: string, value: string): Promise<void> {
  await factory.postCreated(t, '/api/indicator-actuals', { indicatorId, ...holder, period, value });
}

/** A target, set through the API as the admin. */
async function target(t: TestApp, indicatorId: unknown, holder: Json, values: Json): Promise<Json> {
  return factory.postCreated(t, '/api/indicator-targets', { indicatorId, ...holder, ...values });
}

/** The values of a line by period, for the periods that have one. */
function reported(line: Json): Record<string, string> {
  const periods = line.periods as Array<{ period: string; value: string | null }>;
  return Object.fromEntries(periods.filter((p) => p.value !== null).map((p) => [p.period, p.value!]));
}

/** The indicator's entry of a results answer, by code. */
function entry(body: Json, code: string): Json {
  const found = (body.indicators as Json[]).find((i) => (i.indicator as Json).code === code);
  if (!found)
    throw new Error(
      `no ${code} in ${JSON.stringify((body.indicators as Json[]).map((i) => (i.indicator as Json).code))}`,
    );
  return found;
}

const get = async (agent: TestAgent, path: string, query: Json = {}): Promise<Json> =>
  (await agent.get(`/api/indicator-results/${path}`).query(query).expect(200)).body as Json;

describe('indicator results', () => {
  const t = useTestApp();
  let cityA: Json;
  let cityB: Json;
  let agreementA: Json;
  let agreementB: Json;
  let areaX: Json;
  let areaY: Json;
  let p1: Json;
  let p2: Json;
  let p3: Json;
  let q1: Json;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    cityA = await factory.newOrganisation(t, { kind: 'city', name: 'Aakkoskaupunki' });
    cityB = await factory.newOrganisation(t, { kind: 'city', name: 'Beetakaupunki' });
    agreementA = await factory.newAgreement(t, { cityId: cityA.id, title: 'Sopimus A', validFrom: '2021-02-09' });
    agreementB = await factory.newAgreement(t, { cityId: cityB.id, title: 'Sopimus B', validFrom: '2022-01-01' });
    areaX = await factory.newPriorityArea(t, { agreementId: agreementA.id, nameFi: 'Alue X' });
    areaY = await factory.newPriorityArea(t, { agreementId: agreementA.id, nameFi: 'Alue Y' });
    p1 = await factory.newProject(t, { priorityAreaId: areaX.id });
    p2 = await factory.newProject(t, { priorityAreaId: areaX.id });
    p3 = await factory.newProject(t, { priorityAreaId: areaY.id });
    const areaB = await factory.newPriorityArea(t, { agreementId: agreementB.id });
    q1 = await factory.newProject(t, { priorityAreaId: areaB.id });
    for (const code of ['RCO01', 'RCO02', 'RCO07', 'RCO10']) ids[code] = await factory.indicatorIdOf(t, code);
  });

  describe('values against targets', () => {
    it('gives a project its value to date, achievement and pace on the straight line to its target', async () => {
      await target(
        t,
        ids.RCO07,
        { projectId: p1.id },
        {
          baselineValue: '0',
          baselineYear: 2021,
          targetValue: '40',
          targetYear: 2027,
        },
      );
      await actual(t, ids.RCO07, { projectId: p1.id }, '2022', '5');
      await actual(t, ids.RCO07, { projectId: p1.id }, '2023', '7.5');
      await actual(t, ids.RCO07, { projectId: p1.id }, '2024', '6');

      const body = await get(t.http, `projects/${p1.id as string}`);
      expect(body).toMatchObject({ projectId: p1.id, periodicity: 'year', periods: YEARS_SINCE_2021 });
      const rco07 = entry(body, 'RCO07');
      const result = rco07.result as Json;
      expect(reported(result)).toEqual({ '2022': '5', '2023': '7.5', '2024': '6' });
      expect(result.periods).toHaveLength(YEARS_SINCE_2021.length); // every period, null where nothing is reported
      // To date: 5 + 7.5 + 6 = 18.5 of 40.
      expect(result).toMatchObject({ toDate: '18.5', latestPeriod: '2024', refusal: null });
      expect(result.achievement).toBeCloseTo(18.5 / 40, 10);
      // The line runs from 0 at the end of 2021 to 40 at the end of 2027: at the end of 2024 (3 of 6 years) it is 20.
      expect(result.onPace).toBe(false);
      expect(result.target).toEqual({
        baselineValue: '0',
        baselineYear: 2021,
        targetValue: '40',
        targetYear: 2027,
        milestones: [],
      });
      expect(rco07.targetId).toEqual(expect.any(String));
      expect((rco07.actuals as Json[]).map((a) => [a.period, a.value])).toEqual([
        ['2022', '5'],
        ['2023', '7.5'],
        ['2024', '6'],
      ]);
      expect(rco07.enterprises).toBeNull();
      // Every derived indicator is listed, with nothing reported while the project has no participants.
      for (const code of ['RCO01', 'RCO02', 'RCO10']) {
        expect(entry(body, code)).toMatchObject({ result: { toDate: null, achievement: null }, enterprises: [] });
      }
    });

    it('measures a latest-value indicator on its milestones, and a falling target from above', async () => {
      const share = await factory.newIndicator(t, { unit: 'percent', aggregation: 'latest', code: 'OSUUS' });
      const waste = await factory.newIndicator(t, {
        unit: 'other',
        unitName: 'tonnia',
        aggregation: 'latest',
        code: 'JÄTE',
      });
      await target(
        t,
        share.id,
        { projectId: p2.id },
        {
          baselineValue: '10',
          baselineYear: 2021,
          targetValue: '50',
          targetYear: 2027,
          milestones: [{ year: 2023, value: '30' }],
        },
      );
      await actual(t, share.id, { projectId: p2.id }, '2022', '20');
      await actual(t, share.id, { projectId: p2.id }, '2024', '35');
      await target(
        t,
        waste.id,
        { projectId: p2.id },
        {
          baselineValue: '100',
          baselineYear: 2021,
          targetValue: '60',
          targetYear: 2027,
        },
      );
      await actual(t, waste.id, { projectId: p2.id }, '2024', '80');
      await actual(t, waste.id, { projectId: p2.id }, '2023', '95');

      const body = await get(t.http, `projects/${p2.id as string}`);
      const shareResult = entry(body, 'OSUUS').result as Json;
      // The latest value, 35 (not 20 + 35), of 50.
      expect(shareResult).toMatchObject({ toDate: '35', latestPeriod: '2024' });
      expect(shareResult.achievement).toBeCloseTo(35 / 50, 10);
      // From the 2023 milestone (30, end of 2023) to the target (50, end of 2027): at the end of 2024, 30 + 20 × 1/4 = 35.
      expect(shareResult.onPace).toBe(true);
      const wasteResult = entry(body, 'JÄTE').result as Json;
      // Falling from 100 to 60 over 6 years: at the end of 2024, 100 − 40 × 3/6 = 80; 80 is on the line.
      expect(wasteResult).toMatchObject({ toDate: '80', latestPeriod: '2024', onPace: true });
      expect(wasteResult.achievement).toBeCloseTo(80 / 60, 10);
    });

    it('adds up an agreement’s and its areas’ projects, against the sum of their targets or the agreement’s own', async () => {
      const jobs = await factory.newIndicator(t, { code: 'TYÖ', agreementId: agreementA.id });
      const years = { baselineYear: 2021, targetYear: 2027 };
      await target(t, jobs.id, { projectId: p1.id }, { ...years, baselineValue: '2', targetValue: '40' });
      await target(t, jobs.id, { projectId: p2.id }, { ...years, baselineValue: '0', targetValue: '20' });
      await actual(t, jobs.id, { projectId: p1.id }, '2022', '5');
      await actual(t, jobs.id, { projectId: p1.id }, '2023', '7.5');
      await actual(t, jobs.id, { projectId: p2.id }, '2023', '4');
      await actual(t, jobs.id, { projectId: p3.id }, '2024', '10');

      const body = await get(t.http, `agreements/${agreementA.id as string}`);
      expect(body).toMatchObject({ agreementId: agreementA.id, periodicity: 'year', periods: YEARS_SINCE_2021 });
      const line = entry(body, 'TYÖ');
      const whole = line.agreement as Json;
      // 5 + 7.5 + 4 + 10 = 26.5 against 40 + 20 = 60 (baselines 2 + 0 = 2).
      expect(reported(whole)).toEqual({ '2022': '5', '2023': '11.5', '2024': '10' });
      expect(whole).toMatchObject({ toDate: '26.5', latestPeriod: '2024' });
      expect(whole.target).toEqual({
        baselineValue: '2',
        baselineYear: 2021,
        targetValue: '60',
        targetYear: 2027,
        milestones: [],
      });
      expect(whole.achievement).toBeCloseTo(26.5 / 60, 10);
      // The line from 2 to 60 at the end of 2024 (3 of 6 years): 2 + 58 / 2 = 31; 26.5 is behind.
      expect(whole.onPace).toBe(false);
      const areas = line.areas as Json[];
      expect(areas.map((a) => a.nameFi)).toEqual(['Alue X', 'Alue Y']);
      const [x, y] = areas.map((a) => a.result as Json) as [Json, Json];
      expect(x).toMatchObject({ toDate: '16.5', target: { targetValue: '60' } });
      expect(x.achievement).toBeCloseTo(16.5 / 60, 10);
      // Area Y's project has no target: a value, but no achievement.
      expect(y).toMatchObject({ toDate: '10', target: null, achievement: null, onPace: null });

      // The agreement's own target replaces the sum of its projects'.
      await target(t, jobs.id, { agreementId: agreementA.id }, { ...years, baselineValue: '0', targetValue: '100' });
      const withOwn = entry(await get(t.http, `agreements/${agreementA.id as string}`), 'TYÖ').agreement as Json;
      expect(withOwn.target).toMatchObject({ targetValue: '100' });
      expect(withOwn.achievement).toBeCloseTo(26.5 / 100, 10);
    });

    it('takes the agreement’s own values where it reports the indicator itself', async () => {
      const visitors = await factory.newIndicator(t, { code: 'KÄVIJÄT', agreementId: agreementA.id });
      await actual(t, visitors.id, { projectId: p1.id }, '2023', '100');
      await actual(t, visitors.id, { agreementId: agreementA.id }, '2023', '1200');
      await actual(t, visitors.id, { agreementId: agreementA.id }, '2024', '1300');
      const line = entry(await get(t.http, `agreements/${agreementA.id as string}`), 'KÄVIJÄT');
      expect(line.agreement).toMatchObject({ toDate: '2500', latestPeriod: '2024' });
      expect((line.areas as Json[])[0]!.result).toMatchObject({ toDate: '100' });
    });

    it('refuses to add up the percentages of several projects, and shows an empty target as none', async () => {
      const rate = await factory.newIndicator(t, { unit: 'percent', aggregation: 'latest', code: 'ASTE' });
      await actual(t, rate.id, { projectId: p1.id }, '2023', '40');
      await actual(t, rate.id, { projectId: p2.id }, '2023', '60');
      const line = entry(await get(t.http, `agreements/${agreementA.id as string}`), 'ASTE');
      for (const result of [line.agreement as Json, (line.areas as Json[])[0]!.result as Json]) {
        expect(result).toMatchObject({ refusal: 'percentDoesNotSum', toDate: null, achievement: null, target: null });
        expect(reported(result)).toEqual({});
      }
      // One project's percentage stands as it is.
      const own = entry(await get(t.http, `projects/${p1.id as string}`), 'ASTE').result as Json;
      expect(own).toMatchObject({ toDate: '40', refusal: null, target: null, achievement: null, onPace: null });
    });
  });

  describe('enterprises counted from the participant register', () => {
    let e1: Json;
    let e2: Json;
    let e3: Json;
    beforeAll(async () => {
      e1 = await factory.newOrganisation(t, { kind: 'company', name: 'Yksi Oy', businessId: '1234567-1' });
      e2 = await factory.newOrganisation(t, { kind: 'company', name: 'Kaksi Oy' }); // no business ID
      e3 = await factory.newOrganisation(t, { kind: 'company', name: 'Kolme Oy' });
      const university = await factory.newOrganisation(t, { kind: 'university', name: 'Yliopisto' });
      const city = await factory.newOrganisation(t, { kind: 'other', name: 'Yhdistys' });
      // E1 takes part in two projects of agreement A (a grant in P1 until mid-2023, advice in P2 from 2023 on)
      // and in agreement B's project (a grant in 2024).
      await participate(t, p1.id, e1.id, { startsOn: '2022-01-01', endsOn: '2023-06-30', supportKind: 'grant' });
      await participate(t, p2.id, e1.id, { startsOn: '2023-01-01', supportKind: 'advisory' });
      await participate(t, q1.id, e1.id, { startsOn: '2024-01-01', endsOn: '2024-12-31', supportKind: 'grant' });
      // E2: a grant in P3 in spring 2024.
      await participate(t, p3.id, e2.id, { startsOn: '2024-03-01', endsOn: '2024-05-31', supportKind: 'grant' });
      // E3: no support, in P1 from the start; the university takes part in P1 during 2023.
      await participate(t, p1.id, e3.id, { supportKind: 'none' });
      await participate(t, p1.id, university.id, {
        role: 'research_organisation',
        startsOn: '2023-01-01',
        endsOn: '2023-12-31',
      });
      // Not an enterprise: never counted.
      await participate(t, p3.id, city.id, { role: 'partner', supportKind: 'grant' });
    });

    /** The expected yearly counts since 2021: `counts` for the years given, 0 for the others. */
    const yearly = (counts: Record<string, string>): Record<string, string> =>
      Object.fromEntries(YEARS_SINCE_2021.map((year) => [year, counts[year] ?? '0']));
    /** `value` for every year from `from` to this year. */
    const since = (from: number, value: string): Record<string, string> =>
      Object.fromEntries(YEARS_SINCE_2021.filter((year) => Number(year) >= from).map((year) => [year, value]));

    it('counts each enterprise once per area and agreement, however many projects it takes part in', async () => {
      const body = await get(t.http, `agreements/${agreementA.id as string}`);
      const supported = entry(body, 'RCO01');
      // E1 (in P1 and P2) from 2022 on; E2 in 2024. Never twice.
      expect(reported(supported.agreement as Json)).toEqual(yearly({ ...since(2022, '1'), '2024': '2' }));
      expect(supported.agreement).toMatchObject({ toDate: '2', latestPeriod: String(THIS_YEAR) });
      expect(supported.enterprises).toEqual([
        { organisationId: e2.id, name: 'Kaksi Oy', businessId: null, flagged: true },
        { organisationId: e1.id, name: 'Yksi Oy', businessId: '1234567-1', flagged: false },
      ]);
      const [x, y] = (supported.areas as Json[]).map((a) => a.result as Json) as [Json, Json];
      // Area X: E1 once, although it takes part in both of the area's projects.
      expect(x).toMatchObject({ toDate: '1' });
      expect(reported(x)).toEqual(yearly(since(2022, '1')));
      expect(reported(y)).toEqual(yearly({ '2024': '1' }));

      const grants = entry(body, 'RCO02').agreement as Json;
      // Grants: E1 in P1 2022 – mid-2023; E2 in 2024.
      expect(reported(grants)).toEqual(yearly({ '2022': '1', '2023': '1', '2024': '1' }));
      expect(grants.toDate).toBe('2');

      const research = entry(body, 'RCO10');
      // With the university in P1 during 2023: E1 (until its end in June) and E3.
      expect(reported(research.agreement as Json)).toEqual(yearly({ '2023': '2' }));
      expect((research.enterprises as Json[]).map((e) => e.name)).toEqual(['Kolme Oy', 'Yksi Oy']);
    });

    it('counts a project’s enterprises per period, and by half-years where the agreement reports so', async () => {
      const body = await get(t.http, `projects/${p1.id as string}`);
      expect(reported(entry(body, 'RCO01').result as Json)).toEqual(yearly({ '2022': '1', '2023': '1' }));
      expect(entry(body, 'RCO01').enterprises).toEqual([
        { organisationId: e1.id, name: 'Yksi Oy', businessId: '1234567-1', flagged: false },
      ]);

      const city = await factory.newOrganisation(t, { kind: 'city' });
      const halfYearly = await factory.newAgreement(t, { cityId: city.id, validFrom: '2024-01-01' });
      await t.dataSource.query(`UPDATE agreements SET reporting_periodicity = 'half_year' WHERE id = $1`, [
        halfYearly.id,
      ]);
      const project = await factory.newProject(t, { agreementId: halfYearly.id });
      await participate(t, project.id, e2.id, {
        startsOn: '2024-02-01',
        endsOn: '2024-05-31',
        supportKind: 'test_bed_access',
      });
      const halves = await get(t.http, `projects/${project.id as string}`);
      expect(halves.periodicity).toBe('half_year');
      expect((halves.periods as string[]).slice(0, 3)).toEqual(['2024-H1', '2024-H2', '2025-H1']);
      const result = entry(halves, 'RCO01').result as Json;
      expect(reported(result)).toMatchObject({ '2024-H1': '1', '2024-H2': '0', '2025-H1': '0' });
      expect(result.toDate).toBe('1');
    });

    it('counts an enterprise once nationally across cities, and only the agreements a user may see', async () => {
      const national = await get(t.http, 'national');
      expect((national.periods as string[])[0]).toBe('2021');
      const supported = entry(national, 'RCO01');
      // E1 in agreements A and B, E2 in A (and in the half-yearly agreement): 2 enterprises in all.
      expect(supported.total).toMatchObject({ toDate: '2' });
      const byAgreement = Object.fromEntries(
        (supported.agreements as Json[]).map((a) => [a.title, (a.result as Json).toDate]),
      );
      expect(byAgreement).toMatchObject({ 'Sopimus A': '2', 'Sopimus B': '1' });
      // In 2024: E1 (in A and B) and E2 → 2, not 3.
      expect(reported(supported.total as Json)['2024']).toBe('2');

      const coordinatorB = await t.as('coordinator', { cityId: cityB.id as string });
      const seenByB = await get(coordinatorB, 'national');
      const supportedB = entry(seenByB, 'RCO01');
      expect((supportedB.agreements as Json[]).map((a) => a.agreementId)).toEqual([agreementB.id]);
      expect(supportedB.total).toMatchObject({ toDate: '1' });
      expect(supportedB.enterprises).toEqual([
        { organisationId: e1.id, name: 'Yksi Oy', businessId: '1234567-1', flagged: false },
      ]);
      // Agreement A's own indicators are not common ones: never in the national results.
      expect((seenByB.indicators as Json[]).every((i) => (i.indicator as Json).agreementId === null)).toBe(true);
    });
  });

  describe('scope', () => {
    it('answers another city’s project and agreement as not found, and never counts its values', async () => {
      const coordinatorB = await t.as('coordinator', { cityId: cityB.id as string });
      for (const path of [`projects/${p1.id as string}`, `agreements/${agreementA.id as string}`]) {
        const res = await coordinatorB.get(`/api/indicator-results/${path}`).expect(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      await coordinatorB.get('/api/indicator-results/summary').query({ agreementId: agreementA.id }).expect(404);

      // RCO07 values: 18.5 in A's P1 (above); B's project reports 3.
      await actual(t, ids.RCO07, { projectId: q1.id }, '2024', '3');
      const all = entry(await get(t.http, 'national'), 'RCO07').total as Json;
      const onlyB = entry(await get(coordinatorB, 'national'), 'RCO07').total as Json;
      expect(all.toDate).toBe('21.5'); // 18.5 + 3
      expect(onlyB.toDate).toBe('3');
      const summaryB = await get(coordinatorB, 'summary');
      expect((summaryB.agreements as Json[]).map((a) => a.agreementId)).toEqual([agreementB.id]);
    });
  });

  describe('summary', () => {
    it('gives each agreement its key indicators: those with a target', async () => {
      const body = await get(t.http, 'summary', { agreementId: agreementA.id });
      expect((body.agreements as Json[]).map((a) => a.agreementId)).toEqual([agreementA.id]);
      const items = (body.agreements as Json[])[0]!.indicators as Json[];
      // Each indicator is described once, beside the agreements, which refer to it by id.
      const refs = new Map((body.indicators as Json[]).map((i) => [i.id, i]));
      expect(refs.size).toBe(items.length);
      const byCode = Object.fromEntries(items.map((i) => [refs.get(i.indicatorId)!.code, i]));
      // RCO07 (P1's target 40), TYÖ (the agreement's own target 100), OSUUS and JÄTE (P2's targets); nothing else.
      expect(Object.keys(byCode).sort()).toEqual(['JÄTE', 'OSUUS', 'RCO07', 'TYÖ']);
      expect(byCode.RCO07).toMatchObject({ toDate: '18.5', targetValue: '40', onPace: false });
      expect(byCode.RCO07!.achievement).toBeCloseTo(18.5 / 40, 10);
      expect(byCode['TYÖ']).toMatchObject({ toDate: '26.5', targetValue: '100' });
    });
  });

  describe('statements', () => {
    it('reads each answer with a fixed number of statements, however much there is', async () => {
      const routes = [`projects/${p1.id as string}`, `agreements/${agreementA.id as string}`, 'national', 'summary'];
      const before: number[] = [];
      for (const route of routes) {
        before.push((await countStatements(t, () => get(t.http, route))).count);
      }
      // More projects, indicators, targets, values and participants.
      for (let i = 0; i < 3; i += 1) {
        const project = await factory.newProject(t, { priorityAreaId: areaY.id });
        const indicator = await factory.newIndicator(t);
        await target(
          t,
          indicator.id,
          { projectId: project.id },
          { baselineValue: '0', baselineYear: 2021, targetValue: '9', targetYear: 2027 },
        );
        await actual(t, indicator.id, { projectId: project.id }, '2023', '3');
        await actual(t, indicator.id, { projectId: p1.id }, '2024', '3');
        const company = await factory.newOrganisation(t, { kind: 'company' });
        await participate(t, project.id, company.id, { supportKind: 'grant' });
        await participate(t, p1.id, company.id, { supportKind: 'advisory' });
      }
      for (const [i, route] of routes.entries()) {
        const after = (await countStatements(t, () => get(t.http, route))).count;
        expect({ route, statements: after }).toEqual({ route, statements: before[i] });
        expect(after).toBeLessThanOrEqual(4);
      }
    });
  });

  describe('national years', () => {
    it('adds a half-yearly agreement’s halves up into years: their sum, or the later half', async () => {
      const city = await factory.newOrganisation(t, { kind: 'city', name: 'Puolikaupunki' });
      const agreement = await factory.newAgreement(t, {
        cityId: city.id,
        title: 'Puolivuotinen',
        validFrom: '2023-01-01',
      });
      await t.dataSource.query(`UPDATE agreements SET reporting_periodicity = 'half_year' WHERE id = $1`, [
        agreement.id,
      ]);
      const project = await factory.newProject(t, { agreementId: agreement.id });
      const stock = await factory.newIndicator(t, { aggregation: 'latest', code: 'VARANTO' });
      for (const [period, value] of [
        ['2023-H2', '2'],
        ['2024-H1', '3'],
        ['2024-H2', '4.25'],
      ] as const) {
        await actual(t, ids.RCO07, { projectId: project.id }, period, value);
        await actual(t, stock.id, { projectId: project.id }, period, value);
      }
      const national = await get(t.http, 'national');
      const of = (code: string) =>
        (entry(national, code).agreements as Json[]).find((a) => a.agreementId === agreement.id)!.result as Json;
      // A sum: 2023 = 2; 2024 = 3 + 4.25 = 7.25; to date 9.25.
      expect(reported(of('RCO07'))).toEqual({ '2023': '2', '2024': '7.25' });
      expect(of('RCO07')).toMatchObject({ toDate: '9.25', latestPeriod: '2024' });
      // The latest: 2024 is its second half's 4.25, and so is the value to date.
      expect(reported(of('VARANTO'))).toEqual({ '2023': '2', '2024': '4.25' });
      expect(of('VARANTO')).toMatchObject({ toDate: '4.25', latestPeriod: '2024' });
    });
  });
});
