import * as check from './support/checks';
import {
  newAgreement,
  newCityPortfolio,
  newOrganisation,
  newParticipant,
  newPriorityArea,
  newProject,
} from './support/factories';
import { auditEvents, rowCount, useTestApp } from './support/test-app';
import { createdRecord, fieldsOf, UNKNOWN_ID as MISSING, type Json } from './support/values';

/** The URL of one record (ids from the JSON bodies are unknown-typed). */
const at = (id: unknown): string => `/api/participants/${id as string}`;

describe('participants API (the participant register)', () => {
  const t = useTestApp();
  // The rules every resource keeps (401, stale versions, unknown ids, read-only roles, city scope) are
  // asserted once for all in resource-rules.int-spec.ts.

  /** The stored row, straight from the database. */
  async function stored(id: unknown): Promise<Record<string, unknown>> {
    const [row] = await t.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT organisation_id, role, starts_on::text AS starts_on, ends_on::text AS ends_on, support_kind,
              support_amount, version, project_id
       FROM participants WHERE id = $1`,
      [id],
    );
    if (!row) throw new Error(`participant ${String(id)} is not stored`);
    return row;
  }

  it('creates, reads, lists, updates, clears and deletes a participant', async () => {
    const project = await newProject(t, { code: 'VESI-KH', name: 'Vesi-painopisteen käynnistämishanke' });
    const savonia = await newOrganisation(t, {
      name: 'Savonia-ammattikorkeakoulu',
      kind: 'university_of_applied_sciences',
      businessId: '0245894-7',
    });
    const body = {
      projectId: project.id,
      organisationId: savonia.id,
      role: 'lead',
      startsOn: '2021-09-01',
      endsOn: '2023-12-31',
      supportKind: 'grant',
      supportAmount: '15000.5',
    };
    const created = await t.http.post('/api/participants').send(body).expect(201);
    expect(created.body).toEqual(
      createdRecord({
        projectId: project.id,
        projectCode: 'VESI-KH',
        projectName: 'Vesi-painopisteen käynnistämishanke',
        organisation: {
          id: savonia.id,
          name: 'Savonia-ammattikorkeakoulu',
          kind: 'university_of_applied_sciences',
          businessId: '0245894-7',
        },
        role: 'lead',
        startsOn: '2021-09-01',
        endsOn: '2023-12-31',
        supportKind: 'grant',
        // Money is exact and written with its two decimals.
        supportAmount: '15000.50',
        flagged: false,
      }),
    );
    await check.foundAsCreated(t.http, '/api/participants', created.body, { projectId: project.id });

    const change = { role: 'partner', supportKind: 'advisory', endsOn: '2027-12-31' };
    const updated = await t.http.patch(at(created.body.id)).set('If-Match', '"1"').send(change).expect(200);
    expect(updated.body).toMatchObject({ ...change, startsOn: '2021-09-01', version: 2, projectCode: 'VESI-KH' });

    const cleared = await t.http
      .patch(at(created.body.id))
      .send({ version: 2, startsOn: null, endsOn: null, supportKind: null, supportAmount: null })
      .expect(200);
    expect(cleared.body).toMatchObject({
      startsOn: null,
      endsOn: null,
      supportKind: null,
      supportAmount: null,
      role: 'partner',
      version: 3,
    });

    await t.http.delete(at(created.body.id)).set('If-Match', '"3"').expect(204);
    await t.http.get(at(created.body.id)).expect(404);
    expect(await rowCount(t, 'participants')).toBe(0);
  });

  it('flags a company without a business ID, and only that', async () => {
    const project = await newProject(t);
    const cases: Array<[Json, boolean]> = [
      [{ kind: 'company' }, true],
      [{ kind: 'company', businessId: '0201256-6' }, false],
      [{ kind: 'university' }, false],
      [{ kind: 'research_institute' }, false],
    ];
    for (const [organisation, flagged] of cases) {
      const org = await newOrganisation(t, organisation);
      const participant = await newParticipant(t, { projectId: project.id, organisationId: org.id });
      expect({ organisation, flagged: participant.flagged }).toEqual({ organisation, flagged });
    }
    const flagged = await t.http.get('/api/participants').query({ projectId: project.id, flagged: 'true' }).expect(200);
    expect(flagged.body.items.map((p: Json) => (p.organisation as Json).kind)).toEqual(['company']);
    expect(flagged.body.items[0].organisation.businessId).toBeNull();
    const others = await t.http.get('/api/participants').query({ projectId: project.id, flagged: 'false' }).expect(200);
    expect(others.body.total).toBe(3);

    // Giving the company its business ID lifts the flag (it is derived, never stored).
    const company = flagged.body.items[0].organisation as Json;
    await t.http
      .patch(`/api/organisations/${company.id as string}`)
      .send({ version: 1, businessId: '0737546-2' })
      .expect(200);
    const after = await t.http.get(at(flagged.body.items[0].id)).expect(200);
    expect(after.body).toMatchObject({ flagged: false, organisation: { businessId: '0737546-2' } });
  });

  it('rejects invalid participants with field details, writing nothing', async () => {
    const project = await newProject(t);
    const organisation = await newOrganisation(t);
    const valid = { projectId: project.id, organisationId: organisation.id, role: 'company' };
    await check.nothingChanged(t, { rows: ['participants'], events: 'participant' }, () =>
      check.invalidCreates(t.http, '/api/participants', [
        [{}, ['organisationId', 'projectId', 'role']],
        [{ ...valid, projectId: MISSING }, ['projectId']],
        [{ ...valid, organisationId: MISSING }, ['organisationId']],
        [{ ...valid, organisationId: 'savonia' }, ['organisationId']],
        [{ ...valid, role: 'sponsor', supportKind: 'loan' }, ['role', 'supportKind']],
        [{ ...valid, startsOn: '2024-02-30', endsOn: 'ongoing' }, ['endsOn', 'startsOn']],
        [{ ...valid, startsOn: '2024-06-01', endsOn: '2024-05-31' }, ['endsOn']],
        [{ ...valid, supportAmount: '-1.00' }, ['supportAmount']],
        [{ ...valid, supportAmount: 1000 }, ['supportAmount']],
        [{ ...valid, supportAmount: '12.345' }, ['supportAmount']],
        [{ ...valid, extra: true }, ['extra']],
      ]),
    );
    // A period of one day, and no amount at all, are fine.
    await t.http
      .post('/api/participants')
      .send({ ...valid, startsOn: '2024-06-01', endsOn: '2024-06-01', supportAmount: '0' })
      .expect(201);
  });

  it('answers a second row for the same organisation in a project with 409 DUPLICATE on organisationId', async () => {
    const project = await newProject(t);
    const company = await newOrganisation(t);
    const other = await newOrganisation(t);
    await newParticipant(t, { projectId: project.id, organisationId: company.id });
    const second = await newParticipant(t, { projectId: project.id, organisationId: other.id });
    await check.nothingChanged(t, { rows: ['participants'], events: 'participant' }, async () => {
      const duplicate = await t.http
        .post('/api/participants')
        .send({ projectId: project.id, organisationId: company.id, role: 'partner' })
        .expect(409);
      expect(duplicate.body).toMatchObject({
        code: 'DUPLICATE',
        problems: { organisationId: [{ code: 'duplicate' }] },
      });
      // Moving the other row onto the same organisation is the same duplicate.
      const moved = await t.http.patch(at(second.id)).send({ version: 1, organisationId: company.id }).expect(409);
      expect(moved.body).toMatchObject({ code: 'DUPLICATE', problems: { organisationId: [{ code: 'duplicate' }] } });
    });
    // The same organisation in another project is another participation.
    await newParticipant(t, { organisationId: company.id });
  });

  it('rejects invalid updates with field details (the period as it would be stored) and changes nothing', async () => {
    const participant = await newParticipant(t, { startsOn: '2022-01-01', endsOn: '2022-12-31', role: 'partner' });
    const otherProject = await newProject(t);
    await check.invalidUpdates(t.http, at(participant.id), [
      [{ projectId: otherProject.id }, ['projectId']],
      [{ endsOn: '2021-12-31' }, ['endsOn']], // before the stored start
      [{ startsOn: '2023-01-01' }, ['endsOn']], // after the stored end: the end is what is wrong
      [{ role: null }, ['role']],
      [{ organisationId: null }, ['organisationId']],
      [{ organisationId: MISSING }, ['organisationId']],
      [{ supportAmount: '-5' }, ['supportAmount']],
    ]);
    expect(await stored(participant.id)).toMatchObject({
      starts_on: '2022-01-01',
      ends_on: '2022-12-31',
      role: 'partner',
      version: 1,
      project_id: participant.projectId,
    });
    // Clearing one end makes an open period: allowed.
    const open = await t.http.patch(at(participant.id)).send({ version: 1, startsOn: '2023-01-01', endsOn: null });
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ startsOn: '2023-01-01', endsOn: null, version: 2 });
    const bad = await t.http
      .patch(at(participant.id))
      .send({ version: 2, role: 'boss', startsOn: 'eilen' })
      .expect(400);
    expect(fieldsOf(bad)).toEqual(['role', 'startsOn']);
  });

  it('filters by project, agreement, organisation, role and organisation name, and sorts', async () => {
    const agreement = await newAgreement(t);
    const area = await newPriorityArea(t, { agreementId: agreement.id });
    const project = await newProject(t, { priorityAreaId: area.id });
    const otherProject = await newProject(t);
    const savonia = await newOrganisation(t, {
      name: 'Savonia-ammattikorkeakoulu',
      kind: 'university_of_applied_sciences',
    });
    const firma = await newOrganisation(t, { name: 'Aalto Vesi Oy', kind: 'company' });
    const lead = await newParticipant(t, {
      projectId: project.id,
      organisationId: savonia.id,
      role: 'lead',
      startsOn: '2021-09-01',
      supportAmount: '500.00',
    });
    const company = await newParticipant(t, {
      projectId: project.id,
      organisationId: firma.id,
      role: 'company',
      startsOn: '2022-01-01',
      supportAmount: '20.00',
    });
    const elsewhere = await newParticipant(t, {
      projectId: otherProject.id,
      organisationId: firma.id,
      role: 'partner',
    });

    expect(await check.listIds(t.http, '/api/participants', { projectId: project.id })).toEqual([company.id, lead.id]);
    expect(
      await check.listIds(t.http, '/api/participants', { agreementId: agreement.id, sort: '-organisation' }),
    ).toEqual([lead.id, company.id]);
    expect(await check.listIds(t.http, '/api/participants', { organisationId: firma.id, sort: 'role' })).toEqual([
      elsewhere.id,
      company.id,
    ]);
    expect(await check.listIds(t.http, '/api/participants', { role: 'lead', projectId: project.id })).toEqual([
      lead.id,
    ]);
    expect(await check.listIds(t.http, '/api/participants', { q: 'savonia' })).toEqual([lead.id]);
    expect(await check.listIds(t.http, '/api/participants', { projectId: project.id, sort: 'startsOn' })).toEqual([
      lead.id,
      company.id,
    ]);
    expect(await check.listIds(t.http, '/api/participants', { projectId: project.id, sort: '-supportAmount' })).toEqual(
      [lead.id, company.id],
    );
    const bad = await t.http
      .get('/api/participants')
      .query({ role: 'boss', flagged: 'maybe', sort: 'name', projectId: 'x' })
      .expect(400);
    expect(fieldsOf(bad)).toEqual(['flagged', 'projectId', 'role', 'sort']);
  });

  it("keeps a coordinator within their own city: another city's participant is 404, its project a 400", async () => {
    const a = await newCityPortfolio(t);
    const b = await newCityPortfolio(t);
    const company = await newOrganisation(t);
    const mine = await newParticipant(t, { projectId: a.projectId, organisationId: company.id });
    const theirs = await newParticipant(t, { projectId: b.projectId, organisationId: company.id });
    const coordinator = await t.as('coordinator', { cityId: a.cityId });

    expect(await check.listIds(coordinator, '/api/participants', { organisationId: company.id })).toEqual([mine.id]);
    expect(await check.listIds(coordinator, '/api/participants', { projectId: b.projectId })).toEqual([]);
    expect(await check.listIds(coordinator, '/api/participants', { agreementId: b.agreementId })).toEqual([]);
    await check.hiddenLikeMissing(coordinator, '/api/participants', theirs.id);
    // The admin and a liaison see both cities.
    const liaison = await t.as('liaison');
    expect((await check.listIds(liaison, '/api/participants', { organisationId: company.id })).sort()).toEqual(
      [mine.id, theirs.id].sort(),
    );

    await check.nothingChanged(t, { rows: ['participants'], events: 'participant' }, async () => {
      await check.rejects(
        coordinator
          .post('/api/participants')
          .send({ projectId: b.projectId, organisationId: company.id, role: 'company' }),
        ['projectId'],
      );
      await coordinator.patch(at(theirs.id)).send({ version: 1, role: 'partner' }).expect(404);
      await coordinator.delete(at(theirs.id)).expect(404);
      // Read-only roles may not write at all.
      const manager = await t.as('manager', { cityId: a.cityId });
      await manager.patch(at(mine.id)).send({ version: 1, role: 'partner' }).expect(403);
    });
    expect(await stored(theirs.id)).toMatchObject({ role: 'company', version: 1 });
  });

  it('audits each write once with the actor and exact old → new values, and shows it in the project history', async () => {
    const a = await newCityPortfolio(t);
    const coordinator = await t.as('coordinator', { cityId: a.cityId, displayName: 'Kaisa Koordinaattori' });
    const me = (await coordinator.get('/api/me').expect(200)).body.user as { id: string };
    const who = { actorId: me.id, actorName: 'Kaisa Koordinaattori', entityType: 'participant' };
    const where = { projectId: a.projectId, cityId: a.cityId };
    const vtt = await newOrganisation(t, { name: 'VTT', kind: 'research_institute' });

    const created = (
      await coordinator
        .post('/api/participants')
        .send({ projectId: a.projectId, organisationId: vtt.id, role: 'research_organisation', startsOn: '2024-01-01' })
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
          organisationId: { old: null, new: vtt.id },
          role: { old: null, new: 'research_organisation' },
          startsOn: { old: null, new: '2024-01-01' },
        },
      }),
    ]);

    await coordinator
      .patch(at(id))
      .send({ version: 1, supportKind: 'test_bed_access', supportAmount: '2500.00' })
      .expect(200);
    const afterUpdate = await auditEvents(t, { entityId: id });
    expect(afterUpdate[1]).toEqual(
      expect.objectContaining({
        ...who,
        ...where,
        action: 'update',
        changes: {
          supportKind: { old: null, new: 'test_bed_access' },
          supportAmount: { old: null, new: '2500.00' },
        },
      }),
    );

    // Refused writes leave no event.
    const total = (await auditEvents(t, { entityType: 'participant' })).length;
    await coordinator.patch(at(id)).send({ version: 1, role: 'partner' }).expect(409);
    await coordinator.patch(at(id)).send({ version: 2, endsOn: '2023-12-31' }).expect(400);
    await coordinator.delete(at(id)).set('If-Match', '"1"').expect(409);
    expect((await auditEvents(t, { entityType: 'participant' })).length).toBe(total);

    await coordinator.delete(at(id)).set('If-Match', '"2"').expect(204);
    const events = await auditEvents(t, { entityId: id });
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(events[2]!.changes).toEqual({
      projectId: { old: a.projectId, new: null },
      organisationId: { old: vtt.id, new: null },
      role: { old: 'research_organisation', new: null },
      startsOn: { old: '2024-01-01', new: null },
      supportKind: { old: 'test_bed_access', new: null },
      supportAmount: { old: '2500.00', new: null },
    });

    // The project's history carries the participant's events, with the organisation named.
    const history = await t.http.get(`/api/projects/${a.projectId}/history`).expect(200);
    const participantEvents = (history.body.items as Json[]).filter((item) => item.entityType === 'participant');
    expect(participantEvents.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(participantEvents[2]!.references).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: vtt.id, kind: 'organisation', name: 'VTT' })]),
    );
  });

  it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
    const agreement = await newAgreement(t);
    const area = await newPriorityArea(t, { agreementId: agreement.id });
    const projects = [
      await newProject(t, { priorityAreaId: area.id }),
      await newProject(t, { priorityAreaId: area.id }),
    ];
    for (let i = 0; i < 30; i++) await newParticipant(t, { projectId: projects[i % 2]!.id });
    const queries = [1, 10, 100].flatMap((pageSize) => [
      { pageSize },
      { pageSize, agreementId: agreement.id, flagged: 'true' },
    ]);
    for (const page of await check.pagesInTwoStatements(t, t.http, '/api/participants', queries)) {
      expect(page.body.items[0].organisation.name).toEqual(expect.any(String));
    }
    const pastTheEnd = await check.inTwoStatements(t, () =>
      t.http.get('/api/participants').query({ agreementId: agreement.id, page: 5, pageSize: 10 }).expect(200),
    );
    expect(pastTheEnd.body).toMatchObject({ items: [], total: 30, page: 5 });
    const participant = await newParticipant(t);
    await check.inTwoStatements(t, () => t.http.get(at(participant.id)).expect(200));
  });
});
