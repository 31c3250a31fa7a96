import type TestAgent from 'supertest/lib/agent';
import * as factory from './support/factories';
import { type TestApp, useTestApp } from './support/test-app';

/**
 * Access control, route by route: every route of the application (read from its own router)
 * has an expected outcome for each kind of caller. A route that is missing from this table
 * fails the suite, so a new route cannot ship without a decision about who may call it.
 *
 * Callers: anonymous; a coordinator of city A (whose records the ids below belong to); a
 * coordinator of city B (another city); a manager of city A; a ministry liaison; an admin.
 * Requests are harmless: bodies that fail validation (400) prove a caller got past the guard;
 * updates and deletes carry a stale version (409) so nothing is changed.
 */
type Caller = 'anonymous' | 'coordinator' | 'otherCityCoordinator' | 'manager' | 'liaison' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'coordinator', 'otherCityCoordinator', 'manager', 'liaison', 'admin'];
type Expected = Record<Caller, number>;

// Shorthands for the common rows; every row still states all six outcomes.
const everyone = (status: number): Expected => ({
  anonymous: status,
  coordinator: status,
  otherCityCoordinator: status,
  manager: status,
  liaison: status,
  admin: status,
});
/** Read of a city's record: the other city's coordinator gets 404 (no leak of existence). */
const scopedRead = (ok: number): Expected => ({
  anonymous: 401,
  coordinator: ok,
  otherCityCoordinator: 404,
  manager: ok,
  liaison: ok,
  admin: ok,
});
/** A portfolio list: everyone signed in gets 200 (their own city's rows only). */
const list: Expected = {
  anonymous: 401,
  coordinator: 200,
  otherCityCoordinator: 200,
  manager: 200,
  liaison: 200,
  admin: 200,
};
/** A portfolio write on city A's record (coordinators of A and admins), with a stale version. */
const portfolioWrite = (own: number, otherCity: number): Expected => ({
  anonymous: 401,
  coordinator: own,
  otherCityCoordinator: otherCity,
  manager: 403,
  liaison: 403,
  admin: own,
});
/** A review of city A's report (reports:review: managers and admins). */
const reviewer = (ok: number): Expected => ({
  anonymous: 401,
  coordinator: 403,
  otherCityCoordinator: 403,
  manager: ok,
  liaison: 403,
  admin: ok,
});
/** Admin only. */
const adminOnly = (ok: number): Expected => ({
  anonymous: 401,
  coordinator: 403,
  otherCityCoordinator: 403,
  manager: 403,
  liaison: 403,
  admin: ok,
});
const signedIn = (ok: number): Expected => ({ ...everyone(ok), anonymous: 401 });
/** A CSV export (portfolio:export: managers and admins), each of their own scope's rows. */
const exporter: Expected = {
  anonymous: 401,
  coordinator: 403,
  otherCityCoordinator: 403,
  manager: 200,
  liaison: 403,
  admin: 200,
};

interface Row {
  expected: Expected;
  body?: object;
  ifMatch?: string;
}

const STALE = { version: 999 };

/** Who may create a record (with a body that fails validation) and change or delete one (with a stale version). */
const ADMIN_WRITES = { create: adminOnly(400), change: adminOnly(409) };
const PORTFOLIO_WRITES = { create: portfolioWrite(400, 400), change: portfolioWrite(409, 404) };

/** The five routes of a resource with records by id: its list, a record (`read`), create, update and delete. */
const recordRoutes = (base: string, read: Expected, writes: typeof ADMIN_WRITES): Record<string, Row> => ({
  [`GET ${base}`]: { expected: list },
  [`GET ${base}/:id`]: { expected: read },
  [`POST ${base}`]: { expected: writes.create, body: {} },
  [`PATCH ${base}/:id`]: { expected: writes.change, body: STALE },
  [`DELETE ${base}/:id`]: { expected: writes.change, ifMatch: '"999"' },
});

/** The expected outcome of every route, keyed "METHOD /api/path/:param". */
const MATRIX: Record<string, Row> = {
  'GET /api/health': { expected: everyone(200) },
  'POST /api/auth/login': { expected: everyone(400), body: {} },
  'POST /api/auth/logout': { expected: signedIn(204) },
  'POST /api/auth/password': { expected: signedIn(400), body: {} },
  'GET /api/me': { expected: signedIn(200) },

  ...recordRoutes('/api/organisations', signedIn(200), ADMIN_WRITES),
  ...recordRoutes('/api/agreements', scopedRead(200), ADMIN_WRITES),
  ...recordRoutes('/api/priority-areas', scopedRead(200), ADMIN_WRITES),

  'GET /api/dashboard': { expected: list },
  'GET /api/reports/national': { expected: list },
  'GET /api/reports/agreements/:id': { expected: scopedRead(200) },
  ...recordRoutes('/api/projects', scopedRead(200), PORTFOLIO_WRITES),
  'GET /api/projects/:id/history': { expected: scopedRead(200) },

  ...recordRoutes('/api/funding-decisions', scopedRead(200), PORTFOLIO_WRITES),
  ...recordRoutes('/api/payments', scopedRead(200), PORTFOLIO_WRITES),
  ...recordRoutes('/api/milestones', scopedRead(200), PORTFOLIO_WRITES),
  ...recordRoutes('/api/participants', scopedRead(200), PORTFOLIO_WRITES),

  // An indicator of city A's agreement (the common ones are everyone's), and targets and values of its project.
  ...recordRoutes('/api/indicators', scopedRead(200), ADMIN_WRITES),
  ...recordRoutes('/api/indicator-targets', scopedRead(200), PORTFOLIO_WRITES),
  ...recordRoutes('/api/indicator-actuals', scopedRead(200), PORTFOLIO_WRITES),
  'GET /api/indicator-results/projects/:id': { expected: scopedRead(200) },
  'GET /api/indicator-results/agreements/:id': { expected: scopedRead(200) },
  'GET /api/indicator-results/national': { expected: list },
  'GET /api/indicator-results/summary': { expected: list },

  'GET /api/status-reports': { expected: list },
  'GET /api/status-reports/:id': { expected: scopedRead(200) },
  'POST /api/status-reports': { expected: portfolioWrite(400, 400), body: {} },

  // A closed round of city A (so its frozen report exists) and one of its period reports: every
  // write on them is a 409 (closed, or the stale version) for those who may make it.
  'GET /api/reporting-rounds': { expected: list },
  'GET /api/reporting-rounds/:id': { expected: scopedRead(200) },
  'POST /api/reporting-rounds': { expected: portfolioWrite(400, 400), body: {} },
  'PATCH /api/reporting-rounds/:id': { expected: portfolioWrite(409, 404), body: STALE },
  'POST /api/reporting-rounds/:id/close': { expected: portfolioWrite(409, 404), body: STALE },
  'GET /api/reporting-rounds/:id/frozen': { expected: scopedRead(200) },
  'GET /api/reporting-rounds/:id/frozen.csv': { expected: scopedRead(200) },
  'GET /api/reporting-rounds/:id/frozen/comparison': { expected: scopedRead(200) },
  'GET /api/period-reports': { expected: list },
  'GET /api/period-reports/mine': { expected: list },
  'GET /api/period-reports/:id': { expected: scopedRead(200) },
  'PATCH /api/period-reports/:id': { expected: portfolioWrite(409, 404), body: STALE },
  'POST /api/period-reports/:id/submit': { expected: portfolioWrite(409, 404), body: STALE },
  'POST /api/period-reports/:id/return': { expected: reviewer(400), body: STALE },
  'POST /api/period-reports/:id/approve': { expected: reviewer(409), body: STALE },

  'GET /api/exports/projects.csv': { expected: exporter },
  'GET /api/exports/funding-decisions.csv': { expected: exporter },
  'GET /api/exports/payments.csv': { expected: exporter },
  'GET /api/exports/milestones.csv': { expected: exporter },
  'GET /api/exports/status-reports.csv': { expected: exporter },
  'GET /api/exports/participants.csv': { expected: exporter },
  'GET /api/exports/indicator-values.csv': { expected: exporter },

  'GET /api/users': { expected: adminOnly(200) },
  'GET /api/users/:id': { expected: adminOnly(200) },
  'POST /api/users': { expected: adminOnly(400), body: {} },
  'PATCH /api/users/:id': { expected: adminOnly(409), body: STALE },
  'POST /api/users/:id/password': { expected: adminOnly(400), body: {} },

  'GET /api/audit-events': { expected: adminOnly(200) },
  'GET /api/mail-outbox': { expected: adminOnly(200) },

  'GET /api/settings/accessibility': { expected: everyone(200) },
  'PATCH /api/settings/accessibility': { expected: adminOnly(409), body: STALE },
  'PATCH /api/me/language': { expected: signedIn(400), body: {} },
  'PATCH /api/me/mail-digest': { expected: signedIn(400), body: {} },
};

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** "METHOD /path" of every route the application serves (Nest's routes on the Express router). */
function routesOf(t: TestApp): string[] {
  const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router;
  const routes = new Set<string>();
  for (const layer of router.stack) {
    if (!layer.route?.path.startsWith('/api/')) continue;
    if (layer.route.path.startsWith('/api/docs') || layer.route.path.startsWith('/api/openapi')) continue;
    for (const method of Object.keys(layer.route.methods)) {
      if (method === '_all') continue;
      routes.add(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return [...routes].sort();
}

describe('access matrix: every route × every kind of caller', () => {
  const t = useTestApp();
  const agents = {} as Record<Caller, TestAgent>;
  /** Ids of city A's records (and shared ones), by the resource segment of the path (or its first two segments). */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const cityA = await factory.newOrganisation(t, { kind: 'city', name: 'Kaupunki A' });
    const cityB = await factory.newOrganisation(t, { kind: 'city', name: 'Kaupunki B' });
    const agreement = await factory.newAgreement(t, { cityId: cityA.id });
    await factory.newAgreement(t, { cityId: cityB.id });
    const area = await factory.newPriorityArea(t, { agreementId: agreement.id, nameFi: 'Vesi' });
    const lead = await factory.newOrganisation(t);
    const project = await factory.newProject(t, { priorityAreaId: area.id, leadOrganisationId: lead.id });
    const decision = await factory.newFundingDecision(t, {
      agreementId: agreement.id,
      projectId: project.id,
      funderId: cityA.id,
      amountGranted: '1000.00',
    });
    const payment = await factory.newPayment(t, { fundingDecisionId: decision.id, amount: '10.00' });
    const milestone = await factory.newMilestone(t, { projectId: project.id, dueDate: '2030-01-01' });
    const report = await factory.newStatusReport(t, { projectId: project.id });
    const indicator = await factory.newIndicator(t, { agreementId: agreement.id });
    const target = await factory.newIndicatorTarget(t, { indicatorId: indicator.id, projectId: project.id });
    const actual = await factory.newIndicatorActual(t, { indicatorId: indicator.id, projectId: project.id });
    const participant = await factory.newParticipant(t, { projectId: project.id });
    const round = await factory.postCreated(t, '/api/reporting-rounds', {
      agreementId: agreement.id,
      period: '2025',
      dueDate: '2026-01-31',
    });
    await t.http
      .post(`/api/reporting-rounds/${round.id as string}/close`)
      .send({ version: 1, acceptMissing: true })
      .expect(200);
    const [periodReport] = await t.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM period_reports WHERE round_id = $1',
      [round.id],
    );
    const me = (await t.http.get('/api/me').expect(200)).body;
    Object.assign(ids, {
      organisations: lead.id,
      agreements: agreement.id,
      'priority-areas': area.id,
      projects: project.id,
      'funding-decisions': decision.id,
      payments: payment.id,
      milestones: milestone.id,
      'status-reports': report.id,
      participants: participant.id,
      // GET /api/reports/agreements/:id: the segment after /api/ is "reports"; its id is an agreement's.
      reports: agreement.id,
      indicators: indicator.id,
      'indicator-targets': target.id,
      'indicator-actuals': actual.id,
      // The results of a project and of an agreement: by the two segments after /api/.
      'indicator-results/projects': project.id,
      'indicator-results/agreements': agreement.id,
      users: me.user.id,
      'reporting-rounds': round.id,
      'period-reports': periodReport!.id,
    });
    agents.anonymous = t.anonymous;
    agents.coordinator = await t.as('coordinator', { cityId: cityA.id as string });
    agents.otherCityCoordinator = await t.as('coordinator', { cityId: cityB.id as string });
    agents.manager = await t.as('manager', { cityId: cityA.id as string });
    agents.liaison = await t.as('liaison');
    agents.admin = await t.as('admin');
  });

  it('has an expected outcome for every route the application serves, and no stale entries', () => {
    const served = routesOf(t);
    expect(served.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !served.includes(r))).toEqual([]);
  });

  it.each(Object.keys(MATRIX).filter((r) => r !== 'POST /api/auth/logout'))('%s', async (route) => {
    const row = MATRIX[route]!;
    const [method, pattern] = route.split(' ') as [string, string];
    const segments = pattern.split('/');
    const path = pattern.replace(/:id/, () => ids[`${segments[2]!}/${segments[3]!}`] ?? ids[segments[2]!]!);
    const outcomes = {} as Expected;
    for (const caller of CALLERS) {
      let req = agents[caller][method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path);
      if (row.ifMatch) req = req.set('If-Match', row.ifMatch);
      const res = row.body ? await req.send(row.body) : await req;
      outcomes[caller] = res.status;
    }
    expect(outcomes).toEqual(row.expected);
  });

  it('POST /api/auth/logout (last: it ends the sessions)', async () => {
    const outcomes = {} as Expected;
    for (const caller of CALLERS) outcomes[caller] = (await agents[caller].post('/api/auth/logout')).status;
    expect(outcomes).toEqual(MATRIX['POST /api/auth/logout']!.expected);
  });
});
