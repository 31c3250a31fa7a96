import * as check from './support/checks';
import { addDays, today } from './support/dates';
import { newAgreement, newCityPortfolio, newPriorityArea, newProject, newStatusReport } from './support/factories';
import { auditEvents, rowCount, useTestApp } from './support/test-app';
import { fieldsOf, type Json, UNKNOWN_ID as MISSING } from './support/values';

/** The URL of one record (ids from the JSON bodies are unknown-typed). */
const at = (id: unknown): string => `/api/status-reports/${id as string}`;

type Report = { id: string; projectId: string };
const ids = (items: Report[]): string[] => items.map((r) => r.id);

describe('status reports API', () => {
  const t = useTestApp();
  /** The ids listed for the query, in order. */
  const list = (query: Json) => check.listIds(t.http, '/api/status-reports', query);
  // The rules every resource keeps (invalid fields, 401, stale versions, unknown ids, read-only roles, city
  // scope) are asserted once for all in resource-rules.int-spec.ts.
  /** The signed-in admin behind t.http (the author of the reports it writes). */
  let admin: { id: string; displayName: string };
  beforeAll(async () => {
    admin = (await t.http.get('/api/me').expect(200)).body.user;
  });

  it('writes a report with the project lifecycle snapshot and the signed-in author, and reads it back', async () => {
    const project = await newProject(t, {
      code: 'TERVEYS-KH',
      name: 'Terveysteknologian käynnistyshanke',
      lifecycleStatus: 'active',
    });
    const created = await t.http
      .post('/api/status-reports')
      .send({
        projectId: project.id,
        reportingDate: today,
        health: 'at_risk',
        summary: 'Rekrytointi viivästyi.',
        risks: 'Henkilöstön saatavuus',
        nextSteps: 'Ohjausryhmän kokous',
      })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      projectId: project.id,
      project: { id: project.id, code: 'TERVEYS-KH', name: 'Terveysteknologian käynnistyshanke' },
      reportingDate: today,
      health: 'at_risk',
      lifecycleStatus: 'active',
      summary: 'Rekrytointi viivästyi.',
      risks: 'Henkilöstön saatavuus',
      nextSteps: 'Ohjausryhmän kokous',
      author: admin.displayName,
      createdAt: expect.any(String),
      version: 1,
    });
    const [row] = await t.dataSource.query<Array<{ author: string; author_id: string | null }>>(
      'SELECT author, author_id FROM status_reports WHERE id = $1',
      [created.body.id],
    );
    expect(row).toEqual({ author: admin.displayName, author_id: admin.id });

    await check.readsBack(t.http, at(created.body.id), created.body);

    // The snapshot is history: a later change of the project does not rewrite it, a new report sees the new status.
    await t.dataSource.query(`UPDATE projects SET lifecycle_status = 'on_hold' WHERE id = $1`, [project.id]);
    expect((await t.http.get(at(created.body.id)).expect(200)).body.lifecycleStatus).toBe('active');
    const later = await newStatusReport(t, { projectId: project.id, reportingDate: today, health: 'off_track' });
    expect(later.lifecycleStatus).toBe('on_hold');

    const planned = await newProject(t);
    const first = await newStatusReport(t, { projectId: planned.id });
    expect(first).toMatchObject({
      lifecycleStatus: 'planned',
      risks: null,
      nextSteps: null,
      author: admin.displayName,
    });

    const list = await t.http.get('/api/status-reports').query({ projectId: project.id }).expect(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(ids(list.body.items)).toEqual([later.id, created.body.id]);
    expect(list.body.items[1]).toEqual(created.body);
  });

  // Invalid fields in general: resource-rules.int-spec.ts.
  it('rejects a report without its facts, of an unknown project or dated in the future, writing nothing', async () => {
    const project = await newProject(t);
    const report = { projectId: project.id, reportingDate: '2025-01-31', health: 'on_track', summary: 'Tilanne' };
    await check.nothingChanged(t, { rows: ['status_reports'] }, () =>
      check.invalidCreates(t.http, '/api/status-reports', [
        [{ projectId: project.id }, ['health', 'reportingDate', 'summary']],
        [{ ...report, projectId: MISSING }, ['projectId']],
        [{ ...report, reportingDate: addDays(today, 1) }, ['reportingDate']],
      ]),
    );
    // The longest allowed texts are accepted.
    const before = await rowCount(t, 'status_reports');
    await newStatusReport(t, { projectId: project.id, summary: 'a'.repeat(5000), risks: 'r'.repeat(5000) });
    expect(await rowCount(t, 'status_reports')).toBe(before + 1);
  });

  it('is append-only: PATCH and DELETE have no route (404) and the report is unchanged', async () => {
    const report = await newStatusReport(t, { summary: 'Alkuperäinen' });
    const patch = await t.http
      .patch(at(report.id))
      .set('If-Match', '"1"')
      .send({ version: 1, summary: 'Muutettu' })
      .expect(404);
    expect(patch.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const del = await t.http.delete(at(report.id)).set('If-Match', '"1"').expect(404);
    expect(del.body.code).toBe('NOT_FOUND');
    await t.http.put(at(report.id)).send({ summary: 'Korvattu' }).expect(404);

    const read = await t.http.get(at(report.id)).expect(200);
    expect(read.body).toEqual(report);
    const [row] = await t.dataSource.query<Array<{ summary: string; version: number }>>(
      'SELECT summary, version FROM status_reports WHERE id = $1',
      [report.id],
    );
    expect(row).toEqual({ summary: 'Alkuperäinen', version: 1 });
  });

  it('lists newest first (ties by creation) and filters by project, agreement, health and date range', async () => {
    const agreement = await newAgreement(t);
    const area = await newPriorityArea(t, { agreementId: agreement.id });
    const water = await newProject(t, { priorityAreaId: area.id });
    const health = await newProject(t, { priorityAreaId: area.id });
    const elsewhere = await newProject(t);
    const w1 = await newStatusReport(t, { projectId: water.id, reportingDate: '2024-03-31', health: 'on_track' });
    const w2 = await newStatusReport(t, { projectId: water.id, reportingDate: '2024-06-30', health: 'at_risk' });
    const w3 = await newStatusReport(t, { projectId: water.id, reportingDate: '2024-06-30', health: 'off_track' });
    const h1 = await newStatusReport(t, { projectId: health.id, reportingDate: '2024-05-15', health: 'on_track' });
    await newStatusReport(t, { projectId: elsewhere.id, reportingDate: '2024-06-30', health: 'off_track' });

    const inAgreement = { agreementId: agreement.id };
    const all = await t.http.get('/api/status-reports').query(inAgreement).expect(200);
    expect(all.body.total).toBe(4);
    expect(ids(all.body.items)).toEqual([w3.id, w2.id, h1.id, w1.id]);
    expect(await list({ ...inAgreement, sort: 'reportingDate' })).toEqual([w1.id, h1.id, w2.id, w3.id]);
    expect(await list({ ...inAgreement, sort: '-createdAt' })).toEqual([h1.id, w3.id, w2.id, w1.id]);
    const byHealth = await t.http
      .get('/api/status-reports')
      .query({ ...inAgreement, sort: '-health' })
      .expect(200);
    const healths = byHealth.body.items.map((r: { health: string }) => r.health);
    expect(healths).toEqual(['off_track', 'at_risk', 'on_track', 'on_track']);
    expect(await list({ ...inAgreement, health: 'at_risk' })).toEqual([w2.id]);
    expect(await list({ ...inAgreement, reportedFrom: '2024-04-01', reportedTo: '2024-06-29' })).toEqual([h1.id]);

    const oneProject = await t.http.get('/api/status-reports').query({ projectId: water.id, pageSize: 2 }).expect(200);
    expect(oneProject.body).toMatchObject({ total: 3, pageSize: 2 });
    expect(ids(oneProject.body.items)).toEqual([w3.id, w2.id]);
    expect(await list({ projectId: water.id, pageSize: 2, page: 2 })).toEqual([w1.id]);

    const bad = { health: 'green', reportedFrom: 'yesterday', sort: 'author', latestOnly: 'yes', agreementId: '1' };
    await check.rejects(t.http.get('/api/status-reports').query(bad), [
      'agreementId',
      'health',
      'latestOnly',
      'reportedFrom',
      'sort',
    ]);
    const inverted = { reportedFrom: '2024-06-30', reportedTo: '2024-01-01' };
    await check.rejects(t.http.get('/api/status-reports').query(inverted), ['reportedTo']);
  });

  it("latestOnly returns each project's latest report: by reporting date, then by creation", async () => {
    const agreement = await newAgreement(t);
    const area = await newPriorityArea(t, { agreementId: agreement.id });
    const a = await newProject(t, { priorityAreaId: area.id });
    const b = await newProject(t, { priorityAreaId: area.id });
    const c = await newProject(t, { priorityAreaId: area.id });
    await newStatusReport(t, { projectId: a.id, reportingDate: '2024-09-30', health: 'on_track' });
    const aLatest = await newStatusReport(t, { projectId: a.id, reportingDate: '2024-12-31', health: 'off_track' });
    await newStatusReport(t, { projectId: a.id, reportingDate: '2024-06-30', health: 'at_risk' }); // written later, older date
    const bFirst = await newStatusReport(t, { projectId: b.id, reportingDate: '2024-11-30', health: 'at_risk' });
    const bCorrection = await newStatusReport(t, { projectId: b.id, reportingDate: '2024-11-30', health: 'on_track' });
    const cOnly = await newStatusReport(t, { projectId: c.id, reportingDate: '2024-01-31', health: 'on_track' });

    const latestIn = { agreementId: agreement.id, latestOnly: 'true' };
    const latest = await t.http.get('/api/status-reports').query(latestIn).expect(200);
    expect(latest.body.total).toBe(3);
    expect(ids(latest.body.items)).toEqual([aLatest.id, bCorrection.id, cOnly.id]);
    expect(new Set(latest.body.items.map((r: Report) => r.projectId)).size).toBe(3);

    // The health filter applies to the latest report: b was at risk, but its latest report is on track.
    expect(await list({ ...latestIn, health: 'off_track' })).toEqual([aLatest.id]);
    const atRisk = await t.http
      .get('/api/status-reports')
      .query({ ...latestIn, health: 'at_risk' })
      .expect(200);
    expect(atRisk.body).toMatchObject({ total: 0, items: [] });

    // With reportedTo: the latest report as of that date.
    const asOf = await t.http
      .get('/api/status-reports')
      .query({ agreementId: agreement.id, latestOnly: 'true', reportedTo: '2024-11-30', sort: 'reportingDate' })
      .expect(200);
    expect(asOf.body.items.map((r: { reportingDate: string }) => r.reportingDate)).toEqual([
      '2024-01-31',
      '2024-09-30',
      '2024-11-30',
    ]);

    expect(await list({ projectId: b.id, latestOnly: 'true' })).toEqual([bCorrection.id]);
    expect(await list({ projectId: b.id, latestOnly: 'false' })).toEqual([bCorrection.id, bFirst.id]);
  });

  const body = (projectId: string, summary = 'Eteni suunnitellusti.') => ({
    projectId,
    reportingDate: '2025-01-31',
    health: 'on_track',
    summary,
  });

  it('takes the author from the signed-in coordinator, never from the body', async () => {
    const a = await newCityPortfolio(t);
    const coordinator = await t.as('coordinator', { cityId: a.cityId, displayName: 'Kaisa Koordinaattori' });
    const me = (await coordinator.get('/api/me').expect(200)).body.user as { id: string };
    const created = await coordinator.post('/api/status-reports').send(body(a.projectId)).expect(201);
    expect(created.body.author).toBe('Kaisa Koordinaattori');
    const [row] = await t.dataSource.query<Array<{ author: string; author_id: string | null }>>(
      'SELECT author, author_id FROM status_reports WHERE id = $1',
      [created.body.id],
    );
    expect(row).toEqual({ author: 'Kaisa Koordinaattori', author_id: me.id });
    expect((await t.http.get(at(created.body.id)).expect(200)).body.author).toBe('Kaisa Koordinaattori');

    const forged = await coordinator
      .post('/api/status-reports')
      .send({ ...body(a.projectId), author: 'Joku muu', authorId: admin.id })
      .expect(400);
    expect(fieldsOf(forged)).toEqual(['author', 'authorId']);
  });

  it("keeps a coordinator's latest-only and health lists, and the project of a new report, within their own city", async () => {
    const a = await newCityPortfolio(t);
    const b = await newCityPortfolio(t);
    const mine = await newStatusReport(t, { projectId: a.projectId, health: 'off_track' });
    const theirs = await newStatusReport(t, { projectId: b.projectId, health: 'off_track' });
    const coordinator = await t.as('coordinator', { cityId: a.cityId });

    for (const query of [{ latestOnly: 'true' }, { health: 'off_track' }]) {
      const list = await coordinator.get('/api/status-reports').query(query).expect(200);
      expect(list.body.total).toBe(1);
      expect(ids(list.body.items)).toEqual([mine.id]);
    }
    const byAgreement = await coordinator
      .get('/api/status-reports')
      .query({ agreementId: b.agreementId, latestOnly: 'true' })
      .expect(200);
    expect(byAgreement.body).toMatchObject({ total: 0, items: [] });
    // The admin sees both.
    const adminList = await t.http.get('/api/status-reports').query({ health: 'off_track', pageSize: 100 }).expect(200);
    expect(ids(adminList.body.items)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    // The scope costs no extra statements on the latest-only list either.
    const latest = () => coordinator.get('/api/status-reports').query({ pageSize: 100, latestOnly: 'true' });
    await check.inTwoStatements(t, () => latest().expect(200));

    // Another city's project in the body is refused exactly like a missing one.
    await check.nothingChanged(t, { rows: ['status_reports'], events: 'status_report' }, async () => {
      await check.rejects(coordinator.post('/api/status-reports').send(body(b.projectId)), ['projectId']);
    });
  });

  it('audits a new report once with the actor and its exact values; a rejected report leaves no event', async () => {
    const a = await newCityPortfolio(t);
    const b = await newCityPortfolio(t);
    const coordinator = await t.as('coordinator', { cityId: a.cityId, displayName: 'Kalle Koordinaattori' });
    const me = (await coordinator.get('/api/me').expect(200)).body.user as { id: string };

    const created = (
      await coordinator
        .post('/api/status-reports')
        .send({
          projectId: a.projectId,
          reportingDate: '2024-12-31',
          health: 'at_risk',
          summary: 'Rekrytointi viivästyi.',
          nextSteps: 'Ohjausryhmän kokous',
        })
        .expect(201)
    ).body;
    expect(await auditEvents(t, { entityId: created.id })).toEqual([
      expect.objectContaining({
        actorId: me.id,
        actorName: 'Kalle Koordinaattori',
        action: 'create',
        entityType: 'status_report',
        entityId: created.id,
        projectId: a.projectId,
        cityId: a.cityId,
        changes: {
          projectId: { old: null, new: a.projectId },
          reportingDate: { old: null, new: '2024-12-31' },
          health: { old: null, new: 'at_risk' },
          lifecycleStatus: { old: null, new: 'planned' },
          summary: { old: null, new: 'Rekrytointi viivästyi.' },
          nextSteps: { old: null, new: 'Ohjausryhmän kokous' },
          author: { old: null, new: 'Kalle Koordinaattori' },
          authorId: { old: null, new: me.id },
        },
      }),
    ]);

    // Rejected: invalid body, a future date, another city's project, a missing project; and
    // there is no update or delete to audit.
    const events = (await auditEvents(t)).length;
    const rows = await rowCount(t, 'status_reports');
    await coordinator.post('/api/status-reports').send({ projectId: a.projectId, health: 'green' }).expect(400);
    await coordinator
      .post('/api/status-reports')
      .send({ ...body(a.projectId), reportingDate: addDays(today, 1) })
      .expect(400);
    await coordinator.post('/api/status-reports').send(body(b.projectId)).expect(400);
    await coordinator.post('/api/status-reports').send(body(MISSING)).expect(400);
    await coordinator.patch(at(created.id)).send({ version: 1, summary: 'Muutettu' }).expect(404);
    await coordinator.delete(at(created.id)).expect(404);
    expect((await auditEvents(t)).length).toBe(events);
    expect(await rowCount(t, 'status_reports')).toBe(rows);
  });

  it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
    const agreement = await newAgreement(t);
    const area = await newPriorityArea(t, { agreementId: agreement.id });
    const projects = [];
    for (let i = 0; i < 3; i++) projects.push(await newProject(t, { priorityAreaId: area.id }));
    for (let i = 0; i < 30; i++) {
      await newStatusReport(t, { projectId: projects[i % 3]!.id, reportingDate: addDays('2024-01-01', i) });
    }
    const queries = [1, 10, 100].flatMap((pageSize) => [
      { pageSize },
      { pageSize, agreementId: agreement.id, latestOnly: 'true', health: 'on_track' },
    ]);
    for (const page of await check.pagesInTwoStatements(t, t.http, '/api/status-reports', queries)) {
      expect(page.body.items[0].project.code).toEqual(expect.any(String));
    }
    const pastTheEnd = await check.inTwoStatements(t, () =>
      t.http.get('/api/status-reports').query({ agreementId: agreement.id, page: 4, pageSize: 10 }).expect(200),
    );
    expect(pastTheEnd.body).toMatchObject({ items: [], total: 30, page: 4 });

    const report = await newStatusReport(t);
    await check.inTwoStatements(t, () => t.http.get(at(report.id)).expect(200));
  });
});
