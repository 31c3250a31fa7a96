import { useTestApp } from './support/test-app';

/** The Kuopio demo portfolio, as a user sees it through the API (facts: docs/DEMO-DATA.md). */
describe('Kuopio demo portfolio', () => {
  const t = useTestApp({ demo: true });

  it('has the agreement with both priority areas and their sub-themes', async () => {
    const agreements = await t.http.get('/api/agreements').expect(200);
    expect(agreements.body.total).toBe(1);
    const agreement = agreements.body.items[0];
    expect(agreement).toMatchObject({
      signedOn: '2021-02-09',
      validTo: '2027-12-31',
      city: { name: 'Kuopion kaupunki' },
    });
    const areas = await t.http.get('/api/priority-areas').query({ agreementId: agreement.id }).expect(200);
    expect(areas.body.items.map((a: { nameEn: string }) => a.nameEn).sort()).toEqual([
      'Health and wellbeing technology',
      'Water',
    ]);
    for (const area of areas.body.items) expect(area.subThemes.length).toBeGreaterThanOrEqual(2);
  });

  it('lists both launch projects with their leads and funding summary', async () => {
    const res = await t.http.get('/api/projects').query({ kind: 'launch', sort: 'code' }).expect(200);
    expect(res.body.total).toBe(2);
    const [health, water] = res.body.items;
    expect(health).toMatchObject({
      code: 'TERVEYS-KH',
      kind: 'launch',
      lifecycleStatus: 'active',
      leadOrganisation: { name: 'Kuopio Health' },
      latestStatus: { health: 'on_track' },
    });
    expect(water).toMatchObject({
      code: 'VESI-KH',
      name: 'Kuopion kaupungin ekosysteemisopimuksen vesi-painopisteen käynnistämishanke',
      leadOrganisation: { name: 'Savonia-ammattikorkeakoulu' },
      totalBudget: null,
      plannedStart: null,
      // the city's co-funding amount is not public: it counts as nothing granted, not as a guess
      funding: { granted: '0.00', paid: '0.00', remaining: '0.00', unknownAmounts: 1 },
    });
  });

  it("has the launch projects' participants as the sources name them, their periods and support left unknown", async () => {
    const res = await t.http.get('/api/participants').query({ sort: 'organisation', pageSize: 100 }).expect(200);
    expect(res.body.total).toBe(3);
    const rows = (res.body.items as Array<Record<string, unknown> & { organisation: { name: string } }>).map((p) => [
      p.projectCode,
      p.organisation.name,
      p.role,
    ]);
    expect(rows).toEqual([
      ['TERVEYS-KH', 'Kuopio Health', 'lead'],
      ['VESI-KH', 'Kuopion kaupunki', 'other'],
      ['VESI-KH', 'Savonia-ammattikorkeakoulu', 'lead'],
    ]);
    for (const participant of res.body.items) {
      // Not public: left empty, never invented; no company among them, so nothing is flagged.
      expect(participant).toMatchObject({
        startsOn: null,
        endsOn: null,
        supportKind: null,
        supportAmount: null,
        flagged: false,
      });
    }
  });

  it('has the AKKE decision and the city board co-funding decision with its amount left empty', async () => {
    const res = await t.http.get('/api/funding-decisions').query({ sort: 'decisionDate' }).expect(200);
    expect(res.body.total).toBe(2);
    const [akke, coFunding] = res.body.items;
    expect(akke).toMatchObject({
      instrument: 'akke',
      decisionDate: '2021-02-04',
      amountGranted: '200000.00',
      status: 'granted',
      project: null,
      funder: { name: 'Työ- ja elinkeinoministeriö' },
      recipient: { name: 'Pohjois-Savon liitto' },
    });
    expect(coFunding).toMatchObject({
      instrument: 'city_co_funding',
      decisionBody: 'Kuopion kaupunginhallitus',
      decisionDate: '2021-09-20',
      recordNumber: '§51',
      amountGranted: null,
      project: { code: 'VESI-KH' },
      funder: { name: 'Kuopion kaupunki' },
      recipient: { name: 'Savonia-ammattikorkeakoulu' },
    });
  });

  it('has a first status report for each launch project', async () => {
    const res = await t.http.get('/api/status-reports').expect(200);
    expect(res.body.total).toBe(2);
    for (const report of res.body.items) {
      expect(report).toMatchObject({ health: 'on_track', lifecycleStatus: 'active', author: 'Salkku (demo data)' });
    }
    // Dated by the sourced events they describe (not the day the data was loaded).
    const dates = Object.fromEntries(
      (res.body.items as Array<{ project: { code: string }; reportingDate: string }>).map((r) => [
        r.project.code,
        r.reportingDate,
      ]),
    );
    expect(dates).toEqual({ 'VESI-KH': '2021-09-20', 'TERVEYS-KH': '2021-09-30' });
  });

  it("gives the agreement's 2021 report its narratives and the launch projects' stage then", async () => {
    const agreements = await t.http.get('/api/agreements').expect(200);
    const agreementId = (agreements.body.items as Array<{ id: string }>)[0]!.id;
    const report = await t.http.get(`/api/reports/agreements/${agreementId}?from=2021-01-01&to=2021-12-31`).expect(200);
    expect(report.body.narratives).toHaveLength(2);
    const projects = (report.body.priorityAreas as Array<{ projects: Array<Record<string, unknown>> }>).flatMap(
      (a) => a.projects,
    );
    expect(projects).toHaveLength(2);
    for (const project of projects) {
      expect(project).toMatchObject({ lifecycleStatus: 'active', latestReport: { health: 'on_track' } });
    }
  });
});
