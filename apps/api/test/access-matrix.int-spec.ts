import type TestAgent from 'supertest/lib/agent';
import { newAgreement, newOrganisation } from './support/factories';
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

/** The expected outcome of every route, keyed "METHOD /api/path/:param". */
const MATRIX: Record<string, Row> = {
  'GET /api/health': { expected: everyone(200) },
  'POST /api/auth/login': { expected: everyone(400), body: {} },
  'POST /api/auth/logout': { expected: signedIn(204) },
  'POST /api/auth/password': { expected: signedIn(400), body: {} },
  'GET /api/me': { expected: signedIn(200) },

  'GET /api/organisations': { expected: list },
  'GET /api/organisations/:id': { expected: signedIn(200) },
  'POST /api/organisations': { expected: adminOnly(400), body: {} },
  'PATCH /api/organisations/:id': { expected: adminOnly(409), body: STALE },
  'DELETE /api/organisations/:id': { expected: adminOnly(409), ifMatch: '"999"' },

  'GET /api/agreements': { expected: list },
  'GET /api/agreements/:id': { expected: scopedRead(200) },
  'POST /api/agreements': { expected: adminOnly(400), body: {} },
  'PATCH /api/agreements/:id': { expected: adminOnly(409), body: STALE },
  'DELETE /api/agreements/:id': { expected: adminOnly(409), ifMatch: '"999"' },

  'GET /api/priority-areas': { expected: list },
  'GET /api/priority-areas/:id': { expected: scopedRead(200) },
  'POST /api/priority-areas': { expected: adminOnly(400), body: {} },
  'PATCH /api/priority-areas/:id': { expected: adminOnly(409), body: STALE },
  'DELETE /api/priority-areas/:id': { expected: adminOnly(409), ifMatch: '"999"' },

  'GET /api/dashboard': { expected: list },
  'GET /api/reports/national': { expected: list },
  'GET /api/reports/agreements/:id': { expected: scopedRead(200) },
  'GET /api/projects': { expected: list },
  'GET /api/projects/:id': { expected: scopedRead(200) },
  'GET /api/projects/:id/history': { expected: scopedRead(200) },
  'POST /api/projects': { expected: portfolioWrite(400, 400), body: {} },
  'PATCH /api/projects/:id': { expected: portfolioWrite(409, 404), body: STALE },
  'DELETE /api/projects/:id': { expected: portfolioWrite(409, 404), ifMatch: '"999"' },

  'GET /api/funding-decisions': { expected: list },
  'GET /api/funding-decisions/:id': { expected: scopedRead(200) },
  'POST /api/funding-decisions': { expected: portfolioWrite(400, 400), body: {} },
  'PATCH /api/funding-decisions/:id': { expected: portfolioWrite(409, 404), body: STALE },
  'DELETE /api/funding-decisions/:id': { expected: portfolioWrite(409, 404), ifMatch: '"999"' },

  'GET /api/payments': { expected: list },
  'GET /api/payments/:id': { expected: scopedRead(200) },
  'POST /api/payments': { expected: portfolioWrite(400, 400), body: {} },
  'PATCH /api/payments/:id': { expected: portfolioWrite(409, 404), body: STALE },
  'DELETE /api/payments/:id': { expected: portfolioWrite(409, 404), ifMatch: '"999"' },

  'GET /api/milestones': { expected: list },
  'GET /api/milestones/:id': { expected: scopedRead(200) },
  'POST /api/milestones': { expected: portfolioWrite(400, 400), body: {} },
  'PATCH /api/milestones/:id': { expected: portfolioWrite(409, 404), body: STALE },
  'DELETE /api/milestones/:id': { expected: portfolioWrite(409, 404), ifMatch: '"999"' },

  'GET /api/status-reports': { expected: list },
  'GET /api/status-reports/:id': { expected: scopedRead(200) },
  'POST /api/status-reports': { expected: portfolioWrite(400, 400), body: {} },

  'GET /api/exports/projects.csv': { expected: exporter },
  'GET /api/exports/funding-decisions.csv': { expected: exporter },
  'GET /api/exports/payments.csv': { expected: exporter },
  'GET /api/exports/milestones.csv': { expected: exporter },
  'GET /api/exports/status-reports.csv': { expected: exporter },

  'GET /api/users': { expected: adminOnly(200) },
  'GET /api/users/:id': { expected: adminOnly(200) },
  'POST /api/users': { expected: adminOnly(400), body: {} },
  'PATCH /api/users/:id': { expected: adminOnly(409), body: STALE },
  'POST /api/users/:id/password': { expected: adminOnly(400), body: {} },

  'GET /api/audit-events': { expected: adminOnly(200) },

  'GET /api/settings/accessibility': { expected: everyone(200) },
  'PATCH /api/settings/accessibility': { expected: adminOnly(409), body: STALE },
  'PATCH /api/me/language': { expected: signedIn(400), body: {} },
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
  /** Ids of city A's records (and shared ones), by the resource segment of the path. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const cityA = await newOrganisation(t, { kind: 'city', name: 'Kaupunki A' });
    const cityB = await newOrganisation(t, { kind: 'city', name: 'Kaupunki B' });
    const agreement = await newAgreement(t, { cityId: cityA.id });
    await newAgreement(t, { cityId: cityB.id });
    const area = (
      await t.http.post('/api/priority-areas').send({ agreementId: agreement.id, nameFi: 'Vesi' }).expect(201)
    ).body;
    const lead = await newOrganisation(t);
    const project = (
      await t.http
        .post('/api/projects')
        .send({ priorityAreaId: area.id, leadOrganisationId: lead.id, code: 'A-1', name: 'Hanke A' })
        .expect(201)
    ).body;
    const decision = (
      await t.http
        .post('/api/funding-decisions')
        .send({
          agreementId: agreement.id,
          projectId: project.id,
          funderId: cityA.id,
          instrument: 'city_co_funding',
          status: 'granted',
          amountGranted: '1000.00',
        })
        .expect(201)
    ).body;
    const payment = (
      await t.http
        .post('/api/payments')
        .send({ fundingDecisionId: decision.id, paidOn: '2024-01-31', amount: '10.00' })
        .expect(201)
    ).body;
    const milestone = (
      await t.http
        .post('/api/milestones')
        .send({ projectId: project.id, title: 'Välitavoite', dueDate: '2030-01-01' })
        .expect(201)
    ).body;
    const report = (
      await t.http
        .post('/api/status-reports')
        .send({ projectId: project.id, reportingDate: '2024-01-31', health: 'on_track', summary: 'Etenee.' })
        .expect(201)
    ).body;
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
      // GET /api/reports/agreements/:id: the segment after /api/ is "reports"; its id is an agreement's.
      reports: agreement.id,
      users: me.user.id,
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
    const path = pattern.replace(/:id/, () => ids[pattern.split('/')[2]!]!);
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
