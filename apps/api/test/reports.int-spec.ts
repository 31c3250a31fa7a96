import { addDays, today } from './support/dates';
import * as factory from './support/factories';
import { cents, euros, sumCents } from './support/money';
import { countStatements, useTestApp } from './support/test-app';
import { fieldsOf, type Json, UNKNOWN_ID as MISSING } from './support/values';

/**
 * The reports. Every expected figure is computed here, in plain TypeScript, from the rows the
 * test seeded (never by running the report's SQL again); money in exact cents (bigint).
 * The main period is 2024 (in the past, so asOf = to = 2024-12-31 whatever today is).
 */
const FROM = '2024-01-01';
const TO = '2024-12-31';
const id = (record: Json): string => record.id as string;

interface SeededProject {
  key: string;
  id: string;
  agreementId: string;
  areaId: string;
  lifecycleStatus: string;
  reports: Array<{ reportingDate: string; health: string; summary: string; risks: string | null; order: number }>;
}

interface SeededDecision {
  agreementId: string;
  areaId: string | null;
  funderId: string;
  funderName: string;
  instrument: string;
  status: 'applied' | 'granted' | 'amended' | 'rejected' | 'withdrawn';
  decisionDate: string | null;
  amountGranted: string | null;
  payments: Array<{ paidOn: string; amount: string }>;
}

interface SeededMilestone {
  title: string;
  agreementId: string;
  dueDate: string;
  status: string;
  completedOn: string | null;
}

interface Figures {
  granted: string;
  paid: string;
  paidInPeriod: string;
  remaining: string;
  unknownAmounts: number;
}

/** The funding definitions, written out independently of the SQL. */
function expectedFigures(decisions: SeededDecision[], from: string, to: string): Figures {
  const counted = decisions.filter(
    (d) => (d.status === 'granted' || d.status === 'amended') && (d.decisionDate === null || d.decisionDate <= to),
  );
  const granted = sumCents(counted.map((d) => (d.amountGranted ? cents(d.amountGranted) : 0n)));
  const payments = counted.flatMap((d) => d.payments);
  const paid = sumCents(payments.filter((p) => p.paidOn <= to).map((p) => cents(p.amount)));
  const paidInPeriod = sumCents(payments.filter((p) => p.paidOn >= from && p.paidOn <= to).map((p) => cents(p.amount)));
  return {
    granted: euros(granted),
    paid: euros(paid),
    paidInPeriod: euros(paidInPeriod),
    remaining: euros(granted - paid),
    unknownAmounts: counted.filter((d) => d.amountGranted === null).length,
  };
}

/** Adds figures (to prove that totals are the sums of their rows). */
function addFigures(items: Figures[]): Figures {
  const sum = (key: 'granted' | 'paid' | 'paidInPeriod' | 'remaining') =>
    euros(sumCents(items.map((item) => cents(item[key]))));
  return {
    granted: sum('granted'),
    paid: sum('paid'),
    paidInPeriod: sum('paidInPeriod'),
    remaining: sum('remaining'),
    unknownAmounts: items.reduce((n, item) => n + item.unknownAmounts, 0),
  };
}

const pickFigures = (item: Json): Figures => ({
  granted: item.granted as string,
  paid: item.paid as string,
  paidInPeriod: item.paidInPeriod as string,
  remaining: item.remaining as string,
  unknownAmounts: item.unknownAmounts as number,
});

describe('reports API', () => {
  const t = useTestApp();
  let kuopio: Json;
  let oulu: Json;
  let agreementA: Json;
  let agreementB: Json;
  let areaWater: Json;
  let areaHealth: Json;
  let areaEmpty: Json;
  let areaB: Json;
  let funder1: Json;
  let funder2: Json;
  const projects: SeededProject[] = [];
  const decisions: SeededDecision[] = [];
  const milestones: SeededMilestone[] = [];
  let reportOrder = 0;
  const project = (key: string): SeededProject => {
    const found = projects.find((p) => p.key === key);
    if (!found) throw new Error(`no project ${key}`);
    return found;
  };

  beforeAll(async () => {
    kuopio = await factory.newOrganisation(t, { kind: 'city', name: 'Kuopion kaupunki' });
    oulu = await factory.newOrganisation(t, { kind: 'city', name: 'Oulun kaupunki' });
    agreementA = await factory.newAgreement(t, { cityId: kuopio.id, title: 'Kuopion ekosysteemisopimus' });
    agreementB = await factory.newAgreement(t, { cityId: oulu.id, title: 'Oulun ekosysteemisopimus' });
    areaWater = await factory.newPriorityArea(t, { agreementId: agreementA.id, nameFi: 'A Vesi', nameEn: 'Water' });
    areaHealth = await factory.newPriorityArea(t, { agreementId: agreementA.id, nameFi: 'B Terveys' });
    areaEmpty = await factory.newPriorityArea(t, { agreementId: agreementA.id, nameFi: 'C Tyhjä' });
    areaB = await factory.newPriorityArea(t, { agreementId: agreementB.id, nameFi: 'Oulun painopiste' });
    funder1 = await factory.newOrganisation(t, { kind: 'ministry', name: 'Rahoittaja Yksi' });
    funder2 = await factory.newOrganisation(t, { kind: 'city', name: 'Rahoittaja Kaksi' });

    const seedProject = async (
      key: string,
      agreement: Json,
      area: Json,
      kind: string,
      lifecycleStatus: string,
      reports: Array<{ reportingDate: string; health: string; risks?: string }>,
    ) => {
      const created = await factory.newProject(t, {
        code: key,
        name: `Hanke ${key}`,
        kind,
        priorityAreaId: area.id,
        lifecycleStatus: lifecycleStatus === 'planned' ? 'planned' : 'active',
      });
      if (lifecycleStatus !== 'planned' && lifecycleStatus !== 'active') {
        await t.http
          .patch(`/api/projects/${id(created)}`)
          .send({ lifecycleStatus, version: created.version })
          .expect(200);
      }
      const seeded: SeededProject = {
        key,
        id: id(created),
        agreementId: id(agreement),
        areaId: id(area),
        lifecycleStatus,
        reports: [],
      };
      for (const report of reports) {
        const summary = `${key} ${report.reportingDate} ${report.health}`;
        await factory.newStatusReport(t, { projectId: seeded.id, summary, risks: report.risks ?? null, ...report });
        seeded.reports.push({ ...report, summary, risks: report.risks ?? null, order: ++reportOrder });
      }
      projects.push(seeded);
    };
    await seedProject('A-1', agreementA, areaWater, 'launch', 'active', [
      { reportingDate: '2023-11-30', health: 'on_track' },
      { reportingDate: '2024-06-30', health: 'at_risk', risks: 'Toimittaja myöhässä' },
      { reportingDate: '2025-02-01', health: 'off_track' },
    ]);
    await seedProject('A-2', agreementA, areaWater, 'other', 'planned', [
      { reportingDate: '2024-01-01', health: 'on_track' },
      { reportingDate: '2024-12-31', health: 'off_track' },
    ]);
    await seedProject('A-3', agreementA, areaHealth, 'other', 'on_hold', [
      { reportingDate: '2025-01-01', health: 'on_track' },
    ]);
    await seedProject('A-4', agreementA, areaHealth, 'other', 'completed', [
      { reportingDate: addDays(today, -1), health: 'on_track' },
    ]);
    await seedProject('B-1', agreementB, areaB, 'launch', 'active', [
      { reportingDate: '2024-05-05', health: 'at_risk' },
    ]);

    const seedDecision = async (
      agreement: Json,
      projectKey: string | null,
      funder: Json,
      instrument: string,
      status: SeededDecision['status'],
      decisionDate: string | null,
      amountGranted: string | null,
      payments: Array<{ paidOn: string; amount: string }>,
    ) => {
      const decision = await factory.newFundingDecision(t, {
        agreementId: agreement.id,
        projectId: projectKey ? project(projectKey).id : null,
        funderId: funder.id,
        instrument,
        status: status === 'applied' || status === 'rejected' ? 'applied' : 'granted',
        decisionDate,
        amountGranted,
      });
      for (const payment of payments) await factory.newPayment(t, { fundingDecisionId: decision.id, ...payment });
      if (status === 'amended' || status === 'rejected' || status === 'withdrawn') {
        await t.http
          .patch(`/api/funding-decisions/${id(decision)}`)
          .send({ status, version: decision.version })
          .expect(200);
      }
      decisions.push({
        agreementId: id(agreement),
        areaId: projectKey ? project(projectKey).areaId : null,
        funderId: id(funder),
        funderName: funder.name as string,
        instrument,
        status,
        decisionDate,
        amountGranted,
        payments,
      });
    };
    // Payments before, on both edges of and after the period; decisions dated on `to` and after it.
    await seedDecision(agreementA, 'A-1', funder1, 'erdf', 'granted', '2023-05-01', '10000.50', [
      { paidOn: '2023-12-31', amount: '2500.25' },
      { paidOn: '2024-01-01', amount: '1000.00' },
      { paidOn: '2025-01-01', amount: '500.00' },
    ]);
    await seedDecision(agreementA, 'A-1', funder1, 'akke', 'amended', '2024-12-31', '5000.05', [
      { paidOn: '2024-12-31', amount: '4999.99' },
    ]);
    await seedDecision(agreementA, 'A-1', funder2, 'erdf', 'granted', '2025-01-01', '7000.00', [
      { paidOn: '2025-01-02', amount: '100.00' },
    ]);
    await seedDecision(agreementA, 'A-1', funder1, 'erdf', 'rejected', '2024-02-01', '800.00', []);
    await seedDecision(agreementA, 'A-2', funder2, 'city_co_funding', 'applied', '2024-02-01', '900.00', []);
    await seedDecision(agreementA, 'A-2', funder1, 'erdf', 'granted', '2024-03-01', null, []);
    await seedDecision(agreementA, 'A-2', funder2, 'city_co_funding', 'withdrawn', '2024-03-01', '400.00', [
      { paidOn: '2024-04-01', amount: '40.00' },
    ]);
    await seedDecision(agreementA, 'A-3', funder2, 'city_co_funding', 'granted', '2024-02-02', '0.10', [
      { paidOn: '2024-02-02', amount: '0.10' },
    ]);
    await seedDecision(agreementA, 'A-3', funder1, 'akke', 'granted', null, '250.00', [
      { paidOn: '2024-05-05', amount: '50.00' },
    ]);
    await seedDecision(agreementA, null, funder2, 'akke', 'granted', '2021-02-04', '3000.00', [
      { paidOn: '2022-01-01', amount: '1000.00' },
      { paidOn: '2024-07-01', amount: '500.00' },
    ]);
    await seedDecision(agreementB, 'B-1', funder1, 'erdf', 'granted', '2024-01-01', '999.99', [
      { paidOn: '2024-01-31', amount: '1.00' },
    ]);

    const seedMilestone = async (
      title: string,
      projectKey: string,
      dueDate: string,
      status = 'planned',
      completedOn?: string,
    ) => {
      const p = project(projectKey);
      await factory.newMilestone(t, {
        projectId: p.id,
        title,
        dueDate,
        status,
        ...(completedOn ? { completedOn } : {}),
      });
      milestones.push({ title, agreementId: p.agreementId, dueDate, status, completedOn: completedOn ?? null });
    };
    await seedMilestone('done-in-period', 'A-1', '2024-03-01', 'done', '2024-02-20');
    await seedMilestone('done-on-from', 'A-1', '2023-10-01', 'done', '2024-01-01');
    await seedMilestone('done-before', 'A-1', '2023-12-31', 'done', '2023-12-31');
    await seedMilestone('due-on-to', 'A-2', '2024-12-31');
    await seedMilestone('due-on-from-open', 'A-2', '2024-01-01', 'in_progress');
    await seedMilestone('overdue-long', 'A-3', '2023-06-30');
    await seedMilestone('done-after-period', 'A-3', '2024-05-01', 'done', '2025-01-15');
    await seedMilestone('cancelled', 'A-1', '2024-06-01', 'cancelled');
    await seedMilestone('due-next-year', 'A-1', '2025-03-01');
    await seedMilestone('oulu-due', 'B-1', '2024-02-01');
  });

  const report = (agent = t.http, agreementId = id(agreementA), query: Json = { from: FROM, to: TO }) =>
    agent.get(`/api/reports/agreements/${agreementId}`).query(query);
  const national = (agent = t.http, query: Json = { from: FROM, to: TO }) =>
    agent.get('/api/reports/national').query(query);

  /** A project's latest report with a reporting date ≤ to (latest date, then latest written). */
  const latestUpTo = (p: SeededProject, to: string) =>
    [...p.reports]
      .filter((r) => r.reportingDate <= to)
      .sort((a, b) => b.reportingDate.localeCompare(a.reportingDate) || b.order - a.order)[0] ?? null;

  const healthMix = (chosen: SeededProject[], to: string) =>
    ['on_track', 'at_risk', 'off_track', 'none'].map((health) => ({
      health,
      count: chosen.filter((p) => (latestUpTo(p, to)?.health ?? 'none') === health).length,
    }));

  /** Overdue as of a day: due before it, not cancelled, not completed by it. */
  const overdueAsOf = (m: SeededMilestone, day: string) =>
    m.dueDate < day && m.status !== 'cancelled' && (m.completedOn === null || m.completedOn > day);

  it('reports the agreement and period, and per priority area its projects with their latest report as of `to`', async () => {
    const res = await report().expect(200);
    expect(res.body.agreement).toEqual({
      id: agreementA.id,
      title: 'Kuopion ekosysteemisopimus',
      validFrom: agreementA.validFrom,
      validTo: agreementA.validTo,
      city: { id: kuopio.id, name: 'Kuopion kaupunki' },
    });
    expect(res.body.period).toEqual({ from: FROM, to: TO, asOf: TO, today });
    expect(res.body.priorityAreas.map((a: Json) => a.nameFi)).toEqual(['A Vesi', 'B Terveys', 'C Tyhjä']);

    for (const area of res.body.priorityAreas as Json[]) {
      const seeded = projects.filter((p) => p.areaId === area.id).sort((a, b) => a.key.localeCompare(b.key));
      expect(area.projectsByHealth).toEqual(healthMix(seeded, TO));
      expect(area.projects).toEqual(
        seeded.map((p) => {
          const latest = latestUpTo(p, TO);
          return {
            id: p.id,
            code: p.key,
            name: `Hanke ${p.key}`,
            kind: p.key === 'A-1' ? 'launch' : 'other',
            // As at the end of the period: the stage its latest report up to then recorded, else
            // the stage it was created with (the seed changes stages today, after the period).
            lifecycleStatus: latest ? p.lifecycleStatus : p.lifecycleStatus === 'planned' ? 'planned' : 'active',
            latestReport: latest && {
              id: expect.any(String),
              reportingDate: latest.reportingDate,
              health: latest.health,
              summary: latest.summary,
              risks: latest.risks,
            },
          };
        }),
      );
    }
    // Spelled out: A-1's 2025 report is after `to`; A-2's report dated exactly on `to` counts.
    const water = res.body.priorityAreas[0];
    expect(water.projects[0].latestReport).toMatchObject({
      reportingDate: '2024-06-30',
      health: 'at_risk',
      risks: 'Toimittaja myöhässä',
    });
    expect(water.projects[1].latestReport).toMatchObject({ reportingDate: '2024-12-31', health: 'off_track' });
    expect(res.body.priorityAreas[1].projects[0].latestReport).toBeNull();
    expect(res.body.priorityAreas[2]).toMatchObject({
      id: areaEmpty.id,
      projects: [],
      funding: {
        rows: [],
        total: { granted: '0.00', paid: '0.00', paidInPeriod: '0.00', remaining: '0.00', unknownAmounts: 0 },
      },
    });
  });

  it("shows each project's stage as it was at the end of the period, not today's", async () => {
    const stageOf = async (query: string, key: string): Promise<unknown> => {
      const res = await t.http.get(`/api/reports/agreements/${id(agreementA)}?${query}`).expect(200);
      const all = (res.body.priorityAreas as Array<{ projects: Json[] }>).flatMap((a) => a.projects);
      return all.find((p) => p.code === key)?.lifecycleStatus;
    };
    // A-3 was created active and put on hold today: on hold this year, active at the end of 2024.
    expect(await stageOf(`from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`, 'A-3')).toBe('on_hold');
    expect(await stageOf('from=2024-01-01&to=2024-12-31', 'A-3')).toBe('active');
    // A status report records the stage as at its reporting date: A-4's report of yesterday says
    // completed, and a period ending yesterday shows it so although the change was made today.
    expect(await stageOf(`from=${addDays(today, -1)}&to=${addDays(today, -1)}`, 'A-4')).toBe('completed');
    expect(await stageOf(`from=${addDays(today, -2)}&to=${addDays(today, -2)}`, 'A-4')).toBe('active');
  });

  it('sums funding by funder and instrument per priority area and overall, with totals that add up', async () => {
    const res = await report().expect(200);
    const inA = decisions.filter((d) => d.agreementId === agreementA.id);
    /** The expected rows of a set of decisions: one per funder and instrument with a counted decision. */
    const expectedRows = (set: SeededDecision[]) => {
      const counted = set.filter(
        (d) => (d.status === 'granted' || d.status === 'amended') && (d.decisionDate === null || d.decisionDate <= TO),
      );
      const keys = [...new Set(counted.map((d) => `${d.funderName}|${d.funderId}|${d.instrument}`))];
      const order = ['akke', 'erdf', 'city_co_funding', 'business_finland', 'other'];
      keys.sort((a, b) => {
        const [na, , ia] = a.split('|') as [string, string, string];
        const [nb, , ib] = b.split('|') as [string, string, string];
        return na.localeCompare(nb) || order.indexOf(ia) - order.indexOf(ib);
      });
      return keys.map((key) => {
        const [name, funderId, instrument] = key.split('|') as [string, string, string];
        const group = set.filter((d) => d.funderId === funderId && d.instrument === instrument);
        return { funder: { id: funderId, name }, instrument, ...expectedFigures(group, FROM, TO) };
      });
    };

    for (const area of res.body.priorityAreas as Json[]) {
      const set = inA.filter((d) => d.areaId === area.id);
      const funding = area.funding as { rows: Json[]; total: Json };
      expect(funding.rows).toEqual(expectedRows(set));
      expect(funding.total).toEqual(expectedFigures(set, FROM, TO));
      expect(funding.total).toEqual(addFigures(funding.rows.map(pickFigures)));
    }
    const wide = inA.filter((d) => d.areaId === null);
    expect(res.body.agreementWideFunding.rows).toEqual(expectedRows(wide));
    expect(res.body.agreementWideFunding.total).toEqual(expectedFigures(wide, FROM, TO));

    expect(res.body.funding.rows).toEqual(expectedRows(inA));
    expect(res.body.funding.total).toEqual(expectedFigures(inA, FROM, TO));
    // Totals add up both ways: the overall rows, and the areas' plus the agreement-wide totals.
    expect(res.body.funding.total).toEqual(addFigures(res.body.funding.rows.map(pickFigures)));
    expect(res.body.funding.total).toEqual(
      addFigures([
        ...res.body.priorityAreas.map((a: Json) => pickFigures((a.funding as Json).total as Json)),
        pickFigures(res.body.agreementWideFunding.total),
      ]),
    );

    // Spelled out once, so a mistake in the helpers above cannot hide one in the API. Counted:
    // 10000.50 (paid 2500.25 + 1000.00 by `to`; 1000.00 in the period), 5000.05 dated on `to`
    // (4999.99 paid on `to`), the unknown amount, 0.10 (0.10), the undated 250.00 (50.00), the
    // agreement-wide 3000.00 (1000.00 + 500.00, 500.00 in the period). Not counted: the decision
    // dated after `to`, the rejected, applied and withdrawn ones, and payments after `to`.
    expect(res.body.funding.total).toEqual({
      granted: '18250.65',
      paid: '10050.34',
      paidInPeriod: '6550.09',
      remaining: '8200.31',
      unknownAmounts: 1,
    });
    expect(res.body.priorityAreas[0].funding.rows).toEqual([
      expect.objectContaining({
        funder: { id: funder1.id, name: 'Rahoittaja Yksi' },
        instrument: 'akke',
        granted: '5000.05',
      }),
      expect.objectContaining({
        funder: { id: funder1.id, name: 'Rahoittaja Yksi' },
        instrument: 'erdf',
        granted: '10000.50',
        paid: '3500.25',
        paidInPeriod: '1000.00',
        remaining: '6500.25',
        unknownAmounts: 1,
      }),
    ]);

    // A later `to` brings in the 2025 decision and payments.
    const later = await report(t.http, id(agreementA), { from: FROM, to: '2025-12-31' }).expect(200);
    expect(later.body.funding.total).toEqual(expectedFigures(inA, FROM, '2025-12-31'));
    expect(later.body.funding.total.granted).toBe('25250.65');
  });

  it('lists milestones completed and due in the period, and overdue as of min(to, today), with inclusive edges', async () => {
    const res = await report().expect(200);
    const inA = milestones.filter((m) => m.agreementId === agreementA.id);
    const titles = (list: Json[]) => list.map((m) => m.title).sort();
    expect(titles(res.body.milestones.completed)).toEqual(
      inA
        .filter((m) => m.status === 'done' && m.completedOn! >= FROM && m.completedOn! <= TO)
        .map((m) => m.title)
        .sort(),
    );
    expect(titles(res.body.milestones.due)).toEqual(
      inA
        .filter(
          (m) =>
            m.dueDate >= FROM &&
            m.dueDate <= TO &&
            m.status !== 'cancelled' &&
            (m.completedOn === null || m.completedOn > TO),
        )
        .map((m) => m.title)
        .sort(),
    );
    expect(titles(res.body.milestones.overdue)).toEqual(
      inA
        .filter((m) => overdueAsOf(m, TO))
        .map((m) => m.title)
        .sort(),
    );
    // Spelled out, in the API's order.
    expect(res.body.milestones.completed.map((m: Json) => m.title)).toEqual(['done-on-from', 'done-in-period']);
    expect(res.body.milestones.due.map((m: Json) => [m.title, m.overdue])).toEqual([
      ['due-on-from-open', true],
      ['done-after-period', true],
      ['due-on-to', false],
    ]);
    expect(res.body.milestones.overdue.map((m: Json) => m.title)).toEqual([
      'overdue-long',
      'due-on-from-open',
      'done-after-period',
    ]);
    expect(res.body.milestones.completed[0]).toEqual({
      id: expect.any(String),
      title: 'done-on-from',
      dueDate: '2023-10-01',
      status: 'done',
      completedOn: '2024-01-01',
      overdue: false,
      project: { id: project('A-1').id, code: 'A-1', name: 'Hanke A-1' },
      priorityAreaId: areaWater.id,
    });

    // With `to` in the future, "overdue" is judged today: what was done since no longer is.
    const current = await report(t.http, id(agreementA), { from: FROM, to: addDays(today, 30) }).expect(200);
    expect(current.body.period.asOf).toBe(today);
    expect(titles(current.body.milestones.overdue)).toEqual(
      inA
        .filter((m) => overdueAsOf(m, today))
        .map((m) => m.title)
        .sort(),
    );
    expect(titles(current.body.milestones.overdue)).not.toContain('done-after-period');
  });

  it('lists the status narratives reported in the period, newest first', async () => {
    const res = await report().expect(200);
    const expected = projects
      .filter((p) => p.agreementId === agreementA.id)
      .flatMap((p) => p.reports.map((r) => ({ ...r, p })))
      .filter((r) => r.reportingDate >= FROM && r.reportingDate <= TO)
      .sort((a, b) => b.reportingDate.localeCompare(a.reportingDate) || b.order - a.order);
    expect(
      res.body.narratives.map((n: Json) => [(n.project as Json).code, n.reportingDate, n.health, n.summary]),
    ).toEqual(expected.map((r) => [r.p.key, r.reportingDate, r.health, r.summary]));
    expect(res.body.narratives.map((n: Json) => n.reportingDate)).toEqual(['2024-12-31', '2024-06-30', '2024-01-01']);
    expect(res.body.narratives[1]).toMatchObject({
      risks: 'Toimittaja myöhässä',
      lifecycleStatus: 'active',
      priorityAreaId: areaWater.id,
      author: expect.any(String),
    });
  });

  it('defaults to the current calendar year, or the rest of the year of the one end given', async () => {
    const year = today.slice(0, 4);
    const res = await t.http.get(`/api/reports/agreements/${id(agreementA)}`).expect(200);
    expect(res.body.period).toEqual({ from: `${year}-01-01`, to: `${year}-12-31`, asOf: today, today });
    const fromOnly = await report(t.http, id(agreementA), { from: '2024-06-01' }).expect(200);
    expect(fromOnly.body.period).toMatchObject({ from: '2024-06-01', to: '2024-12-31' });
    const toOnly = await report(t.http, id(agreementA), { to: '2023-03-31' }).expect(200);
    expect(toOnly.body.period).toMatchObject({ from: '2023-01-01', to: '2023-03-31', asOf: '2023-03-31' });
    const oneDay = await report(t.http, id(agreementA), { from: '2024-12-31', to: '2024-12-31' }).expect(200);
    expect(oneDay.body.narratives.map((n: Json) => n.reportingDate)).toEqual(['2024-12-31']);
  });

  it('rejects bad periods with details by field', async () => {
    const bad = await report(t.http, id(agreementA), { from: '2024-02-30', to: 'yesterday' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(bad)).toEqual(['from', 'to']);

    const reversed = await report(t.http, id(agreementA), { from: '2024-05-02', to: '2024-05-01' }).expect(400);
    expect(reversed.body.details).toEqual({ to: ['to must be on or after from'] });
    expect(reversed.body.problems).toEqual({ to: [{ code: 'dateOrder' }] });

    const tooLong = await report(t.http, id(agreementA), { from: '2020-01-01', to: '2030-01-01' }).expect(400);
    expect(fieldsOf(tooLong)).toEqual(['to']);
    expect(tooLong.body.problems).toEqual({ to: [{ code: 'periodTooLong', params: { max: 10 } }] });
    await report(t.http, id(agreementA), { from: '2020-01-01', to: '2029-12-31' }).expect(200);

    const nationalBad = await national(t.http, { from: '2024-01-01', to: '2023-12-31', staleAfterDays: 0 }).expect(400);
    expect(fieldsOf(nationalBad)).toEqual(['staleAfterDays', 'to']);
    await national(t.http, { extra: 1 }).expect(400);
    const badId = await t.http.get('/api/reports/agreements/nope').expect(400);
    expect(badId.body.code).toBe('VALIDATION_FAILED');
  });

  it('puts every agreement side by side in the national view, with totals that add up', async () => {
    const res = await national().expect(200);
    expect(res.body.period).toEqual({ from: FROM, to: TO, asOf: TO, today });
    expect(res.body.staleAfterDays).toBe(90);
    const expectedRow = (agreement: Json, city: Json) => {
      const own = projects.filter((p) => p.agreementId === agreement.id);
      const running = ['planned', 'active', 'on_hold'];
      const needing = own.filter((p) => {
        const latest = latestUpTo(p, '9999-12-31');
        return running.includes(p.lifecycleStatus) && (latest === null || latest.reportingDate < addDays(today, -90));
      });
      return {
        agreement: { id: agreement.id, title: agreement.title },
        city: { id: city.id, name: city.name },
        projects: own.length,
        projectsByHealth: healthMix(own, TO),
        overdueMilestones: milestones.filter((m) => m.agreementId === agreement.id && overdueAsOf(m, TO)).length,
        projectsNeedingUpdate: needing.length,
        ...expectedFigures(
          decisions.filter((d) => d.agreementId === agreement.id),
          FROM,
          TO,
        ),
      };
    };
    const rows = [expectedRow(agreementA, kuopio), expectedRow(agreementB, oulu)];
    expect(res.body.agreements).toEqual(rows);
    // Spelled out: run with reports older than 90 days (A-4 is completed).
    expect(res.body.agreements[0]).toMatchObject({ projects: 4, projectsNeedingUpdate: 3, overdueMilestones: 3 });

    const totals = res.body.totals;
    expect(pickFigures(totals)).toEqual(addFigures(rows.map((r) => pickFigures(r as unknown as Json))));
    expect(totals.projects).toBe(rows.reduce((n, r) => n + r.projects, 0));
    expect(totals.overdueMilestones).toBe(rows.reduce((n, r) => n + r.overdueMilestones, 0));
    expect(totals.projectsNeedingUpdate).toBe(rows.reduce((n, r) => n + r.projectsNeedingUpdate, 0));
    expect(totals.projectsByHealth).toEqual(healthMix(projects, TO));

    // The national row agrees with the agreement's own report.
    const own = await report().expect(200);
    expect(pickFigures(res.body.agreements[0])).toEqual(own.body.funding.total);

    // The dashboard's stale-after setting: 10000 days would be out of range, 3650 takes in every report.
    const lenient = await national(t.http, { from: FROM, to: TO, staleAfterDays: 3650 }).expect(200);
    expect(lenient.body.agreements[0].projectsNeedingUpdate).toBe(0);
  });

  it('keeps coordinators and managers to their city: another city’s agreement is not found', async () => {
    const manager = await t.as('manager', { cityId: id(kuopio) });
    await report(manager).expect(200);
    const leak = await report(manager, id(agreementB)).expect(404);
    expect(leak.body.code).toBe('NOT_FOUND');
    await report(manager, MISSING).expect(404);
    const view = await national(manager).expect(200);
    expect(view.body.agreements.map((row: Json) => (row.city as Json).name)).toEqual(['Kuopion kaupunki']);
    expect(view.body.totals.granted).toBe(view.body.agreements[0].granted);
    expect(view.body.totals.projects).toBe(4);

    const ouluCoordinator = await t.as('coordinator', { cityId: id(oulu) });
    await report(ouluCoordinator).expect(404);
    const b = await report(ouluCoordinator, id(agreementB)).expect(200);
    expect(b.body.funding.total).toEqual({
      granted: '999.99',
      paid: '1.00',
      paidInPeriod: '1.00',
      remaining: '998.99',
      unknownAmounts: 0,
    });
    expect(b.body.milestones.overdue.map((m: Json) => m.title)).toEqual(['oulu-due']);

    const liaison = await t.as('liaison');
    const all = await national(liaison).expect(200);
    expect(all.body.agreements.map((row: Json) => (row.agreement as Json).id)).toEqual([agreementA.id, agreementB.id]);
    await report(liaison, id(agreementB)).expect(200);
    await t.anonymous.get('/api/reports/national').expect(401);
  });

  it('uses a fixed number of statements whatever the size of the portfolio', async () => {
    const before = await countStatements(t, () => report().expect(200));
    const nationalBefore = await countStatements(t, () => national().expect(200));
    for (let i = 0; i < 4; i += 1) {
      const extra = await factory.newProject(t, { priorityAreaId: areaHealth.id });
      await factory.newStatusReport(t, { projectId: extra.id, reportingDate: '2024-03-03' });
      await factory.newMilestone(t, { projectId: extra.id, dueDate: '2024-04-04' });
      const decision = await factory.newFundingDecision(t, {
        agreementId: agreementA.id,
        projectId: extra.id,
        funderId: funder1.id,
        decisionDate: '2024-01-01',
      });
      await factory.newPayment(t, { fundingDecisionId: decision.id, paidOn: '2024-06-06' });
      await factory.newAgreement(t, { cityId: kuopio.id });
    }
    const after = await countStatements(t, () => report().expect(200));
    expect(after.count).toBe(before.count);
    expect(after.count).toBeLessThanOrEqual(5);
    const nationalAfter = await countStatements(t, () => national().expect(200));
    expect(nationalAfter.count).toBe(nationalBefore.count);
    expect(nationalAfter.count).toBeLessThanOrEqual(1);
  });
});
