import { addDays, today } from './support/dates';
import * as factory from './support/factories';
import { cents, euros } from './support/money';
import { countStatements, useTestApp } from './support/test-app';
import { fieldsOf, type Json, UNKNOWN_ID as MISSING } from './support/values';

const id = (record: Json): string => record.id as string;

interface SeededDecision {
  agreementId: string;
  projectId: string | null;
  areaId: string | null;
  funderId: string;
  status: 'applied' | 'granted' | 'amended' | 'rejected';
  amountGranted: string | null;
  payments: string[];
}

interface FundingItem {
  granted: string;
  paid: string;
  remaining: string;
  unknownAmounts: number;
}

/** The expected figures of a set of decisions, computed here from the seeded rows. */
function expectedFunding(decisions: SeededDecision[]): FundingItem {
  const payable = decisions.filter((d) => d.status === 'granted' || d.status === 'amended');
  const granted = payable.reduce((sum, d) => sum + (d.amountGranted ? cents(d.amountGranted) : 0n), 0n);
  const paid = payable.reduce((sum, d) => sum + d.payments.reduce((s, p) => s + cents(p), 0n), 0n);
  return {
    granted: euros(granted),
    paid: euros(paid),
    remaining: euros(granted - paid),
    unknownAmounts: payable.filter((d) => d.amountGranted === null).length,
  };
}

describe('dashboard API', () => {
  const t = useTestApp();
  let cityA: Json;
  let cityB: Json;
  let agreementA: Json;
  let otherAgreementA: Json;
  let agreementB: Json;
  let areaX: Json;
  let areaY: Json;
  let areaOther: Json;
  let areaB: Json;
  let funder1: Json;
  let funder2: Json;
  const projects: Record<string, Json> = {};
  /** Every seeded project: its agreement, area, lifecycle and report dates/health (in order written). */
  const seededProjects: Array<{
    key: string;
    agreementId: string;
    areaId: string;
    lifecycleStatus: string;
    reports: Array<{ reportingDate: string; health: string }>;
  }> = [];
  const decisions: SeededDecision[] = [];
  const milestones: Record<string, Json> = {};
  const seededRecord = (records: Record<string, Json>, key: string): Json => {
    const record = records[key];
    if (!record) throw new Error(`nothing seeded as ${key}`);
    return record;
  };
  const project = (key: string): Json => seededRecord(projects, key);

  beforeAll(async () => {
    cityA = await factory.newOrganisation(t, { kind: 'city', name: 'Kaupunki A' });
    cityB = await factory.newOrganisation(t, { kind: 'city', name: 'Kaupunki B' });
    agreementA = await factory.newAgreement(t, { cityId: cityA.id });
    otherAgreementA = await factory.newAgreement(t, { cityId: cityA.id });
    agreementB = await factory.newAgreement(t, { cityId: cityB.id });
    areaX = await factory.newPriorityArea(t, {
      agreementId: agreementA.id,
      nameFi: 'A Vesi',
      nameSv: 'Vatten',
      nameEn: 'Water',
    });
    areaY = await factory.newPriorityArea(t, { agreementId: agreementA.id, nameFi: 'B Energia' });
    areaOther = await factory.newPriorityArea(t, { agreementId: otherAgreementA.id, nameFi: 'C Muu' });
    areaB = await factory.newPriorityArea(t, { agreementId: agreementB.id, nameFi: 'D Kaupunki B' });
    funder1 = await factory.newOrganisation(t, { kind: 'ministry', name: 'Rahoittaja Yksi' });
    funder2 = await factory.newOrganisation(t, { kind: 'city', name: 'Rahoittaja Kaksi' });

    const seedProject = async (
      key: string,
      agreement: Json,
      area: Json,
      lifecycleStatus: string,
      reports: Array<{ reportingDate: string; health: string }>,
    ) => {
      const created = lifecycleStatus === 'planned' ? 'planned' : 'active';
      projects[key] = await factory.newProject(t, {
        code: key,
        name: `Hanke ${key}`,
        priorityAreaId: area.id,
        lifecycleStatus: created,
      });
      if (lifecycleStatus !== created) {
        await t.http
          .patch(`/api/projects/${id(project(key))}`)
          .send({ lifecycleStatus, version: project(key).version })
          .expect(200);
      }
      for (const report of reports) await factory.newStatusReport(t, { projectId: project(key).id, ...report });
      seededProjects.push({ key, agreementId: id(agreement), areaId: id(area), lifecycleStatus, reports });
    };
    await seedProject('A-1', agreementA, areaX, 'active', [
      { reportingDate: addDays(today, -200), health: 'on_track' },
      { reportingDate: addDays(today, -10), health: 'at_risk' },
    ]);
    await seedProject('A-2', agreementA, areaY, 'planned', []);
    await seedProject('A-3', agreementA, areaX, 'completed', [
      { reportingDate: addDays(today, -300), health: 'off_track' },
    ]);
    await seedProject('A-4', agreementA, areaY, 'active', [
      { reportingDate: addDays(today, -100), health: 'on_track' },
    ]);
    await seedProject('A-5', otherAgreementA, areaOther, 'active', [{ reportingDate: today, health: 'off_track' }]);
    await seedProject('B-1', agreementB, areaB, 'active', [{ reportingDate: addDays(today, -400), health: 'at_risk' }]);

    const seedDecision = async (
      agreement: Json,
      projectKey: string | null,
      funder: Json,
      status: SeededDecision['status'],
      amountGranted: string | null,
      payments: string[],
    ) => {
      const decisionProject = projectKey ? project(projectKey) : null;
      const decision = await factory.newFundingDecision(t, {
        agreementId: agreement.id,
        projectId: decisionProject?.id ?? null,
        funderId: funder.id,
        status: status === 'granted' || status === 'amended' ? 'granted' : 'applied',
        amountGranted,
      });
      if (status === 'amended' || status === 'rejected') {
        await t.http
          .patch(`/api/funding-decisions/${id(decision)}`)
          .send({ status, version: decision.version })
          .expect(200);
      }
      for (const amount of payments) await factory.newPayment(t, { fundingDecisionId: decision.id, amount });
      const seeded = seededProjects.find((p) => p.key === projectKey);
      decisions.push({
        agreementId: id(agreement),
        projectId: decisionProject ? id(decisionProject) : null,
        areaId: seeded?.areaId ?? null,
        funderId: id(funder),
        status,
        amountGranted,
        payments,
      });
    };
    await seedDecision(agreementA, 'A-1', funder1, 'granted', '10000.50', ['2500.25', '1000.00']);
    await seedDecision(agreementA, 'A-1', funder2, 'amended', '5000.05', ['4999.99']);
    await seedDecision(agreementA, 'A-1', funder1, 'applied', '7000.00', []);
    await seedDecision(agreementA, 'A-2', funder1, 'rejected', '900.00', []);
    await seedDecision(agreementA, 'A-4', funder2, 'granted', null, []);
    await seedDecision(agreementA, 'A-4', funder1, 'granted', '0.10', ['0.10']);
    await seedDecision(agreementA, null, funder2, 'granted', '3000.00', ['1000.00']);
    await seedDecision(otherAgreementA, 'A-5', funder1, 'granted', '123.45', []);
    await seedDecision(agreementB, 'B-1', funder1, 'granted', '999.99', ['1.00']);

    const seedMilestone = async (key: string, projectKey: string, dueDate: string, status = 'planned') => {
      milestones[key] = await factory.newMilestone(t, {
        projectId: project(projectKey).id,
        title: key,
        dueDate,
        status,
      });
    };
    await seedMilestone('soon-5', 'A-1', addDays(today, 5));
    await seedMilestone('soon-today', 'A-4', today, 'in_progress');
    await seedMilestone('later-40', 'A-1', addDays(today, 40));
    await seedMilestone('overdue-3', 'A-2', addDays(today, -3), 'in_progress');
    await seedMilestone('overdue-30', 'A-1', addDays(today, -30));
    await seedMilestone('cancelled-soon', 'A-1', addDays(today, 2), 'cancelled');
    await seedMilestone('other-agreement-soon', 'A-5', addDays(today, 1));
    await seedMilestone('city-b-soon', 'B-1', addDays(today, 1));
    await seedMilestone('city-b-overdue', 'B-1', addDays(today, -1));
  });

  const dashboard = (agent = t.http, query: Json = {}) => agent.get('/api/dashboard').query(query);

  /** Expected lifecycle and health counts of the seeded projects matching `keep`. */
  function expectedCounts(keep: (p: (typeof seededProjects)[number]) => boolean) {
    const chosen = seededProjects.filter(keep);
    const lifecycle = ['planned', 'active', 'on_hold', 'completed', 'cancelled'].map((status) => ({
      lifecycleStatus: status,
      count: chosen.filter((p) => p.lifecycleStatus === status).length,
    }));
    const latestHealth = (p: (typeof seededProjects)[number]) =>
      [...p.reports].sort((a, b) => b.reportingDate.localeCompare(a.reportingDate))[0]?.health ?? 'none';
    const health = ['on_track', 'at_risk', 'off_track', 'none'].map((value) => ({
      health: value,
      count: chosen.filter((p) => latestHealth(p) === value).length,
    }));
    return { lifecycle, health };
  }

  it('counts projects by lifecycle status and by the health of their latest report', async () => {
    const res = await dashboard(t.http, { agreementId: agreementA.id }).expect(200);
    const expected = expectedCounts((p) => p.agreementId === agreementA.id);
    expect(res.body.projectsByLifecycle).toEqual(expected.lifecycle);
    expect(res.body.projectsByHealth).toEqual(expected.health);
    // A-1's older on-track report does not count: its latest is at risk.
    expect(res.body.projectsByHealth).toContainEqual({ health: 'at_risk', count: 1 });

    const all = await dashboard(t.http).expect(200);
    expect(all.body.projectsByLifecycle).toEqual(expectedCounts(() => true).lifecycle);
    expect(all.body.projectsByHealth).toEqual(expectedCounts(() => true).health);

    const area = await dashboard(t.http, { agreementId: agreementA.id, priorityAreaId: areaY.id }).expect(200);
    expect(area.body.projectsByLifecycle).toEqual(expectedCounts((p) => p.areaId === areaY.id).lifecycle);
  });

  it('sums funding granted, paid and remaining by priority area and by funder, as exact strings', async () => {
    const res = await dashboard(t.http, { agreementId: agreementA.id }).expect(200);
    const inA = decisions.filter((d) => d.agreementId === agreementA.id);
    expect(res.body.fundingByPriorityArea).toEqual(
      [areaX, areaY].map((area) => ({
        priorityArea: { id: area.id, nameFi: area.nameFi, nameSv: area.nameSv ?? null, nameEn: area.nameEn ?? null },
        ...expectedFunding(inA.filter((d) => d.areaId === area.id)),
      })),
    );
    // By funder includes the agreement-level decision (no project); ordered by funder name.
    expect(res.body.fundingByFunder).toEqual(
      [funder2, funder1].map((funder) => ({
        funder: { id: funder.id, name: funder.name },
        ...expectedFunding(inA.filter((d) => d.funderId === funder.id)),
      })),
    );
    // Spelled out once, so a mistake in the helper above cannot hide one in the API.
    expect(res.body.fundingByPriorityArea[0]).toMatchObject({
      granted: '15000.55',
      paid: '8500.24',
      remaining: '6500.31',
      unknownAmounts: 0,
    });
    expect(res.body.fundingByPriorityArea[1]).toMatchObject({ granted: '0.10', paid: '0.10', unknownAmounts: 1 });

    const area = await dashboard(t.http, { priorityAreaId: areaY.id }).expect(200);
    expect(area.body.fundingByPriorityArea).toHaveLength(1);
    expect(area.body.fundingByFunder).toEqual(
      [funder2, funder1].map((funder) => ({
        funder: { id: funder.id, name: funder.name },
        ...expectedFunding(decisions.filter((d) => d.areaId === areaY.id && d.funderId === funder.id)),
      })),
    );
  });

  it('lists open milestones due soon and overdue, by due date, with their projects', async () => {
    const res = await dashboard(t.http, { agreementId: agreementA.id }).expect(200);
    expect(res.body.milestonesDueSoon.map((m: Json) => m.title)).toEqual(['soon-today', 'soon-5']);
    expect(res.body.overdueMilestones.map((m: Json) => m.title)).toEqual(['overdue-30', 'overdue-3']);
    expect(res.body.milestonesDueSoon[1]).toEqual({
      id: seededRecord(milestones, 'soon-5').id,
      title: 'soon-5',
      dueDate: addDays(today, 5),
      project: { id: project('A-1').id, code: 'A-1', name: 'Hanke A-1' },
    });

    const wider = await dashboard(t.http, { agreementId: agreementA.id, days: 60 }).expect(200);
    expect(wider.body.milestonesDueSoon.map((m: Json) => m.title)).toEqual(['soon-today', 'soon-5', 'later-40']);
  });

  it('lists running projects whose latest report is stale or missing, and the latest reports', async () => {
    const res = await dashboard(t.http, { agreementId: agreementA.id }).expect(200);
    // A-2 has no report; A-4's is 100 days old; A-1 reported 10 days ago; A-3 is completed.
    expect(res.body.projectsNeedingUpdate).toEqual([
      { project: { id: project('A-2').id, code: 'A-2', name: 'Hanke A-2' }, latestReportingDate: null },
      { project: { id: project('A-4').id, code: 'A-4', name: 'Hanke A-4' }, latestReportingDate: addDays(today, -100) },
    ]);
    const stricter = await dashboard(t.http, { agreementId: agreementA.id, staleAfterDays: 5 }).expect(200);
    expect(stricter.body.projectsNeedingUpdate.map((p: Json) => (p.project as Json).code)).toEqual([
      'A-2',
      'A-4',
      'A-1',
    ]);

    expect(res.body.latestReports.map((r: Json) => [(r.project as Json).code, r.reportingDate, r.health])).toEqual([
      ['A-1', addDays(today, -10), 'at_risk'],
      ['A-4', addDays(today, -100), 'on_track'],
      ['A-1', addDays(today, -200), 'on_track'],
      ['A-3', addDays(today, -300), 'off_track'],
    ]);
  });

  it('shows a coordinator only their own city, and another city’s agreement or area is not found', async () => {
    const coordinator = await t.as('coordinator', { cityId: id(cityA) });
    const res = await dashboard(coordinator).expect(200);
    expect(res.body.projectsByLifecycle).toEqual(expectedCounts((p) => p.agreementId !== agreementB.id).lifecycle);
    expect(res.body.fundingByFunder).toEqual(
      [funder2, funder1].map((funder) => ({
        funder: { id: funder.id, name: funder.name },
        ...expectedFunding(decisions.filter((d) => d.agreementId !== agreementB.id && d.funderId === funder.id)),
      })),
    );
    const titles = [...res.body.milestonesDueSoon, ...res.body.overdueMilestones].map((m: Json) => m.title);
    expect(titles).not.toContain('city-b-soon');
    expect(titles).not.toContain('city-b-overdue');
    expect(res.body.latestReports.map((r: Json) => (r.project as Json).code)).not.toContain('B-1');

    const leak = await dashboard(coordinator, { agreementId: agreementB.id }).expect(404);
    expect(leak.body.code).toBe('NOT_FOUND');
    await dashboard(coordinator, { priorityAreaId: areaB.id }).expect(404);
    await dashboard(coordinator, { agreementId: MISSING }).expect(404);
    // An area of another agreement than the one chosen is not found either.
    await dashboard(coordinator, { agreementId: agreementA.id, priorityAreaId: areaOther.id }).expect(404);

    const otherCity = await t.as('coordinator', { cityId: id(cityB) });
    const b = await dashboard(otherCity, { agreementId: agreementB.id }).expect(200);
    expect(b.body.fundingByFunder).toEqual([
      {
        funder: { id: funder1.id, name: funder1.name },
        granted: '999.99',
        paid: '1.00',
        remaining: '998.99',
        unknownAmounts: 0,
      },
    ]);
  });

  it('lets managers and liaisons read it, and refuses anonymous callers', async () => {
    const manager = await t.as('manager', { cityId: id(cityA) });
    const managerView = await dashboard(manager, { agreementId: agreementA.id }).expect(200);
    expect(managerView.body.projectsByLifecycle).toEqual(
      expectedCounts((p) => p.agreementId === agreementA.id).lifecycle,
    );
    await dashboard(manager, { agreementId: agreementB.id }).expect(404);

    const liaison = await t.as('liaison');
    const liaisonView = await dashboard(liaison, { agreementId: agreementB.id }).expect(200);
    expect(liaisonView.body.projectsByLifecycle).toEqual(
      expectedCounts((p) => p.agreementId === agreementB.id).lifecycle,
    );

    await t.anonymous.get('/api/dashboard').expect(401);
  });

  it('rejects bad parameters with field details', async () => {
    const res = await dashboard(t.http, { days: 366, staleAfterDays: 0, agreementId: 'nope' }).expect(400);
    expect(fieldsOf(res)).toEqual(['agreementId', 'days', 'staleAfterDays']);
    await dashboard(t.http, { days: 'abc' }).expect(400);
    await dashboard(t.http, { days: 365 }).expect(200);
  });

  it('uses a fixed number of statements whatever the size of the portfolio', async () => {
    const before = await countStatements(t, () => dashboard(t.http, { agreementId: agreementA.id }).expect(200));
    for (let i = 0; i < 5; i += 1) {
      const extra = await factory.newProject(t, { priorityAreaId: areaX.id });
      await factory.newStatusReport(t, { projectId: extra.id });
      await factory.newMilestone(t, { projectId: extra.id, dueDate: addDays(today, 3) });
    }
    const after = await countStatements(t, () => dashboard(t.http, { agreementId: agreementA.id }).expect(200));
    expect(after.count).toBe(before.count);
    expect(after.count).toBeLessThanOrEqual(10);
    const unfiltered = await countStatements(t, () => dashboard(t.http).expect(200));
    expect(unfiltered.count).toBeLessThanOrEqual(before.count);
  });

  /** The headline's figures, worked out from the rest of the same response (the tables below it). */
  function headlineFromTables(body: Json) {
    const lifecycle = body.projectsByLifecycle as Array<{ lifecycleStatus: string; count: number }>;
    const health = body.projectsByHealth as Array<{ health: string; count: number }>;
    const funders = body.fundingByFunder as FundingItem[];
    const rounds = (body.openRounds as Array<{ progress: Record<string, number> }>).map((round) => round.progress);
    const sum = (rows: FundingItem[], key: 'granted' | 'paid' | 'remaining') =>
      euros(rows.reduce((total, row) => total + cents(row[key]), 0n));
    return {
      activeProjects: lifecycle.find((row) => row.lifecycleStatus === 'active')!.count,
      atRisk: health.find((row) => row.health === 'at_risk')!.count,
      offTrack: health.find((row) => row.health === 'off_track')!.count,
      funding: {
        granted: sum(funders, 'granted'),
        paid: sum(funders, 'paid'),
        remaining: sum(funders, 'remaining'),
        unknownAmounts: funders.reduce((total, row) => total + row.unknownAmounts, 0),
      },
      reportsOutstanding: rounds.reduce((total, p) => total + p.owed! + p.draft! + p.returned!, 0),
      reportsOverdue: rounds.reduce((total, p) => total + p.overdue!, 0),
    };
  }

  it('heads the dashboard with figures that equal its own tables', async () => {
    for (const query of [
      {},
      { agreementId: agreementA.id },
      { priorityAreaId: areaY.id },
      { agreementId: agreementB.id },
    ]) {
      const res = await dashboard(t.http, query).expect(200);
      expect(res.body.headline).toMatchObject(headlineFromTables(res.body));
      expect(res.body.headline.overdueMilestones).toBe(res.body.overdueMilestones.length);
      expect(res.body.headline.milestonesDueSoon).toBe(res.body.milestonesDueSoon.length);
    }
    // Spelled out once for agreement A (the agreement-level decision counts, the rejected one not).
    const a = await dashboard(t.http, { agreementId: agreementA.id }).expect(200);
    expect(a.body.headline).toMatchObject({
      activeProjects: 2,
      atRisk: 1,
      offTrack: 1,
      funding: { ...expectedFunding(decisions.filter((d) => d.agreementId === agreementA.id)) },
      overdueMilestones: 2,
    });
    expect(a.body.headline.funding.granted).toBe('18000.65');
    // Nothing granted in a new agreement: zeros, not a missing figure.
    const empty = await factory.newAgreement(t, { cityId: cityA.id });
    const none = await dashboard(t.http, { agreementId: empty.id }).expect(200);
    expect(none.body.headline).toEqual({
      activeProjects: 0,
      atRisk: 0,
      offTrack: 0,
      funding: { granted: '0.00', paid: '0.00', remaining: '0.00', unknownAmounts: 0 },
      overdueMilestones: 0,
      milestonesDueSoon: 0,
      reportsOutstanding: 0,
      reportsOverdue: 0,
    });
  });

  it('counts every overdue milestone and every report owed, beyond the 50 listed', async () => {
    const agreement = await factory.newAgreement(t, { cityId: cityA.id });
    const area = await factory.newPriorityArea(t, { agreementId: agreement.id, nameFi: 'E Paljon' });
    const late = await factory.newProject(t, { priorityAreaId: area.id, lifecycleStatus: 'active' });
    const overdue = 53;
    for (let i = 0; i < overdue; i += 1) {
      await factory.newMilestone(t, { projectId: late.id, dueDate: addDays(today, -1 - (i % 20)) });
    }
    await factory.newMilestone(t, { projectId: late.id, dueDate: addDays(today, -5), status: 'done' });
    await factory.postCreated(t, '/api/reporting-rounds', {
      agreementId: agreement.id,
      period: '2025',
      dueDate: addDays(today, 30),
    });

    const res = await dashboard(t.http, { agreementId: agreement.id }).expect(200);
    expect(res.body.overdueMilestones).toHaveLength(50);
    expect(res.body.headline.overdueMilestones).toBe(overdue);
    // Counted from the kept monthly counts for an agreement, from the milestones for an area: the same.
    const byArea = await dashboard(t.http, { priorityAreaId: area.id }).expect(200);
    expect(byArea.body.headline.overdueMilestones).toBe(overdue);
    expect(res.body.openRounds).toHaveLength(1);
    expect(res.body.headline).toMatchObject({
      ...headlineFromTables(res.body),
      reportsOutstanding: 1,
      activeProjects: 1,
    });
    // The same statements as before: the counts ride along with the lists.
    const statements = await countStatements(t, () => dashboard(t.http, { agreementId: agreement.id }).expect(200));
    expect(statements.count).toBeLessThanOrEqual(10);
  });
});
