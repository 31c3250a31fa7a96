import type TestAgent from 'supertest/lib/agent';
import { isoWeekOf } from '@salkku/shared';
import { ReportingRoundsProducer } from '../src/modules/reporting-rounds/reporting-rounds.producer';
import { addDays, today } from './support/dates';
import * as factory from './support/factories';
import { signedInUser, useTestApp, type TestApp } from './support/test-app';
import type { Json } from './support/values';

/**
 * Reporting rounds end to end over HTTP on a real database: opening a round, the one-form save of
 * a period report, the review workflow by role, progress and overdue, the notices each step and
 * the scheduled producer write, and the frozen report of a closed round.
 */

interface OutboxRow {
  kind: string;
  userId: string;
  language: string;
  params: Json;
  dedupeKey: string;
}

async function outbox(t: TestApp, kind?: string): Promise<OutboxRow[]> {
  return t.dataSource.query<OutboxRow[]>(
    `SELECT kind, user_id AS "userId", language, params, dedupe_key AS "dedupeKey" FROM mail_outbox
     WHERE ($1::text IS NULL OR kind::text = $1) ORDER BY dedupe_key`,
    [kind ?? null],
  );
}

/** A period report's state straight from the database. */
async function reportRow(t: TestApp, id: string): Promise<Json> {
  const [row] = await t.dataSource.query<Json[]>(
    'SELECT status, version, health, achievements FROM period_reports WHERE id = $1',
    [id],
  );
  return row!;
}

const problemsOf = (res: { body: { problems?: Record<string, Array<{ code: string }>> } }): Record<string, string[]> =>
  Object.fromEntries(Object.entries(res.body.problems ?? {}).map(([field, list]) => [field, list.map((p) => p.code)]));

describe('reporting rounds', () => {
  const t = useTestApp();
  let cityA: string;
  let cityB: string;
  let agreementA: string;
  let agreementB: string;
  let areaA: string;
  /** P1 and P2 owe reports for 2025; P3 is cancelled and P4 ended in 2024. */
  let p1: string;
  let p2: string;
  let p3: string;
  let p4: string;
  let pB: string;
  let coord: Awaited<ReturnType<typeof signedInUser>>;
  let coord2: Awaited<ReturnType<typeof signedInUser>>;
  let manager: Awaited<ReturnType<typeof signedInUser>>;
  let otherCoord: TestAgent;
  let otherManager: TestAgent;
  let liaison: TestAgent;
  let adminId: string;
  let roundId: string;
  /** Report ids by project id. */
  const reportOf: Record<string, string> = {};

  beforeAll(async () => {
    cityA = (await factory.newOrganisation(t, { kind: 'city', name: 'Kuopio' })).id as string;
    cityB = (await factory.newOrganisation(t, { kind: 'city', name: 'Joensuu' })).id as string;
    agreementA = (await factory.newAgreement(t, { cityId: cityA })).id as string;
    agreementB = (await factory.newAgreement(t, { cityId: cityB })).id as string;
    areaA = (await factory.newPriorityArea(t, { agreementId: agreementA, nameFi: 'Vesi' })).id as string;
    const areaB = (await factory.newPriorityArea(t, { agreementId: agreementB })).id as string;
    const project = async (fields: Json) =>
      (await factory.newProject(t, { priorityAreaId: areaA, ...fields })).id as string;
    p1 = await project({ code: 'A-1', plannedStart: '2024-01-01', plannedEnd: '2026-12-31' });
    p2 = await project({ code: 'A-2' });
    p3 = await project({ code: 'A-3' });
    await t.http.patch(`/api/projects/${p3}`).send({ version: 1, lifecycleStatus: 'cancelled' }).expect(200);
    p4 = await project({ code: 'A-4', plannedStart: '2024-01-01', plannedEnd: '2024-06-30' });
    pB = (await factory.newProject(t, { priorityAreaId: areaB })).id as string;
    coord = await signedInUser(t, 'coordinator', { cityId: cityA });
    coord2 = await signedInUser(t, 'coordinator', { cityId: cityA });
    manager = await signedInUser(t, 'manager', { cityId: cityA });
    otherCoord = await t.as('coordinator', { cityId: cityB });
    otherManager = await t.as('manager', { cityId: cityB });
    liaison = await t.as('liaison');
    adminId = ((await t.http.get('/api/me').expect(200)).body as Json & { user: { id: string } }).user.id;
  });

  describe('opening a round', () => {
    it('is refused to managers and liaisons, and another city’s agreement is not found', async () => {
      const body = { agreementId: agreementA, period: '2025', dueDate: addDays(today, 30) };
      await manager.agent.post('/api/reporting-rounds').send(body).expect(403);
      await liaison.post('/api/reporting-rounds').send(body).expect(403);
      const other = await otherCoord.post('/api/reporting-rounds').send(body).expect(400);
      expect(problemsOf(other)).toEqual({ agreementId: ['notFound'] });
      expect(await outbox(t)).toEqual([]);
    });

    it('refuses bad input with field problems and writes nothing', async () => {
      const bad = async (body: Json) =>
        problemsOf(await coord.agent.post('/api/reporting-rounds').send(body).expect(400));
      const base = { agreementId: agreementA, period: '2025', dueDate: addDays(today, 30) };
      expect(await bad({ ...base, period: '2025-H1' })).toEqual({ period: ['wrongPeriodicity'] });
      expect(await bad({ ...base, period: String(Number(today.slice(0, 4)) + 1) })).toEqual({
        period: ['periodInFuture'],
      });
      expect(await bad({ ...base, period: '25' })).toEqual({ period: ['invalidPeriod'] });
      expect(await bad({ ...base, reminderDaysBefore: 500 })).toEqual({ reminderDaysBefore: ['tooLarge'] });
      expect(await bad({ ...base, dueDate: '2025-02-30' })).toEqual({ dueDate: ['invalidDate'] });
      expect(await bad({ ...base, projectIds: [p1, pB] })).toEqual({ 'projectIds.1': ['otherAgreement'] });
      expect(await bad({ ...base, projectIds: [p1, p1] })).toEqual({ projectIds: ['duplicate'] });
      const [rounds] = await t.dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM reporting_rounds',
      );
      expect(rounds!.n).toBe(0);
    });

    it('writes an owed report for each project active in the period and tells the city’s coordinators', async () => {
      const res = await coord.agent
        .post('/api/reporting-rounds')
        .send({ agreementId: agreementA, period: '2025', dueDate: addDays(today, 30), instructions: 'Muista liitteet' })
        .expect(201);
      roundId = res.body.id as string;
      expect(res.body).toMatchObject({
        period: '2025',
        open: true,
        reminderDaysBefore: 7,
        openedBy: { id: coord.id, name: coord.name },
        progress: { owed: 2, draft: 0, submitted: 0, returned: 0, approved: 0, overdue: 0, total: 2 },
      });
      // In the list too, a round's total is its reports, not the list's row count.
      const listed = await coord.agent.get('/api/reporting-rounds').query({ agreementId: agreementA }).expect(200);
      expect(listed.body).toMatchObject({ total: 1, items: [{ id: roundId, progress: { owed: 2, total: 2 } }] });
      const reports = await coord.agent.get('/api/period-reports').query({ roundId }).expect(200);
      for (const item of reports.body.items as Array<{ id: string; project: { id: string } }>) {
        reportOf[item.project.id] = item.id;
      }
      expect(Object.keys(reportOf).sort()).toEqual([p1, p2].sort());
      expect(reportOf[p3]).toBeUndefined();
      expect(reportOf[p4]).toBeUndefined();

      const mail = await outbox(t, 'round_opened');
      expect(mail.map((m) => m.userId).sort()).toEqual([coord.id, coord2.id].sort());
      expect(mail[0]).toMatchObject({
        language: 'fi',
        dedupeKey: `opened:${roundId}:${mail[0]!.userId}`,
        params: { roundId, period: '2025', dueDate: addDays(today, 30), instructions: 'Muista liitteet' },
      });
      expect((mail[0]!.params.reports as Json[]).map((r) => r.reportId).sort()).toEqual(
        [reportOf[p1], reportOf[p2]].sort(),
      );

      const again = await coord.agent
        .post('/api/reporting-rounds')
        .send({ agreementId: agreementA, period: '2025', dueDate: addDays(today, 30) })
        .expect(409);
      expect(problemsOf(again)).toEqual({ period: ['roundExists'] });
    });

    it('is read by every role of the city and the ministry, never by another city', async () => {
      for (const agent of [coord.agent, manager.agent, liaison, t.http]) {
        await agent.get(`/api/reporting-rounds/${roundId}`).expect(200);
      }
      await otherCoord.get(`/api/reporting-rounds/${roundId}`).expect(404);
      await otherCoord.get(`/api/period-reports/${reportOf[p1]!}`).expect(404);
      const list = await otherManager.get('/api/reporting-rounds').expect(200);
      expect(list.body.total).toBe(0);
    });
  });

  describe('the one-form save', () => {
    let milestoneId: string;
    let otherMilestoneId: string;
    let decisionId: string;
    let indicatorId: string;
    let derivedId: string;

    beforeAll(async () => {
      milestoneId = (await factory.newMilestone(t, { projectId: p1, dueDate: '2025-06-30' })).id as string;
      otherMilestoneId = (await factory.newMilestone(t, { projectId: p2 })).id as string;
      decisionId = (
        await factory.newFundingDecision(t, {
          agreementId: agreementA,
          projectId: p1,
          funderId: cityA,
          amountGranted: '1000.00',
        })
      ).id as string;
      indicatorId = (await factory.newIndicator(t, { agreementId: agreementA })).id as string;
      derivedId = await factory.indicatorIdOf(t, 'RCO01');
    });

    const form = (overrides: Json = {}): Json => ({
      version: 1,
      health: 'at_risk',
      healthReasons: 'Rekrytointi viivästyi',
      achievements: 'Testiympäristö avattiin',
      risks: 'Aikataulu',
      nextSteps: 'Pilotit',
      lifecycleStatus: 'active',
      milestonesCompleted: [{ milestoneId, completedOn: '2025-05-01' }],
      indicatorActuals: [{ indicatorId, value: '7' }],
      payments: [{ fundingDecisionId: decisionId, paidOn: '2025-03-01', amount: '100.00' }],
      ...overrides,
    });

    /** The five parts as the database holds them. */
    async function parts(): Promise<Json> {
      const [project] = await t.dataSource.query<Json[]>('SELECT lifecycle_status AS s FROM projects WHERE id = $1', [
        p1,
      ]);
      const [milestone] = await t.dataSource.query<Json[]>(
        'SELECT status, completed_on FROM milestones WHERE id = $1',
        [milestoneId],
      );
      const actuals = await t.dataSource.query<Json[]>(
        'SELECT period, value::text AS value FROM indicator_actuals WHERE project_id = $1',
        [p1],
      );
      const payments = await t.dataSource.query<Json[]>(
        'SELECT paid_on, amount FROM payments WHERE funding_decision_id = $1',
        [decisionId],
      );
      return { project: project!.s, milestone, actuals, payments, report: await reportRow(t, reportOf[p1]!) };
    }

    it('changes nothing when one part breaks its own rule (payment above the amount granted)', async () => {
      const before = await parts();
      const res = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send(form({ payments: [{ fundingDecisionId: decisionId, paidOn: '2025-03-01', amount: '2000.00' }] }))
        .expect(409);
      expect(res.body.code).toBe('PAID_EXCEEDS_GRANTED');
      expect(problemsOf(res)).toEqual({ 'payments.0.amount': ['exceedsGranted'] });
      expect(await parts()).toEqual(before);
      expect(before).toMatchObject({ project: 'planned', milestone: { status: 'planned' }, actuals: [], payments: [] });
    });

    it('refuses a derived indicator, another project’s milestone and dates outside the period, changing nothing', async () => {
      const before = await parts();
      const derived = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send(form({ indicatorActuals: [{ indicatorId: derivedId, value: '3' }] }))
        .expect(409);
      expect(problemsOf(derived)).toEqual({ 'indicatorActuals.0.indicatorId': ['derived'] });
      const refs = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send(
          form({
            milestonesCompleted: [{ milestoneId: otherMilestoneId }],
            payments: [{ fundingDecisionId: decisionId, paidOn: '2026-01-02', amount: '1.00' }],
          }),
        )
        .expect(400);
      expect(problemsOf(refs)).toEqual({
        'milestonesCompleted.0.milestoneId': ['otherProject'],
        'payments.0.paidOn': ['outsidePeriod'],
      });
      const shape = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send(
          form({ health: 'green', payments: [{ fundingDecisionId: decisionId, paidOn: '2025-03-01', amount: '-1' }] }),
        )
        .expect(400);
      expect(Object.keys(problemsOf(shape)).sort()).toEqual(['health', 'payments.0.amount']);
      const transition = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send(form({ lifecycleStatus: 'completed' }))
        .expect(409);
      expect(problemsOf(transition)).toEqual({ lifecycleStatus: ['illegalTransition'] });
      expect(await parts()).toEqual(before);
    });

    it('is refused to managers, liaisons and another city, and without the version', async () => {
      await manager.agent.patch(`/api/period-reports/${reportOf[p1]!}`).send(form()).expect(403);
      await liaison.patch(`/api/period-reports/${reportOf[p1]!}`).send(form()).expect(403);
      await otherCoord.patch(`/api/period-reports/${reportOf[p1]!}`).send(form()).expect(404);
      await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send(form({ version: undefined }))
        .expect(428);
    });

    it('writes all five parts in one save, and a stale version is a 409', async () => {
      const res = await coord.agent.patch(`/api/period-reports/${reportOf[p1]!}`).send(form()).expect(200);
      expect(res.body).toMatchObject({
        status: 'draft',
        version: 2,
        health: 'at_risk',
        healthReasons: 'Rekrytointi viivästyi',
        achievements: 'Testiympäristö avattiin',
        lifecycleStatus: 'active',
        allowedTransitions: ['submitted'],
      });
      expect(await parts()).toEqual({
        project: 'active',
        milestone: { status: 'done', completed_on: '2025-05-01' },
        actuals: [{ period: '2025', value: '7.0000' }],
        payments: [{ paid_on: '2025-03-01', amount: '100.00' }],
        report: { status: 'draft', version: 2, health: 'at_risk', achievements: 'Testiympäristö avattiin' },
      });
      // A second save corrects the indicator value rather than adding one, and records no payment twice.
      await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .set('If-Match', '"2"')
        .send({ indicatorActuals: [{ indicatorId, value: '8' }] })
        .expect(200);
      expect((await parts()).actuals).toEqual([{ period: '2025', value: '8.0000' }]);
      const stale = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send(form({ version: 2 }))
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      // The project's history shows the report's save, and the parts' own events.
      const history = await coord.agent.get(`/api/projects/${p1}/history`).query({ pageSize: 100 }).expect(200);
      const types = (history.body.items as Json[]).map((i) => i.entityType);
      for (const type of ['period_report', 'project', 'milestone', 'indicator_actual', 'payment']) {
        expect(types).toContain(type);
      }
    });
  });

  describe('the workflow', () => {
    const version = async (id: string) => Number((await reportRow(t, id)).version);

    it('submits a filled draft; an owed report cannot be submitted, a submitted one cannot be saved', async () => {
      const owed = await coord.agent
        .post(`/api/period-reports/${reportOf[p2]!}/submit`)
        .send({ version: 1 })
        .expect(409);
      expect(problemsOf(owed)).toEqual({ status: ['illegalTransition'] });
      await manager.agent.post(`/api/period-reports/${reportOf[p1]!}/submit`).send({ version: 3 }).expect(403);
      const res = await coord.agent
        .post(`/api/period-reports/${reportOf[p1]!}/submit`)
        .send({ version: await version(reportOf[p1]!) })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'submitted', submitted: { by: coord.name, byId: coord.id } });
      const readOnly = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send({ version: res.body.version, risks: 'x' })
        .expect(409);
      expect(problemsOf(readOnly)).toEqual({ status: ['reportReadOnly'] });
    });

    it('a draft without health and what was done cannot be submitted', async () => {
      await coord.agent
        .patch(`/api/period-reports/${reportOf[p2]!}`)
        .send({ version: 1, risks: 'Ei riskejä' })
        .expect(200);
      const res = await coord.agent
        .post(`/api/period-reports/${reportOf[p2]!}/submit`)
        .send({ version: 2 })
        .expect(400);
      expect(problemsOf(res)).toEqual({ health: ['required'], achievements: ['required'] });
    });

    it('lets managers and admins review, never coordinators, liaisons or another city', async () => {
      const v = await version(reportOf[p1]!);
      await coord.agent.post(`/api/period-reports/${reportOf[p1]!}/approve`).send({ version: v }).expect(403);
      await liaison.post(`/api/period-reports/${reportOf[p1]!}/approve`).send({ version: v }).expect(403);
      await otherManager
        .post(`/api/period-reports/${reportOf[p1]!}/return`)
        .send({ version: v, comment: 'x' })
        .expect(404);
      const noComment = await manager.agent
        .post(`/api/period-reports/${reportOf[p1]!}/return`)
        .send({ version: v })
        .expect(400);
      expect(problemsOf(noComment)).toEqual({ comment: ['required'] });
    });

    it('returns with a comment and tells the submitter and the coordinators', async () => {
      const res = await manager.agent
        .post(`/api/period-reports/${reportOf[p1]!}/return`)
        .send({ version: await version(reportOf[p1]!), comment: 'Lisää maksatuksen peruste' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'returned',
        returnComment: 'Lisää maksatuksen peruste',
        returnCount: 1,
      });
      const mail = await outbox(t, 'report_returned');
      expect(mail.map((m) => m.userId).sort()).toEqual([coord.id, coord2.id].sort());
      expect(mail.map((m) => m.dedupeKey).sort()).toEqual(
        [coord.id, coord2.id].map((u) => `returned:${reportOf[p1]!}:1:${u}`).sort(),
      );
      expect(mail[0]!.params).toEqual({
        roundId,
        reportId: reportOf[p1],
        projectName: expect.any(String),
        period: '2025',
        comment: 'Lisää maksatuksen peruste',
        returnedBy: manager.name,
      });
      // A returned report is edited again (it stays returned) and submitted again.
      const saved = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send({ version: res.body.version, nextSteps: 'Maksatushakemus' })
        .expect(200);
      expect(saved.body.status).toBe('returned');
      await coord.agent
        .post(`/api/period-reports/${reportOf[p1]!}/submit`)
        .send({ version: saved.body.version })
        .expect(200);
    });

    it('approves; nobody approves what they submitted themselves', async () => {
      await t.http
        .patch(`/api/period-reports/${reportOf[p2]!}`)
        .send({ version: await version(reportOf[p2]!), health: 'on_track', achievements: 'Käynnistys' })
        .expect(200);
      await t.http
        .post(`/api/period-reports/${reportOf[p2]!}/submit`)
        .send({ version: await version(reportOf[p2]!) })
        .expect(200);
      const own = await t.http
        .post(`/api/period-reports/${reportOf[p2]!}/approve`)
        .send({ version: await version(reportOf[p2]!) })
        .expect(403);
      expect(problemsOf(own)).toEqual({ submittedBy: ['ownSubmission'] });
      const ownReturn = await t.http
        .post(`/api/period-reports/${reportOf[p2]!}/return`)
        .send({ version: await version(reportOf[p2]!), comment: 'x' })
        .expect(403);
      expect(problemsOf(ownReturn)).toEqual({ submittedBy: ['ownSubmission'] });

      const approved = await manager.agent
        .post(`/api/period-reports/${reportOf[p2]!}/approve`)
        .send({ version: await version(reportOf[p2]!) })
        .expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        approved: { by: manager.name },
        allowedTransitions: [],
      });
      const mail = await outbox(t, 'report_approved');
      // The submitter (the admin) and the city's coordinators, each once.
      expect(mail.map((m) => m.userId).sort()).toEqual([adminId, coord.id, coord2.id].sort());
      expect(mail.every((m) => m.dedupeKey === `approved:${reportOf[p2]!}:${m.userId}`)).toBe(true);

      const again = await manager.agent
        .post(`/api/period-reports/${reportOf[p2]!}/approve`)
        .send({ version: approved.body.version })
        .expect(409);
      expect(problemsOf(again)).toEqual({ status: ['notSubmitted'] });
      const stale = await manager.agent
        .post(`/api/period-reports/${reportOf[p1]!}/approve`)
        .send({ version: 1 })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      // Every step is in the audit trail with who and when.
      const events = await t.dataSource.query<Json[]>(
        `SELECT actor_name, changes -> 'status' ->> 'new' AS status FROM audit_events
         WHERE entity_type = 'period_report' AND entity_id = $1 AND changes ? 'status' ORDER BY occurred_at`,
        [reportOf[p2]],
      );
      expect(events.map((e) => e.status)).toEqual(['owed', 'draft', 'submitted', 'approved']);
    });
  });

  describe('progress and overdue', () => {
    it('counts the round’s reports by status, and overdue ones once the due date has passed', async () => {
      const round = await coord.agent.get(`/api/reporting-rounds/${roundId}`).expect(200);
      const reports = (await coord.agent.get('/api/period-reports').query({ roundId }).expect(200)).body
        .items as Json[];
      const count = (status: string) => reports.filter((r) => r.status === status).length;
      expect(round.body.progress).toEqual({
        owed: count('owed'),
        draft: count('draft'),
        submitted: count('submitted'),
        returned: count('returned'),
        approved: count('approved'),
        overdue: 0,
        total: reports.length,
      });
      expect(round.body.progress).toMatchObject({ submitted: 1, approved: 1 });

      // A third project with an owed report, then the due date moves to yesterday.
      const late = await factory.newProject(t, { priorityAreaId: areaA, code: 'A-5' });
      await t.dataSource.query(`INSERT INTO period_reports (round_id, project_id) VALUES ($1, $2)`, [roundId, late.id]);
      const stale = await coord.agent
        .patch(`/api/reporting-rounds/${roundId}`)
        .send({ version: 99, dueDate: addDays(today, -1) })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      await manager.agent
        .patch(`/api/reporting-rounds/${roundId}`)
        .send({ version: 1, dueDate: addDays(today, -1) })
        .expect(403);
      const moved = await coord.agent
        .patch(`/api/reporting-rounds/${roundId}`)
        .send({ version: round.body.version, dueDate: addDays(today, -1) })
        .expect(200);
      expect(moved.body.progress).toMatchObject({ owed: 1, overdue: 1, total: 3 });
      const dashboard = await manager.agent.get('/api/dashboard').expect(200);
      expect(dashboard.body.openRounds).toEqual([moved.body]);
      expect((await otherManager.get('/api/dashboard').expect(200)).body.openRounds).toEqual([]);

      const detail = await coord.agent.get(`/api/projects/${late.id as string}`).expect(200);
      expect(detail.body.overdueReport).toBe(true);
      const list = await coord.agent.get('/api/projects').query({ agreementId: agreementA, pageSize: 100 }).expect(200);
      const flags = Object.fromEntries((list.body.items as Json[]).map((p) => [p.id, p.overdueReport]));
      expect(flags).toMatchObject({ [late.id as string]: true, [p1]: false, [p2]: false });
      const mine = await coord.agent.get('/api/period-reports/mine').expect(200);
      expect((mine.body.items as Json[]).map((r) => [(r.project as Json).id, r.overdue])).toEqual([[late.id, true]]);
      const overdue = await coord.agent.get('/api/period-reports').query({ overdue: true }).expect(200);
      expect(overdue.body.total).toBe(1);
      expect((await otherCoord.get('/api/period-reports/mine').expect(200)).body.total).toBe(0);
    });
  });

  describe('the scheduled notices', () => {
    it('writes overdue notices and the weekly digest once, and reminders before the due date, idempotently', async () => {
      // A second agreement of the city with a round due in three days (reminder 7 days before).
      const agreement2 = (await factory.newAgreement(t, { cityId: cityA })).id as string;
      const area2 = (await factory.newPriorityArea(t, { agreementId: agreement2 })).id as string;
      await factory.newProject(t, { priorityAreaId: area2 });
      const soon = await coord.agent
        .post('/api/reporting-rounds')
        .send({ agreementId: agreement2, period: '2025', dueDate: addDays(today, 3) })
        .expect(201);
      const producer = t.app.get(ReportingRoundsProducer);
      const run = () => t.dataSource.transaction((manager) => producer.produce(manager, new Date()));
      await run();
      const first = await outbox(t);
      await run();
      expect(await outbox(t)).toEqual(first);

      const users = [coord.id, coord2.id].sort();
      const overdue = first.filter((m) => m.kind === 'report_overdue');
      expect(overdue.map((m) => m.dedupeKey).sort()).toEqual(users.map((u) => `overdue:${roundId}:${u}`).sort());
      expect(overdue[0]!.params).toMatchObject({ roundId, period: '2025', dueDate: addDays(today, -1) });
      const reminders = first.filter((m) => m.kind === 'round_reminder');
      expect(reminders.map((m) => m.dedupeKey).sort()).toEqual(
        users.map((u) => `reminder:${soon.body.id as string}:${u}`).sort(),
      );
      const digests = first.filter((m) => m.kind === 'weekly_digest');
      expect(digests.map((m) => m.dedupeKey).sort()).toEqual(
        users.map((u) => `digest:${isoWeekOf(today)}:${u}`).sort(),
      );
      const items = digests[0]!.params.items as Json[];
      // The overdue report of the first round and the owed one of the second.
      expect(items.map((i) => [i.roundId, i.status, i.overdue]).sort()).toEqual(
        [
          [roundId, 'owed', true],
          [soon.body.id, 'owed', false],
        ].sort(),
      );
      // Another city's coordinators get nothing.
      expect(first.every((m) => users.includes(m.userId) || m.userId === adminId)).toBe(true);
    });
  });

  describe('closing and the frozen report', () => {
    let frozenText: string;

    it('closes only when every report is approved, unless missing reports are accepted', async () => {
      const round = (await coord.agent.get(`/api/reporting-rounds/${roundId}`).expect(200)).body as Json;
      await manager.agent.post(`/api/reporting-rounds/${roundId}/close`).send({ version: round.version }).expect(403);
      await liaison.post(`/api/reporting-rounds/${roundId}/close`).send({ version: round.version }).expect(403);
      await otherCoord.post(`/api/reporting-rounds/${roundId}/close`).send({ version: round.version }).expect(404);
      await coord.agent.get(`/api/reporting-rounds/${roundId}/frozen`).expect(404);
      const refused = await coord.agent
        .post(`/api/reporting-rounds/${roundId}/close`)
        .send({ version: round.version })
        .expect(409);
      expect(problemsOf(refused)).toEqual({ acceptMissing: ['reportsOutstanding'] });
      const closed = await coord.agent
        .post(`/api/reporting-rounds/${roundId}/close`)
        .send({ version: round.version, acceptMissing: true })
        .expect(200);
      expect(closed.body).toMatchObject({ open: false, frozen: true, closedBy: { id: coord.id, name: coord.name } });
      const again = await coord.agent
        .post(`/api/reporting-rounds/${roundId}/close`)
        .send({ version: closed.body.version, acceptMissing: true })
        .expect(409);
      expect(problemsOf(again)).toEqual({ round: ['roundClosed'] });
      await coord.agent
        .patch(`/api/reporting-rounds/${roundId}`)
        .send({ version: closed.body.version, instructions: 'x' })
        .expect(409);
    });

    it('stores the agreement report of the period with the period reports and what was missing', async () => {
      const res = await liaison.get(`/api/reporting-rounds/${roundId}/frozen`).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      frozenText = res.text;
      const [stored] = await t.dataSource.query<Array<{ document: string }>>(
        'SELECT document FROM frozen_reports WHERE round_id = $1',
        [roundId],
      );
      expect(frozenText).toBe(stored!.document);
      const doc = JSON.parse(frozenText) as Json & {
        missing: Array<{ status: string }>;
        periodReports: Json[];
        figures: Record<string, string | null>;
        agreementReport: { period: Json; agreement: Json };
      };
      expect(doc).toMatchObject({
        format: 'salkku.frozen-report/1',
        frozenBy: coord.name,
        round: { id: roundId, period: '2025' },
      });
      expect(doc.missing.map((m) => m.status).sort()).toEqual(['owed', 'submitted']);
      expect(doc.agreementReport.period).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
      expect(doc.figures).toMatchObject({
        'funding.paid': '100.00',
        'funding.paidInPeriod': '100.00',
        'milestones.completed': '1',
      });
      expect(doc.periodReports.find((r) => (r.project as Json).id === p1)).toMatchObject({
        status: 'submitted',
        achievements: 'Testiympäristö avattiin',
        nextSteps: 'Maksatushakemus',
      });
      await manager.agent.get(`/api/reporting-rounds/${roundId}/frozen`).expect(200);
      await otherCoord.get(`/api/reporting-rounds/${roundId}/frozen`).expect(404);
    });

    it('stays byte for byte the same after the live data changes, and the comparison shows the change', async () => {
      const unchanged = await liaison.get(`/api/reporting-rounds/${roundId}/frozen/comparison`).expect(200);
      expect(unchanged.body).toMatchObject({ changed: false, changes: [] });

      const decision = (
        await t.dataSource.query<Array<{ id: string }>>('SELECT id FROM funding_decisions WHERE project_id = $1', [p1])
      )[0]!.id;
      await factory.newPayment(t, { fundingDecisionId: decision, paidOn: '2025-10-01', amount: '50.00' });
      // The reports of a closed round are read-only.
      const report = await coord.agent.get(`/api/period-reports/${reportOf[p1]!}`).expect(200);
      const closed = await coord.agent
        .patch(`/api/period-reports/${reportOf[p1]!}`)
        .send({ version: report.body.version, risks: 'uusi' })
        .expect(409);
      expect(problemsOf(closed)).toEqual({ round: ['roundClosed'] });

      const res = await liaison.get(`/api/reporting-rounds/${roundId}/frozen`).expect(200);
      expect(res.text).toBe(frozenText);
      expect(Buffer.from(res.text, 'utf8').equals(Buffer.from(frozenText, 'utf8'))).toBe(true);
      const comparison = await manager.agent.get(`/api/reporting-rounds/${roundId}/frozen/comparison`).expect(200);
      expect(comparison.body.changed).toBe(true);
      expect(comparison.body.changes).toEqual(
        expect.arrayContaining([
          { figure: 'funding.paid', frozen: '100.00', live: '150.00' },
          { figure: 'funding.paidInPeriod', frozen: '100.00', live: '150.00' },
        ]),
      );
    });

    it('exports the frozen report as CSV in both profiles', async () => {
      const fi = await liaison
        .get(`/api/reporting-rounds/${roundId}/frozen.csv`)
        .query({ profile: 'fi-excel', lang: 'fi' })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const fiText = (fi.body as Buffer).toString('utf8');
      expect(fiText.startsWith('\uFEFFOsio;Tieto;Arvo\r\n')).toBe(true);
      expect(fiText).toContain('Luku;funding.paid;100,00\r\n');
      const std = await manager.agent
        .get(`/api/reporting-rounds/${roundId}/frozen.csv`)
        .query({ profile: 'standard', lang: 'en' })
        .expect(200);
      expect(std.text.startsWith('Section,Item,Value\r\n')).toBe(true);
      expect(std.text).toContain('Figure,funding.paid,100.00\r\n');
      await otherCoord.get(`/api/reporting-rounds/${roundId}/frozen.csv`).expect(404);
    });
  });
});
