import * as check from './support/checks';
import { addDays, today } from './support/dates';
import { newAgreement, newCityPortfolio, newMilestone, newPriorityArea, newProject } from './support/factories';
import { auditEvents, rowCount, useTestApp } from './support/test-app';
import { createdRecord, fieldsOf, UNKNOWN_ID as MISSING } from './support/values';

/** The URL of one record (ids from the JSON bodies are unknown-typed). */
const at = (id: unknown): string => `/api/milestones/${id as string}`;

describe('milestones API', () => {
  const t = useTestApp();
  // The rules every resource keeps (invalid fields, 401, stale versions, unknown ids, read-only roles, city
  // scope) are asserted once for all in resource-rules.int-spec.ts.

  /** The stored row, straight from the database. */
  async function stored(id: unknown): Promise<Record<string, unknown>> {
    const [row] = await t.dataSource.query<Array<Record<string, unknown>>>(
      'SELECT status, completed_on::text AS completed_on, title, version, project_id FROM milestones WHERE id = $1',
      [id],
    );
    if (!row) throw new Error(`milestone ${String(id)} is not stored`);
    return row;
  }

  it('creates, reads, lists, updates and deletes a milestone', async () => {
    const project = await newProject(t, { code: 'VESI-KH', name: 'Vesi-painopisteen käynnistämishanke' });
    const body = { projectId: project.id, title: 'Ohjausryhmä käsittelee hankkeen', dueDate: '2027-08-13' };
    const created = await t.http.post('/api/milestones').send(body).expect(201);
    expect(created.body).toEqual(
      createdRecord({
        ...body,
        project: { id: project.id, code: 'VESI-KH', name: 'Vesi-painopisteen käynnistämishanke' },
        description: null,
        status: 'planned',
        completedOn: null,
        overdue: false,
        allowedTransitions: ['in_progress', 'done', 'cancelled'],
      }),
    );
    await check.foundAsCreated(t.http, '/api/milestones', created.body, { projectId: project.id });

    const change = { title: 'Ohjausryhmä hyväksyy hankkeen', description: 'Kokous 13.8.', status: 'in_progress' };
    const updated = await t.http.patch(at(created.body.id)).set('If-Match', '"1"').send(change).expect(200);
    expect(updated.body).toMatchObject({
      ...change,
      allowedTransitions: ['planned', 'done', 'cancelled'],
      version: 2,
      project: { code: 'VESI-KH' },
    });

    const cleared = await t.http.patch(at(created.body.id)).send({ version: 2, description: null }).expect(200);
    expect(cleared.body).toMatchObject({ description: null, version: 3 });

    await t.http.delete(at(created.body.id)).set('If-Match', '"3"').expect(204);
    await t.http.get(at(created.body.id)).expect(404);
    expect(await rowCount(t, 'milestones')).toBe(0);
  });

  // Invalid fields in general: resource-rules.int-spec.ts.
  it('rejects a milestone without title and due date, of an unknown project or inconsistently completed, writing nothing', async () => {
    const project = await newProject(t);
    const milestone = { projectId: project.id, title: 'Virstanpylväs', dueDate: '2027-01-01' };
    await check.nothingChanged(t, { rows: ['milestones'] }, () =>
      check.invalidCreates(t.http, '/api/milestones', [
        [{ projectId: project.id }, ['dueDate', 'title']],
        [{ ...milestone, projectId: MISSING }, ['projectId']],
        [{ ...milestone, completedOn: '2025-01-01' }, ['completedOn']], // completed, but not done
        [{ ...milestone, status: 'done', completedOn: addDays(today, 1) }, ['completedOn']], // in the future
        [{ ...milestone, status: null }, ['status']],
      ]),
    );
  });

  it('rejects invalid updates with field details and changes nothing', async () => {
    const milestone = await newMilestone(t, { title: 'Alkuperäinen' });
    const otherProject = await newProject(t);
    const moved = await t.http.patch(at(milestone.id)).send({ version: 1, projectId: otherProject.id }).expect(400);
    expect(fieldsOf(moved)).toEqual(['projectId']);

    const bad = await t.http.patch(at(milestone.id)).send({ version: 1, title: '', dueDate: 'tomorrow' }).expect(400);
    expect(fieldsOf(bad)).toEqual(['dueDate', 'title']);

    const nullTitle = await t.http.patch(at(milestone.id)).send({ version: 1, title: null }).expect(400);
    expect(fieldsOf(nullTitle)).toEqual(['title']);

    expect(await stored(milestone.id)).toMatchObject({
      title: 'Alkuperäinen',
      version: 1,
      project_id: milestone.projectId,
      status: 'planned',
    });
  });

  it('derives overdue from the due date and status, and filters by it', async () => {
    const project = await newProject(t);
    const yesterday = addDays(today, -1);
    const late = await newMilestone(t, { projectId: project.id, title: 'Myöhässä', dueDate: yesterday });
    const doneLate = await newMilestone(t, {
      projectId: project.id,
      title: 'Valmis',
      dueDate: yesterday,
      status: 'done',
    });
    const cancelledLate = await newMilestone(t, {
      projectId: project.id,
      title: 'Peruttu',
      dueDate: yesterday,
      status: 'cancelled',
    });
    const dueToday = await newMilestone(t, { projectId: project.id, title: 'Tänään', dueDate: today });
    const inProgressLate = await newMilestone(t, {
      projectId: project.id,
      title: 'Käynnissä',
      dueDate: addDays(today, -10),
      status: 'in_progress',
    });

    expect(late.overdue).toBe(true);
    expect(doneLate.overdue).toBe(false);
    expect(doneLate.completedOn).toBe(today);
    expect(cancelledLate.overdue).toBe(false);
    expect(dueToday.overdue).toBe(false);
    expect(inProgressLate.overdue).toBe(true);
    expect((await t.http.get(at(late.id)).expect(200)).body.overdue).toBe(true);

    const overdue = await t.http.get('/api/milestones').query({ projectId: project.id, overdue: 'true' }).expect(200);
    expect(overdue.body.total).toBe(2);
    // Default order: due date ascending.
    expect(overdue.body.items.map((m: { id: string }) => m.id)).toEqual([inProgressLate.id, late.id]);
    expect(overdue.body.items.every((m: { overdue: boolean }) => m.overdue)).toBe(true);

    const notOverdue = await t.http
      .get('/api/milestones')
      .query({ projectId: project.id, overdue: 'false' })
      .expect(200);
    expect(notOverdue.body.items.map((m: { id: string }) => m.id).sort()).toEqual(
      [doneLate.id, cancelledLate.id, dueToday.id].sort(),
    );

    const bad = await t.http.get('/api/milestones').query({ overdue: 'maybe' }).expect(400);
    expect(fieldsOf(bad)).toEqual(['overdue']);
  });

  it('filters by due-date range ("due in the next 30 days"), status, text, project and agreement', async () => {
    const agreement = await newAgreement(t);
    const area = await newPriorityArea(t, { agreementId: agreement.id });
    const project = await newProject(t, { priorityAreaId: area.id });
    const otherProject = await newProject(t);
    const soon = await newMilestone(t, { projectId: project.id, title: 'Loppuraportti', dueDate: addDays(today, 3) });
    const edge = await newMilestone(t, {
      projectId: project.id,
      title: 'Maksatushakemus',
      dueDate: addDays(today, 30),
    });
    const later = await newMilestone(t, {
      projectId: project.id,
      title: 'Loppuseminaari',
      dueDate: addDays(today, 31),
    });
    const past = await newMilestone(t, { projectId: project.id, title: 'Aloitus', dueDate: addDays(today, -1) });
    await newMilestone(t, { projectId: otherProject.id, title: 'Loppuraportti', dueDate: addDays(today, 5) });

    const next30 = await t.http
      .get('/api/milestones')
      .query({ projectId: project.id, dueFrom: today, dueTo: addDays(today, 30) })
      .expect(200);
    expect(next30.body.items.map((m: { id: string }) => m.id)).toEqual([soon.id, edge.id]);

    const byAgreement = await t.http
      .get('/api/milestones')
      .query({ agreementId: agreement.id, sort: '-dueDate' })
      .expect(200);
    expect(byAgreement.body.items.map((m: { id: string }) => m.id)).toEqual([later.id, edge.id, soon.id, past.id]);

    const byText = await t.http.get('/api/milestones').query({ agreementId: agreement.id, q: 'loppu' }).expect(200);
    expect(byText.body.items.map((m: { id: string }) => m.id)).toEqual([soon.id, later.id]);

    const byTitle = await t.http.get('/api/milestones').query({ projectId: project.id, sort: 'title' }).expect(200);
    expect(byTitle.body.items.map((m: { title: string }) => m.title)).toEqual([
      'Aloitus',
      'Loppuraportti',
      'Loppuseminaari',
      'Maksatushakemus',
    ]);

    await t.http.patch(at(later.id)).send({ version: 1, status: 'in_progress' }).expect(200);
    const byStatus = await t.http
      .get('/api/milestones')
      .query({ agreementId: agreement.id, status: 'in_progress' })
      .expect(200);
    expect(byStatus.body.items.map((m: { id: string }) => m.id)).toEqual([later.id]);

    const noneForAgreement = await t.http.get('/api/milestones').query({ agreementId: MISSING }).expect(200);
    expect(noneForAgreement.body).toMatchObject({ total: 0, items: [] });

    const inverted = await t.http
      .get('/api/milestones')
      .query({ dueFrom: addDays(today, 30), dueTo: today })
      .expect(400);
    expect(fieldsOf(inverted)).toEqual(['dueTo']);
    const bad = await t.http
      .get('/api/milestones')
      .query({ dueFrom: '2027-13-01', status: 'late', sort: 'priority', projectId: 'x' })
      .expect(400);
    expect(fieldsOf(bad)).toEqual(['dueFrom', 'projectId', 'sort', 'status']);
  });

  it('sets completedOn to today when done without one, keeps a given one, and clears it when leaving done', async () => {
    const milestone = await newMilestone(t);
    const done = await t.http.patch(at(milestone.id)).send({ version: 1, status: 'done' }).expect(200);
    expect(done.body).toMatchObject({ status: 'done', completedOn: today, allowedTransitions: ['in_progress'] });

    const reopened = await t.http.patch(at(milestone.id)).send({ version: 2, status: 'in_progress' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'in_progress', completedOn: null });
    expect(await stored(milestone.id)).toMatchObject({ status: 'in_progress', completed_on: null });

    const doneEarlier = await t.http
      .patch(at(milestone.id))
      .send({ version: 3, status: 'done', completedOn: '2025-05-20' })
      .expect(200);
    expect(doneEarlier.body).toMatchObject({ status: 'done', completedOn: '2025-05-20' });

    // Editing a done milestone keeps its completion date unless a new one is sent.
    const retitled = await t.http.patch(at(milestone.id)).send({ version: 4, title: 'Valmistunut' }).expect(200);
    expect(retitled.body).toMatchObject({ status: 'done', completedOn: '2025-05-20' });
    const corrected = await t.http.patch(at(milestone.id)).send({ version: 5, completedOn: '2025-05-19' }).expect(200);
    expect(corrected.body).toMatchObject({ completedOn: '2025-05-19', version: 6 });
  });

  it('refuses a future completion date, a completion date without done, and clearing it while done (400, unchanged)', async () => {
    const milestone = await newMilestone(t);
    const future = await t.http
      .patch(at(milestone.id))
      .send({ version: 1, status: 'done', completedOn: addDays(today, 1) })
      .expect(400);
    expect(fieldsOf(future)).toEqual(['completedOn']);

    const notDone = await t.http
      .patch(at(milestone.id))
      .send({ version: 1, status: 'in_progress', completedOn: '2025-01-01' })
      .expect(400);
    expect(fieldsOf(notDone)).toEqual(['completedOn']);
    expect(await stored(milestone.id)).toMatchObject({ status: 'planned', completed_on: null, version: 1 });

    await t.http.patch(at(milestone.id)).send({ version: 1, status: 'done' }).expect(200);
    const clearing = await t.http.patch(at(milestone.id)).send({ version: 2, completedOn: null }).expect(400);
    expect(fieldsOf(clearing)).toEqual(['completedOn']);
    expect(await stored(milestone.id)).toMatchObject({ status: 'done', completed_on: today, version: 2 });
  });

  it('refuses an illegal status change with 409 and changes nothing', async () => {
    const milestone = await newMilestone(t, { status: 'cancelled' });
    expect(milestone.allowedTransitions).toEqual(['planned']);
    const res = await t.http
      .patch(at(milestone.id))
      .send({ version: 1, status: 'done', title: 'Ei muutu' })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'ILLEGAL_TRANSITION' });
    expect(res.body.details.status).toBeDefined();
    expect(await stored(milestone.id)).toMatchObject({
      status: 'cancelled',
      completed_on: null,
      title: milestone.title,
      version: 1,
    });

    // Allowed: cancelled → planned.
    await t.http.patch(at(milestone.id)).send({ version: 1, status: 'planned' }).expect(200);
  });

  const idsOf = (items: Array<{ id: string }>): string[] => items.map((m) => m.id);

  it("keeps a coordinator's overdue list, and the project of a new milestone, within their own city", async () => {
    const a = await newCityPortfolio(t);
    const b = await newCityPortfolio(t);
    const mine = await newMilestone(t, { projectId: a.projectId, title: 'Oma', dueDate: addDays(today, -1) });
    const theirs = await newMilestone(t, { projectId: b.projectId, title: 'Vieras', dueDate: addDays(today, -1) });
    const coordinator = await t.as('coordinator', { cityId: a.cityId });

    const overdue = await coordinator.get('/api/milestones').query({ overdue: 'true' }).expect(200);
    expect(idsOf(overdue.body.items)).toEqual([mine.id]);
    // The admin sees both cities.
    const adminOverdue = await t.http.get('/api/milestones').query({ overdue: 'true', pageSize: 100 }).expect(200);
    expect(idsOf(adminOverdue.body.items)).toEqual(expect.arrayContaining([mine.id, theirs.id]));

    // Another city's project in a body is refused exactly like a missing one.
    const cross = { projectId: b.projectId, title: 'Väärä kaupunki', dueDate: '2027-01-01' };
    await check.nothingChanged(t, { rows: ['milestones'] }, () =>
      check.rejects(coordinator.post('/api/milestones').send(cross), ['projectId']),
    );
  });

  it('audits each write once with the actor and exact old → new values; a rejected write leaves no event', async () => {
    const a = await newCityPortfolio(t);
    const b = await newCityPortfolio(t);
    const coordinator = await t.as('coordinator', { cityId: a.cityId, displayName: 'Kaisa Koordinaattori' });
    const me = (await coordinator.get('/api/me').expect(200)).body.user as { id: string; displayName: string };
    expect(me.displayName).toBe('Kaisa Koordinaattori');
    const who = { actorId: me.id, actorName: 'Kaisa Koordinaattori', entityType: 'milestone' };
    const where = { projectId: a.projectId, cityId: a.cityId };

    const created = (
      await coordinator
        .post('/api/milestones')
        .send({ projectId: a.projectId, title: 'Ohjausryhmä', dueDate: '2027-08-13' })
        .expect(201)
    ).body;
    const id = created.id as string;
    expect(await auditEvents(t, { entityId: id })).toEqual([
      expect.objectContaining({
        ...who,
        ...where,
        action: 'create',
        entityId: id,
        changes: {
          projectId: { old: null, new: a.projectId },
          title: { old: null, new: 'Ohjausryhmä' },
          dueDate: { old: null, new: '2027-08-13' },
          status: { old: null, new: 'planned' },
        },
      }),
    ]);

    await coordinator
      .patch(at(id))
      .send({ version: 1, dueDate: '2027-09-30', status: 'done', completedOn: '2025-05-20' })
      .expect(200);
    const afterUpdate = await auditEvents(t, { entityId: id });
    expect(afterUpdate).toHaveLength(2);
    expect(afterUpdate[1]).toEqual(
      expect.objectContaining({
        ...who,
        ...where,
        action: 'update',
        entityId: id,
        changes: {
          dueDate: { old: '2027-08-13', new: '2027-09-30' },
          status: { old: 'planned', new: 'done' },
          completedOn: { old: null, new: '2025-05-20' },
        },
      }),
    );

    // Rejected writes: validation (DTO and service rules), cross-city reference, stale version,
    // illegal transition. None changes the milestone or leaves an event.
    const total = (await auditEvents(t, { entityType: 'milestone' })).length;
    await coordinator.post('/api/milestones').send({ projectId: a.projectId, title: '', dueDate: 'x' }).expect(400);
    await coordinator
      .post('/api/milestones')
      .send({
        projectId: a.projectId,
        title: 'Tuleva',
        dueDate: '2027-01-01',
        status: 'done',
        completedOn: addDays(today, 1),
      })
      .expect(400);
    await coordinator
      .post('/api/milestones')
      .send({ projectId: b.projectId, title: 'Vieras', dueDate: '2027-01-01' })
      .expect(400);
    await coordinator
      .patch(at(id))
      .send({ version: 2, completedOn: addDays(today, 1) })
      .expect(400);
    await coordinator.patch(at(id)).send({ version: 2, completedOn: null }).expect(400);
    expect((await coordinator.patch(at(id)).send({ version: 1, title: 'Vanha' }).expect(409)).body.code).toBe(
      'STALE_VERSION',
    );
    expect((await coordinator.patch(at(id)).send({ version: 2, status: 'cancelled' }).expect(409)).body.code).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect((await coordinator.delete(at(id)).set('If-Match', '"1"').expect(409)).body.code).toBe('STALE_VERSION');
    expect((await auditEvents(t, { entityType: 'milestone' })).length).toBe(total);
    expect(await stored(id)).toMatchObject({ status: 'done', completed_on: '2025-05-20', version: 2 });

    await coordinator.delete(at(id)).set('If-Match', '"2"').expect(204);
    const afterDelete = await auditEvents(t, { entityId: id });
    expect(afterDelete.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(afterDelete[2]).toEqual(
      expect.objectContaining({
        ...who,
        ...where,
        action: 'delete',
        entityId: id,
        changes: {
          projectId: { old: a.projectId, new: null },
          title: { old: 'Ohjausryhmä', new: null },
          dueDate: { old: '2027-09-30', new: null },
          status: { old: 'done', new: null },
          completedOn: { old: '2025-05-20', new: null },
        },
      }),
    );
    expect((await auditEvents(t, { entityType: 'milestone' })).length).toBe(total + 1);
  });

  it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
    const agreement = await newAgreement(t);
    const area = await newPriorityArea(t, { agreementId: agreement.id });
    const projects = [
      await newProject(t, { priorityAreaId: area.id }),
      await newProject(t, { priorityAreaId: area.id }),
    ];
    for (let i = 0; i < 30; i++) {
      await newMilestone(t, { projectId: projects[i % 2]!.id, dueDate: addDays(today, i - 15) });
    }
    const queries = [1, 10, 100].flatMap((pageSize) => [
      { pageSize },
      { pageSize, agreementId: agreement.id, overdue: 'true' },
    ]);
    for (const page of await check.pagesInTwoStatements(t, t.http, '/api/milestones', queries)) {
      expect(page.body.items[0].project.code).toEqual(expect.any(String));
    }
    const overdue = await t.http
      .get('/api/milestones')
      .query({ agreementId: agreement.id, overdue: 'true' })
      .expect(200);
    expect(overdue.body.total).toBe(15);

    const pastTheEnd = await check.inTwoStatements(t, () =>
      t.http.get('/api/milestones').query({ agreementId: agreement.id, page: 5, pageSize: 10 }).expect(200),
    );
    expect(pastTheEnd.body).toMatchObject({ items: [], total: 30, page: 5 });

    const milestone = await newMilestone(t);
    await check.inTwoStatements(t, () => t.http.get(at(milestone.id)).expect(200));
  });
});
