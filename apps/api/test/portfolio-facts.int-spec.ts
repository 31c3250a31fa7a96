import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import {
  CLOSED_MILESTONE_STATUSES,
  DERIVATION_SUPPORT_KINDS,
  ENTERPRISE_KIND,
  FUNDING_DECISION_TRANSITIONS,
  HEALTH_VALUES,
  MILESTONE_TRANSITIONS,
  PAYABLE_DECISION_STATUSES,
  periodBounds,
  periodOf,
  RESEARCH_ORGANISATION_KINDS,
  todayIso,
  type FundingDecisionStatus,
  type Health,
  type MilestoneStatus,
} from '@salkku/shared';
import { checkFacts, rebuildFacts } from '../src/database/facts';
import type { FactDriftRow } from '../src/modules/portfolio-facts/portfolio-facts.queries';
import { indicatorIdOf, newAgreement, newOrganisation, newPriorityArea, newProject } from './support/factories';
import { cents, euros, sumCents } from './support/money';
import { useTestApp, type TestApp } from './support/test-app';
import type { Json } from './support/values';

// Hundreds of writes through HTTP, on PostgreSQL and on PGlite: minutes on a busy 2-core machine.
jest.setTimeout(600_000);

/**
 * The facts the database keeps (project_facts, funding_decision_facts: migration PortfolioFacts)
 * against what was written. Random sequences of writes through the API (and a few statements the
 * API never makes, straight in SQL) over a handful of projects: after every write no stored fact
 * differs from a recomputation with the shared vocabulary (factsDriftSql), and after every batch
 * the project list and detail show the figures this test computes itself from what it wrote (not
 * from the facts). Then concurrent writers, and corrupted facts found by the CLI's check-facts and
 * mended by its rebuild-facts. The same runs on PostgreSQL and on the embedded PGlite.
 *
 * The sequence comes from a seeded generator: the seed is printed, and FACTS_SEED=<seed> replays
 * the same sequence.
 */

/** mulberry32: a small seeded generator (uniform in [0, 1)), so that a failing sequence replays. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the test wrote, as it expects the database to hold it. `seq` orders creation (created_at). */
interface Report {
  id: string;
  projectId: string;
  reportingDate: string;
  health: Health;
  seq: number;
}
interface Milestone {
  id: string;
  projectId: string;
  dueDate: string;
  status: MilestoneStatus;
  version: number;
  seq: number;
}
interface Decision {
  id: string;
  projectId: string | null;
  status: FundingDecisionStatus;
  amountGranted: string | null;
  version: number;
}
interface Payment {
  id: string;
  decisionId: string;
  amount: string;
  paidOn: string;
  version: number;
}

/** The figures of a project as the list and the detail show them. */
interface Figures {
  latestStatus: { reportingDate: string; health: Health } | null;
  latestReportId: string | null;
  funding: { granted: string; paid: string; remaining: string; unknownAmounts: number };
  nextMilestone: { id: string; dueDate: string } | null;
}

class Portfolio {
  readonly projects = new Map<string, { id: string; code: string }>();
  readonly reports = new Map<string, Report>();
  readonly milestones = new Map<string, Milestone>();
  readonly decisions = new Map<string, Decision>();
  readonly payments = new Map<string, Payment>();
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  paymentsOf(decisionId: string): Payment[] {
    return [...this.payments.values()].filter((p) => p.decisionId === decisionId);
  }

  paidCents(decisionId: string): bigint {
    return sumCents(this.paymentsOf(decisionId).map((p) => cents(p.amount)));
  }

  /** What may still be paid under the decision (null when nothing may: not payable or amount unknown). */
  payableCents(decisionId: string): bigint | null {
    const d = this.decisions.get(decisionId)!;
    if (!PAYABLE_DECISION_STATUSES.includes(d.status) || d.amountGranted === null) return null;
    return cents(d.amountGranted) - this.paidCents(decisionId);
  }

  /** The figures by the project list's definitions, computed from what was written. */
  figures(projectId: string): Figures {
    // Ordering keys compared as the database does: dates and canonical uuids compare as strings.
    const order = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    // Latest report: reporting date, then created (seq), then id, all descending.
    const later = (a: Report, b: Report): Report =>
      (order(a.reportingDate, b.reportingDate) || order(a.seq, b.seq) || order(a.id, b.id)) > 0 ? a : b;
    const reports = [...this.reports.values()].filter((r) => r.projectId === projectId);
    const latest = reports.length ? reports.reduce(later) : null;
    const payable = [...this.decisions.values()].filter(
      (d) => d.projectId === projectId && PAYABLE_DECISION_STATUSES.includes(d.status),
    );
    const granted = sumCents(payable.map((d) => (d.amountGranted === null ? 0n : cents(d.amountGranted))));
    const paid = sumCents(payable.map((d) => this.paidCents(d.id)));
    const open = [...this.milestones.values()].filter(
      (m) => m.projectId === projectId && !CLOSED_MILESTONE_STATUSES.includes(m.status),
    );
    const next = open.length
      ? open.reduce((a, b) => ((order(a.dueDate, b.dueDate) || order(a.seq, b.seq) || order(a.id, b.id)) < 0 ? a : b))
      : null;
    return {
      latestStatus: latest ? { reportingDate: latest.reportingDate, health: latest.health } : null,
      latestReportId: latest?.id ?? null,
      funding: {
        granted: euros(granted),
        paid: euros(paid),
        remaining: euros(granted - paid),
        unknownAmounts: payable.filter((d) => d.amountGranted === null).length,
      },
      nextMilestone: next ? { id: next.id, dueDate: next.dueDate } : null,
    };
  }
}

const REPORTING_DATES = ['2024-01-31', '2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'];
const DUE_DATES = ['2025-03-31', '2025-06-30', '2025-12-31', '2026-06-30', '2027-01-31'];
const PAID_ON = ['2024-02-01', '2024-05-15', '2024-11-30', '2025-01-15'];
const AMOUNTS = ['1000.00', '2500.50', '10000.00', '333.33', '75000.00'];

/** Project codes are unique within an agreement. */
let projectCodes = 0;

interface Setup {
  agent: TestAgent;
  cityId: string;
  agreementId: string;
  areaId: string;
  leadId: string;
}

/** The response body of a request that must answer `status` (with the operation's name in the error). */
async function expectStatus(request: PromiseLike<{ status: number; body: unknown }>, status: number, what: string) {
  const res = await request;
  if (res.status !== status)
    throw new Error(`${what} → ${res.status} (expected ${status}): ${JSON.stringify(res.body)}`);
  return res.body as Json;
}

/**
 * Writes through the API as the coordinator, each recorded in the model as written (reports and
 * milestones in the order their answers arrive: concurrent ones must not tie on what orders them).
 */
class Writer {
  constructor(
    private readonly s: Setup,
    private readonly model: Portfolio,
  ) {}

  async project(): Promise<string> {
    const code = `F-${++projectCodes}`;
    const body = await expectStatus(
      this.s.agent
        .post('/api/projects')
        .send({ priorityAreaId: this.s.areaId, code, name: `Hanke ${code}`, leadOrganisationId: this.s.leadId }),
      201,
      'create project',
    );
    const id = body.id as string;
    this.model.projects.set(id, { id, code });
    return id;
  }

  async report(projectId: string, reportingDate: string, health: Health): Promise<Report> {
    const body = await expectStatus(
      this.s.agent.post('/api/status-reports').send({ projectId, reportingDate, health, summary: 'Tilanne' }),
      201,
      'create status report',
    );
    const report = { id: body.id as string, projectId, reportingDate, health, seq: this.model.nextSeq() };
    this.model.reports.set(report.id, report);
    return report;
  }

  async milestone(projectId: string, dueDate: string, status: MilestoneStatus = 'planned'): Promise<Milestone> {
    const body = await expectStatus(
      this.s.agent.post('/api/milestones').send({ projectId, title: 'Virstanpylväs', dueDate, status }),
      201,
      'create milestone',
    );
    const milestone = { id: body.id as string, projectId, dueDate, status, version: 1, seq: this.model.nextSeq() };
    this.model.milestones.set(milestone.id, milestone);
    return milestone;
  }

  async decision(
    projectId: string | null,
    status: FundingDecisionStatus,
    amountGranted: string | null,
  ): Promise<Decision> {
    const body = await expectStatus(
      this.s.agent.post('/api/funding-decisions').send({
        agreementId: this.s.agreementId,
        projectId,
        funderId: this.s.cityId,
        instrument: 'city_co_funding',
        status,
        amountGranted,
      }),
      201,
      'create funding decision',
    );
    const decision = { id: body.id as string, projectId, status, amountGranted, version: 1 };
    this.model.decisions.set(decision.id, decision);
    return decision;
  }

  async payment(decisionId: string, amount: string, paidOn: string): Promise<Payment> {
    const body = await expectStatus(
      this.s.agent.post('/api/payments').send({ fundingDecisionId: decisionId, paidOn, amount }),
      201,
      'create payment',
    );
    const payment = { id: body.id as string, decisionId, amount: body.amount as string, paidOn, version: 1 };
    this.model.payments.set(payment.id, payment);
    return payment;
  }
}

/**
 * The writes of the random sequence: each picks its records with `rand`, sends one request (or one
 * SQL statement) and records in the model what it expects to have been written; null when it
 * found nothing to work on.
 */
function operations(t: TestApp, s: Setup, model: Portfolio, rand: () => number) {
  const pick = <T>(items: readonly T[]): T | undefined =>
    items.length ? items[Math.floor(rand() * items.length)] : undefined;
  const chance = (p: number) => rand() < p;
  const projectIds = () => [...model.projects.keys()];
  const write = new Writer(s, model);

  const ops: Record<string, { weight: number; run: () => Promise<string | null> }> = {
    'report.create': {
      weight: 14,
      async run() {
        const projectId = pick(projectIds());
        if (!projectId) return null;
        const report = await write.report(projectId, pick(REPORTING_DATES)!, pick(HEALTH_VALUES)!);
        return `report ${report.reportingDate} ${report.health}`;
      },
    },
    // Status reports are append-only in the API; corrections and removals in SQL still keep the facts.
    'sql.report.update': {
      weight: 3,
      async run() {
        const report = pick([...model.reports.values()]);
        if (!report) return null;
        const projectId = chance(0.4) ? (pick(projectIds()) ?? report.projectId) : report.projectId;
        const moved = projectId !== report.projectId;
        const reportingDate = pick(REPORTING_DATES)!;
        const health = pick(HEALTH_VALUES)!;
        await t.dataSource.query(
          'UPDATE status_reports SET project_id = $2, reporting_date = $3, health = $4 WHERE id = $1',
          [report.id, projectId, reportingDate, health],
        );
        Object.assign(report, { projectId, reportingDate, health });
        return `sql: report → ${moved ? 'another' : 'the same'} project, ${reportingDate} ${health}`;
      },
    },
    'sql.report.delete': {
      weight: 2,
      async run() {
        const report = pick([...model.reports.values()]);
        if (!report) return null;
        await t.dataSource.query('DELETE FROM status_reports WHERE id = $1', [report.id]);
        model.reports.delete(report.id);
        return 'sql: delete report';
      },
    },
    // One statement writing reports of two projects (both get the same created_at: different projects).
    'sql.reports.insert-two': {
      weight: 2,
      async run() {
        const ids = projectIds();
        if (ids.length < 2) return null;
        const first = pick(ids)!;
        const second = pick(ids.filter((id) => id !== first))!;
        const dates = [pick(REPORTING_DATES)!, pick(REPORTING_DATES)!];
        const healths = [pick(HEALTH_VALUES)!, pick(HEALTH_VALUES)!];
        const rows = await t.dataSource.query<Array<{ id: string; project_id: string }>>(
          `INSERT INTO status_reports (project_id, reporting_date, health, lifecycle_status, summary, author)
           SELECT r.project_id, r.reporting_date, r.health::health, 'planned', 'SQL', 'Testi'
           FROM unnest($1::uuid[], $2::date[], $3::text[]) AS r(project_id, reporting_date, health)
           RETURNING id, project_id`,
          [[first, second], dates, healths],
        );
        const seq = model.nextSeq();
        rows.forEach((row, i) =>
          model.reports.set(row.id, {
            id: row.id,
            projectId: row.project_id,
            reportingDate: dates[i]!,
            health: healths[i]!,
            seq,
          }),
        );
        return 'sql: two reports in one statement';
      },
    },
    'milestone.create': {
      weight: 8,
      async run() {
        const projectId = pick(projectIds());
        if (!projectId) return null;
        const status = chance(0.7) ? 'planned' : pick(['in_progress', 'done', 'cancelled'] as const)!;
        const milestone = await write.milestone(projectId, pick(DUE_DATES)!, status);
        return `milestone ${milestone.dueDate} ${status}`;
      },
    },
    'milestone.update': {
      weight: 10,
      async run() {
        const m = pick([...model.milestones.values()]);
        if (!m) return null;
        const change: Json = {};
        if (chance(0.6)) change.status = pick(MILESTONE_TRANSITIONS[m.status])!;
        if (!change.status || chance(0.4)) change.dueDate = pick(DUE_DATES)!;
        const body = await expectStatus(
          s.agent.patch(`/api/milestones/${m.id}`).send({ version: m.version, ...change }),
          200,
          'update milestone',
        );
        Object.assign(m, change, { version: body.version as number });
        return `milestone → ${JSON.stringify(change)}`;
      },
    },
    'milestone.delete': {
      weight: 3,
      async run() {
        const m = pick([...model.milestones.values()]);
        if (!m) return null;
        await expectStatus(s.agent.delete(`/api/milestones/${m.id}`), 204, 'delete milestone');
        model.milestones.delete(m.id);
        return 'delete milestone';
      },
    },
    // One statement over many rows of a project: push every due date a week, or cancel the planned ones.
    'sql.milestones.bulk': {
      weight: 2,
      async run() {
        const projectId = pick(projectIds());
        if (!projectId) return null;
        const mine = [...model.milestones.values()].filter((m) => m.projectId === projectId);
        if (chance(0.5)) {
          await t.dataSource.query(`UPDATE milestones SET due_date = due_date + 7 WHERE project_id = $1`, [projectId]);
          for (const m of mine) {
            const due = new Date(`${m.dueDate}T00:00:00Z`);
            due.setUTCDate(due.getUTCDate() + 7);
            m.dueDate = due.toISOString().slice(0, 10);
          }
          return `sql: ${mine.length} milestones a week later`;
        }
        await t.dataSource.query(
          `UPDATE milestones SET status = 'cancelled' WHERE project_id = $1 AND status = 'planned'`,
          [projectId],
        );
        for (const m of mine) if (m.status === 'planned') m.status = 'cancelled';
        return 'sql: planned milestones cancelled';
      },
    },
    'decision.create': {
      weight: 6,
      async run() {
        const projectId = chance(0.2) ? null : (pick(projectIds()) ?? null);
        const status = chance(0.75) ? 'granted' : 'applied';
        const amount = chance(0.2) ? null : pick(AMOUNTS)!;
        await write.decision(projectId, status, amount);
        return `decision ${status} ${amount ?? 'unknown'} on ${projectId ? 'a project' : 'the agreement'}`;
      },
    },
    'decision.update': {
      weight: 10,
      async run() {
        const d = pick([...model.decisions.values()]);
        if (!d) return null;
        const change: Json = {};
        const what = rand();
        if (what < 0.35) {
          const to = pick(FUNDING_DECISION_TRANSITIONS[d.status]);
          if (!to) return null;
          change.status = to;
        } else if (what < 0.7) {
          const paid = model.paidCents(d.id);
          const hasPayments = model.paymentsOf(d.id).length > 0;
          change.amountGranted =
            !hasPayments && chance(0.3) ? null : euros(paid + BigInt(Math.floor(rand() * 2_000_000)));
        } else {
          // to another project of the agreement, or off every project (agreement-wide)
          change.projectId = chance(0.25) ? null : (pick(projectIds().filter((id) => id !== d.projectId)) ?? null);
        }
        const body = await expectStatus(
          s.agent.patch(`/api/funding-decisions/${d.id}`).send({ version: d.version, ...change }),
          200,
          'update funding decision',
        );
        Object.assign(d, change, { version: body.version as number });
        return `decision → ${JSON.stringify(change)}`;
      },
    },
    'decision.delete': {
      weight: 3,
      async run() {
        const d = pick([...model.decisions.values()]);
        if (!d) return null;
        if (model.paymentsOf(d.id).length > 0) {
          const body = await expectStatus(
            s.agent.delete(`/api/funding-decisions/${d.id}`),
            409,
            'delete paid decision',
          );
          expect(body.code).toBe('IN_USE');
          return 'delete decision with payments: refused';
        }
        await expectStatus(s.agent.delete(`/api/funding-decisions/${d.id}`), 204, 'delete funding decision');
        model.decisions.delete(d.id);
        return 'delete decision';
      },
    },
    'payment.create': {
      weight: 12,
      async run() {
        const open = [...model.decisions.values()].filter((d) => (model.payableCents(d.id) ?? 0n) > 0n);
        const d = pick(open);
        if (!d) return null;
        const room = model.payableCents(d.id)!;
        const paidOn = pick(PAID_ON)!;
        if (chance(0.1)) {
          const body = await expectStatus(
            s.agent.post('/api/payments').send({ fundingDecisionId: d.id, paidOn, amount: euros(room + 1n) }),
            409,
            'overpay',
          );
          expect(body.code).toBe('PAID_EXCEEDS_GRANTED');
          return 'payment above the amount granted: refused';
        }
        const amount = euros(1n + BigInt(Math.floor(rand() * Number(room < 500_000n ? room : 500_000n))));
        await write.payment(d.id, amount, paidOn);
        return `payment ${amount} on ${paidOn}`;
      },
    },
    'payment.update': {
      weight: 5,
      async run() {
        const p = pick([...model.payments.values()]);
        if (!p) return null;
        const change: Json = { paidOn: pick(PAID_ON)! };
        const room = model.payableCents(p.decisionId);
        if (room !== null && chance(0.6)) {
          const most = room + cents(p.amount);
          change.amount = euros(1n + BigInt(Math.floor(rand() * Number(most))));
        }
        const body = await expectStatus(
          s.agent.patch(`/api/payments/${p.id}`).send({ version: p.version, ...change }),
          200,
          'update payment',
        );
        Object.assign(p, change, { version: body.version as number });
        return `payment → ${JSON.stringify(change)}`;
      },
    },
    'payment.delete': {
      weight: 4,
      async run() {
        const p = pick([...model.payments.values()]);
        if (!p) return null;
        await expectStatus(s.agent.delete(`/api/payments/${p.id}`), 204, 'delete payment');
        model.payments.delete(p.id);
        return 'delete payment';
      },
    },
    // The API keeps a payment under its decision; a correction in SQL may move it (within what is granted).
    'sql.payment.move': {
      weight: 1,
      async run() {
        const p = pick([...model.payments.values()]);
        if (!p) return null;
        const to = pick(
          [...model.decisions.values()].filter(
            (d) => d.id !== p.decisionId && (model.payableCents(d.id) ?? -1n) >= cents(p.amount),
          ),
        );
        if (!to) return null;
        await t.dataSource.query('UPDATE payments SET funding_decision_id = $2 WHERE id = $1', [p.id, to.id]);
        p.decisionId = to.id;
        return 'sql: payment moved to another decision';
      },
    },
    'project.create': {
      weight: 2,
      async run() {
        await write.project();
        return 'create project';
      },
    },
    'project.delete': {
      weight: 2,
      async run() {
        if (model.projects.size <= 2) return null;
        const projectId = pick(projectIds())!;
        if ([...model.decisions.values()].some((d) => d.projectId === projectId)) {
          const body = await expectStatus(s.agent.delete(`/api/projects/${projectId}`), 409, 'delete funded project');
          expect(body.code).toBe('IN_USE');
          return 'delete project with decisions: refused';
        }
        await expectStatus(s.agent.delete(`/api/projects/${projectId}`), 204, 'delete project');
        model.projects.delete(projectId);
        // its reports and milestones go with it (ON DELETE CASCADE)
        for (const [id, r] of model.reports) if (r.projectId === projectId) model.reports.delete(id);
        for (const [id, m] of model.milestones) if (m.projectId === projectId) model.milestones.delete(id);
        return 'delete project';
      },
    },
  };

  const total = Object.values(ops).reduce((sum, op) => sum + op.weight, 0);
  return {
    /** Runs one operation chosen by weight (another one if the chosen one had nothing to work on). */
    async step(): Promise<{ kind: string; done: string }> {
      for (;;) {
        let r = rand() * total;
        const [kind, op] = Object.entries(ops).find(([, op]) => (r -= op.weight) < 0) ?? Object.entries(ops)[0]!;
        const done = await op.run();
        if (done !== null) return { kind, done };
      }
    },
  };
}

/** The figures of a project answer (list item or detail) that the facts stand for. */
function shownFigures(project: Json): Omit<Figures, 'latestReportId'> {
  const next = project.nextMilestone as { id: string; dueDate: string } | null;
  return {
    latestStatus: project.latestStatus as Figures['latestStatus'],
    funding: project.funding as Figures['funding'],
    nextMilestone: next ? { id: next.id, dueDate: next.dueDate } : null,
  };
}

/**
 * The differences between what the API shows and the model's figures for every project of the
 * agreement (list and detail), as readable lines (none when all agree).
 */
async function figureMismatches(s: Setup, model: Portfolio): Promise<string[]> {
  const problems: string[] = [];
  const list = await expectStatus(
    s.agent.get('/api/projects').query({ agreementId: s.agreementId, pageSize: 100 }),
    200,
    'list projects',
  );
  const items = list.items as Json[];
  const listed = new Map(items.map((item) => [item.id as string, item]));
  const expectedIds = [...model.projects.keys()].sort();
  if (JSON.stringify([...listed.keys()].sort()) !== JSON.stringify(expectedIds)) {
    problems.push(`listed projects ${[...listed.keys()].sort().join(',')} ≠ ${expectedIds.join(',')}`);
  }
  for (const [id, project] of model.projects) {
    const { latestReportId, ...expected } = model.figures(id);
    const item = listed.get(id);
    if (item && JSON.stringify(shownFigures(item)) !== JSON.stringify(expected)) {
      problems.push(`list ${project.code}: ${JSON.stringify(shownFigures(item))} ≠ ${JSON.stringify(expected)}`);
    }
    const detail = await expectStatus(s.agent.get(`/api/projects/${id}`), 200, 'read project');
    const shown = { ...shownFigures(detail), latestReportId: (detail.latestStatusReport as Json | null)?.id ?? null };
    if (JSON.stringify(shown) !== JSON.stringify({ ...expected, latestReportId })) {
      problems.push(
        `detail ${project.code}: ${JSON.stringify(shown)} ≠ ${JSON.stringify({ ...expected, latestReportId })}`,
      );
    }
  }
  return problems;
}

/** A new city with an agreement and a priority area, and a coordinator of that city. */
async function newSetup(t: TestApp): Promise<Setup> {
  const city = await newOrganisation(t, { kind: 'city' });
  const agreement = await newAgreement(t, { cityId: city.id });
  const area = await newPriorityArea(t, { agreementId: agreement.id });
  const lead = await newOrganisation(t);
  const agent = await t.as('coordinator', { cityId: city.id as string });
  return {
    agent,
    cityId: city.id as string,
    agreementId: agreement.id as string,
    areaId: area.id as string,
    leadId: lead.id as string,
  };
}

/** The connection string of the test app's database (PostgreSQL only). */
function databaseUrl(t: TestApp): string {
  return (t.dataSource.options as { url: string }).url;
}

/** Runs `fn` with `n` connections of their own to the test app's database, closed afterwards. */
async function withClients<T>(t: TestApp, n: number, fn: (clients: Client[]) => Promise<T>): Promise<T> {
  const clients = Array.from({ length: n }, () => new Client({ connectionString: databaseUrl(t) }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    return await fn(clients);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/**
 * The tests, on the app `t`: `operations` random writes checked every `batch`; `ownConnections`
 * when the database accepts several sessions (PostgreSQL; PGlite serves one).
 */
function factsTests(
  t: TestApp,
  options: { database: string; operations: number; batch: number; ownConnections: boolean },
): void {
  let s: Setup;
  let write: Writer;
  const model = new Portfolio();

  beforeAll(async () => {
    s = await newSetup(t);
    write = new Writer(s, model);
  });

  /** No stored fact differs from the recomputation, and the API shows the model's figures. */
  async function expectFactsRight(context: Json): Promise<void> {
    const drift: FactDriftRow[] = await checkFacts(t.dataSource);
    const figures = await figureMismatches(s, model);
    expect({ ...context, drift, figures }).toEqual({ ...context, drift: [], figures: [] });
  }

  it(`keeps every fact through ${options.operations} random writes (seeded; FACTS_SEED replays one)`, async () => {
    const seed = process.env.FACTS_SEED ? Number(process.env.FACTS_SEED) : randomInt(2 ** 31);
    console.log(`portfolio facts on ${options.database}: seed ${seed} (FACTS_SEED=${seed} replays the sequence)`);
    const run = operations(t, s, model, generator(seed));
    for (let i = 0; i < 5; i++) await write.project();
    const started = Date.now();
    const kinds: Record<string, number> = {};
    let batch: string[] = [];
    for (let i = 1; i <= options.operations; i++) {
      let step: { kind: string; done: string };
      try {
        step = await run.step();
      } catch (error) {
        throw new Error(`seed ${seed}, operation ${i}: ${(error as Error).message}\nbefore it: ${batch.join('; ')}`, {
          cause: error,
        });
      }
      kinds[step.kind] = (kinds[step.kind] ?? 0) + 1;
      batch.push(`${i}. ${step.done}`);
      // The facts after every write (a later write to the same project would mend a stale fact, and
      // hide it), the API's figures after every batch.
      if (i % options.batch === 0 || i === options.operations) {
        await expectFactsRight({ seed, afterOperation: i, batch });
        batch = [];
      } else {
        const drift = await checkFacts(t.dataSource);
        expect({ seed, afterOperation: i, batch, drift }).toEqual({ seed, afterOperation: i, batch, drift: [] });
      }
    }
    console.log(
      `portfolio facts on ${options.database}: seed ${seed}, ${options.operations} operations and their checks in ` +
        `${Date.now() - started} ms, ${model.projects.size} projects at the end; ${JSON.stringify(kinds)}`,
    );
  });

  it('keeps the facts under concurrent API writers: payments, reports and milestones of one project at once', async () => {
    const projectId = await write.project();
    const decisions: Decision[] = [];
    for (let i = 0; i < 10; i++) decisions.push(await write.decision(projectId, 'granted', '10000.00'));
    await Promise.all([
      // one payment under each decision: the decisions' own locks do not order these, the facts row does
      ...decisions.map((d, i) => write.payment(d.id, `${100 + i}.00`, '2024-06-01')),
      // ten payments under one decision (ordered by the decision's lock)
      ...Array.from({ length: 10 }, (_, i) => write.payment(decisions[0]!.id, `${i + 1}.25`, '2024-06-01')),
      // ten reports with distinct dates, and ten milestones with distinct due dates
      ...Array.from({ length: 10 }, (_, i) =>
        write.report(projectId, `2023-${String(i + 1).padStart(2, '0')}-15`, HEALTH_VALUES[i % 3]!),
      ),
      ...Array.from({ length: 10 }, (_, i) => write.milestone(projectId, `2030-01-${10 + i}`)),
    ]);
    expect(model.figures(projectId)).toMatchObject({
      latestStatus: { reportingDate: '2023-10-15' },
      funding: { granted: '100000.00', paid: '1102.50', remaining: '98897.50' },
      nextMilestone: { dueDate: '2030-01-10' },
    });
    await expectFactsRight({ concurrent: 'API' });
  });

  if (options.ownConnections) {
    it('keeps the facts when ten sessions write in overlapping transactions', async () => {
      // Each session writes under one project (a payment under one of its decisions and a report), so
      // that sessions wait for each other and never deadlock, which two projects in opposite orders would.
      const payable = [...model.decisions.values()].filter(
        (d) => d.projectId !== null && (model.payableCents(d.id) ?? 0n) >= 1000n,
      );
      expect(payable.length).toBeGreaterThan(0);
      const written = await withClients(t, 10, (clients) =>
        Promise.all(
          clients.map(async (client, i) => {
            const decision = payable[i % payable.length]!;
            const reportingDate = `2022-${String(i + 1).padStart(2, '0')}-01`;
            await client.query('BEGIN');
            const payment = await client.query<{ id: string }>(
              `INSERT INTO payments (funding_decision_id, paid_on, amount) VALUES ($1, '2024-07-01', 0.01) RETURNING id`,
              [decision.id],
            );
            const report = await client.query<{ id: string }>(
              `INSERT INTO status_reports (project_id, reporting_date, health, lifecycle_status, summary, author)
               VALUES ($1, $2, 'at_risk', 'planned', 'Rinnakkain', 'Testi') RETURNING id`,
              [decision.projectId, reportingDate],
            );
            await client.query('SELECT pg_sleep(0.02)');
            await client.query('COMMIT');
            return { decision, reportingDate, payment: payment.rows[0]!.id, report: report.rows[0]!.id };
          }),
        ),
      );
      for (const { decision, reportingDate, payment, report } of written) {
        model.payments.set(payment, {
          id: payment,
          decisionId: decision.id,
          amount: '0.01',
          paidOn: '2024-07-01',
          version: 1,
        });
        const projectId = decision.projectId!;
        model.reports.set(report, { id: report, projectId, reportingDate, health: 'at_risk', seq: model.nextSeq() });
      }
      await expectFactsRight({ concurrent: 'sessions' });
    });

    // payments_refresh_facts reads the decisions FOR SHARE: a payment written while its decision moves
    // to another project waits for the move and is summed into the project the decision moved to.
    it('a payment written in SQL while its decision moves to another project is summed where the decision went', async () => {
      const [from, to] = [...model.projects.keys()] as [string, string];
      const decision = await write.decision(from, 'granted', '500.00');
      await withClients(t, 2, async ([mover, payer]) => {
        await mover!.query('BEGIN');
        await mover!.query('UPDATE funding_decisions SET project_id = $2 WHERE id = $1', [decision.id, to]);
        const paying = payer!.query<{ id: string }>(
          `INSERT INTO payments (funding_decision_id, paid_on, amount) VALUES ($1, '2024-08-01', 50) RETURNING id`,
          [decision.id],
        );
        // the payment's trigger waits for the mover's locks: then the mover commits
        await waitForLockWait(t, payer!);
        await mover!.query('COMMIT');
        const payment = (await paying).rows[0]!.id;
        decision.projectId = to;
        model.payments.set(payment, {
          id: payment,
          decisionId: decision.id,
          amount: '50.00',
          paidOn: '2024-08-01',
          version: 1,
        });
      });
      expect(await checkFacts(t.dataSource)).toEqual([]);
      await expectFactsRight({ concurrent: 'payment during a move' });
    });
  }

  it('keeps the indicator sums per area and period through values, corrections, moves and deletes', async () => {
    // A city of its own: the other tests compare the first city's projects with their model.
    const s = await newSetup(t);
    const noDrift = async (step: string) =>
      expect({ step, drift: await checkFacts(t.dataSource) }).toEqual({ step, drift: [] });
    const indicatorId = await indicatorIdOf(t, 'RCO07');
    const otherArea = await newPriorityArea(t, { agreementId: s.agreementId });
    const projects = await Promise.all(
      [s.areaId, s.areaId, otherArea.id].map((priorityAreaId) =>
        newProject(t, { priorityAreaId, leadOrganisationId: s.leadId }),
      ),
    );
    const value = (holder: Json, period: string, v: string) =>
      s.agent.post('/api/indicator-actuals').send({ indicatorId, ...holder, period, value: v });
    const written = [];
    for (const [i, project] of projects.entries()) {
      written.push((await value({ projectId: project.id }, '2024', `${i + 1}.5`).expect(201)).body as Json);
      await value({ projectId: project.id }, '2025', '10').expect(201);
    }
    await value({ agreementId: s.agreementId }, '2024', '7').expect(201);
    const target = (holder: Json, extra: Json = {}) =>
      s.agent
        .post('/api/indicator-targets')
        .send({
          indicatorId,
          ...holder,
          baselineValue: '0',
          baselineYear: 2021,
          targetValue: '10',
          targetYear: 2027,
          ...extra,
        })
        .expect(201);
    await target({ projectId: projects[0]!.id });
    await target({ projectId: projects[1]!.id }, { targetValue: '20.5' });
    await target({ projectId: projects[2]!.id }, { milestones: [{ year: 2024, value: '4' }] });
    await target({ agreementId: s.agreementId }, { targetValue: '100' });
    await noDrift('values and targets');
    const [targets] = await t.dataSource.query<Array<{ n: number; sum: string }>>(
      `SELECT n, target_sum::text AS sum FROM indicator_target_facts
       WHERE indicator_id = $1 AND agreement_id = $2 AND holder_group = $3`,
      [indicatorId, s.agreementId, s.areaId],
    );
    expect(targets).toEqual({ n: 2, sum: '30.5000' });
    const [sums] = await t.dataSource.query<Array<{ sum: string; holders: number }>>(
      `SELECT value_sum::text AS sum, holders FROM indicator_period_facts
       WHERE indicator_id = $1 AND agreement_id = $2 AND holder_group = $3 AND period = '2024'`,
      [indicatorId, s.agreementId, s.areaId],
    );
    expect(sums).toEqual({ sum: '4.0000', holders: 2 });

    await s.agent
      .patch(`/api/indicator-actuals/${written[0]!.id as string}`)
      .send({ version: 1, value: '100' })
      .expect(200);
    await noDrift('correction');
    const moved = projects[0]!;
    await t.http
      .patch(`/api/projects/${moved.id as string}`)
      .send({ version: 1, priorityAreaId: otherArea.id })
      .expect(200);
    await noDrift('move');
    await s.agent.delete(`/api/indicator-actuals/${written[1]!.id as string}`).expect(204);
    await t.http.delete(`/api/projects/${projects[2]!.id as string}`).expect(204);
    await noDrift('deletes');

    if (options.ownConnections) {
      // Ten sessions write values of one indicator, agreement and period at once: each recomputes
      // the same sums, and none may leave out another's value.
      const more = await Promise.all(
        Array.from({ length: 10 }, () => newProject(t, { priorityAreaId: s.areaId, leadOrganisationId: s.leadId })),
      );
      await withClients(t, 10, (clients) =>
        Promise.all(
          clients.map(async (client, i) => {
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO indicator_actuals (indicator_id, agreement_id, project_id, period, value, entered_by)
               VALUES ($1, $2, $3, '2023', $4, 'Rinnakkain')`,
              [indicatorId, s.agreementId, more[i]!.id, i + 1],
            );
            await client.query('SELECT pg_sleep(0.02)');
            await client.query('COMMIT');
          }),
        ),
      );
      await noDrift('concurrent sessions');
      const [concurrent] = await t.dataSource.query<Array<{ sum: string; holders: number }>>(
        `SELECT value_sum::text AS sum, holders FROM indicator_period_facts
         WHERE indicator_id = $1 AND agreement_id = $2 AND holder_group = $3 AND period = '2023'`,
        [indicatorId, s.agreementId, s.areaId],
      );
      expect(concurrent).toEqual({ sum: '55.0000', holders: 10 });
    }
  });

  it("keeps the derived indicators' enterprises through register writes, kind changes and moves (seeded), as the API counts them", async () => {
    // A city of its own with two agreements (one reporting by half-year), two areas each.
    const city = await newOrganisation(t, { kind: 'city' });
    const agreements = [
      await newAgreement(t, { cityId: city.id, validFrom: '2021-02-09' }),
      await newAgreement(t, { cityId: city.id, validFrom: '2022-01-01' }),
    ].map((a) => a.id as string);
    await t.dataSource.query(`UPDATE agreements SET reporting_periodicity = 'half_year' WHERE id = $1`, [
      agreements[0],
    ]);
    const areas = await Promise.all(
      [0, 0, 1, 1].map(async (i) => (await newPriorityArea(t, { agreementId: agreements[i] })).id as string),
    );
    const lead = (await newOrganisation(t)).id as string;
    const projects = await Promise.all(
      [0, 0, 1, 2, 3, 3].map(
        async (i) => (await newProject(t, { priorityAreaId: areas[i], leadOrganisationId: lead })).id as string,
      ),
    );
    const orgs = await Promise.all(
      ['company', 'company', 'company', 'company', 'company', 'university', 'research_institute', 'other'].map(
        async (kind) => (await newOrganisation(t, { kind })).id as string,
      ),
    );
    const coordinator = await t.as('coordinator', { cityId: city.id as string });
    const seed = Number(process.env.FACTS_SEED ?? randomInt(2 ** 31));
    console.log(`enterprise facts on ${options.database}: seed ${seed} (FACTS_SEED=${seed} replays the sequence)`);
    const rand = generator(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
    const DATES = [null, '2021-03-01', '2022-07-15', '2023-06-30', '2023-12-31', '2024-07-01', '2025-02-01'];
    const SUPPORT = [null, 'grant', 'advisory', 'test_bed_access', 'none'];
    const stretch = (): [string | null, string | null] => {
      const [a, b] = [pick(DATES), pick(DATES)];
      return a !== null && b !== null && a > b ? [b, a] : [a, b];
    };
    const q = (text: string, params: unknown[] = []) => t.dataSource.query(text, params);
    const register = () =>
      q(
        `SELECT pt.id, pt.project_id AS "projectId", pt.organisation_id AS "organisationId" FROM participants pt
         WHERE pt.project_id = ANY($1)`,
        [projects],
      ) as Promise<Array<{ id: string; projectId: string; organisationId: string }>>;
    const ops: Record<string, () => Promise<unknown>> = {
      add: async () => {
        const taken = new Set((await register()).map((r) => `${r.projectId}|${r.organisationId}`));
        const [project, org] = [pick(projects), pick(orgs)];
        if (taken.has(`${project}|${org}`)) return;
        const [from, to] = stretch();
        await q(
          `INSERT INTO participants (project_id, organisation_id, role, starts_on, ends_on, support_kind)
                 VALUES ($1, $2, 'partner', $3, $4, $5)`,
          [project, org, from, to, pick(SUPPORT)],
        );
      },
      change: async () => {
        const rows = await register();
        if (rows.length === 0) return;
        const [from, to] = stretch();
        await q(`UPDATE participants SET starts_on = $2, ends_on = $3, support_kind = $4 WHERE id = $1`, [
          pick(rows).id,
          from,
          to,
          pick(SUPPORT),
        ]);
      },
      remove: async () => {
        const rows = await register();
        if (rows.length > 0) await q(`DELETE FROM participants WHERE id = $1`, [pick(rows).id]);
      },
      kind: () =>
        q(`UPDATE organisations SET kind = $2 WHERE id = $1`, [pick(orgs), pick(['company', 'university', 'other'])]),
      move: () => q(`UPDATE projects SET priority_area_id = $2 WHERE id = $1`, [pick(projects), pick(areas)]),
      // One statement writing several rows, and one removing a project's whole register.
      many: () => q(`UPDATE participants SET ends_on = NULL WHERE project_id = $1`, [pick(projects)]),
      clear: () => q(`DELETE FROM participants WHERE project_id = $1`, [pick(projects)]),
    };
    const names = [...Object.keys(ops), 'add', 'add', 'add', 'change'];

    /** What the API must show, computed here from the register (not from the facts). */
    async function expected(keyOf: (row: Json) => string | null, periods: string[], toDate: string) {
      const rows = (await q(
        `SELECT pt.project_id AS "projectId", p.priority_area_id AS "areaId", p.agreement_id AS "agreementId",
                pt.organisation_id AS "organisationId", o.kind::text AS kind, pt.support_kind::text AS "supportKind",
                coalesce(pt.starts_on::text, '0000-01-01') AS "from", coalesce(pt.ends_on::text, '9999-12-31') AS "to"
         FROM participants pt JOIN organisations o ON o.id = pt.organisation_id JOIN projects p ON p.id = pt.project_id
         WHERE pt.project_id = ANY($1)`,
        [projects],
      )) as Json[];
      const result = new Map<string, Map<string | null, Set<string>>>();
      const registered = new Set(rows.map((r) => keyOf(r)));
      const count = (derivation: string, key: string | null, org: string, from: string, to: string) => {
        const byPeriod = result.get(`${derivation}|${key}`) ?? new Map<string | null, Set<string>>();
        result.set(`${derivation}|${key}`, byPeriod);
        for (const period of [...periods, null]) {
          const bounds = period === null ? { from: '0000-01-01', to: toDate } : periodBounds(period);
          if (from <= bounds.to && (period === null || to >= bounds.from)) {
            byPeriod.set(period, (byPeriod.get(period) ?? new Set()).add(org));
          }
        }
      };
      for (const e of rows.filter((r) => r.kind === ENTERPRISE_KIND)) {
        const key = keyOf(e);
        for (const [derivation, kinds] of Object.entries(DERIVATION_SUPPORT_KINDS)) {
          if (kinds !== null) {
            if (kinds.includes(e.supportKind as never))
              count(derivation, key, e.organisationId as string, e.from as string, e.to as string);
            continue;
          }
          for (const r of rows) {
            if (r.projectId !== e.projectId || r.organisationId === e.organisationId) continue;
            if (!(RESEARCH_ORGANISATION_KINDS as readonly string[]).includes(r.kind as string)) continue;
            const from = (e.from as string) > (r.from as string) ? e.from : r.from;
            const to = (e.to as string) < (r.to as string) ? e.to : r.to;
            if ((from as string) <= (to as string))
              count(derivation, key, e.organisationId as string, from as string, to as string);
          }
        }
      }
      return (derivation: string, key: string | null) => {
        if (!registered.has(key)) return { periods: periods.map(() => null), toDate: null };
        const byPeriod = result.get(`${derivation}|${key}`);
        const n = (period: string | null) => String(byPeriod?.get(period)?.size ?? 0);
        return { periods: periods.map((p) => n(p)), toDate: n(null) };
      };
    }
    const shown = (line: Json) => ({
      periods: (line.periods as Json[]).map((p) => p.value),
      toDate: line.toDate,
    });

    async function expectCountsRight(step: string) {
      const drift = (await checkFacts(t.dataSource)).filter((d) => d.entity === 'indicator_enterprise');
      const mismatches: Json[] = [];
      const today = todayIso('Europe/Helsinki');
      // The coordinator's national view: each agreement, and the two gathered (each enterprise once).
      const national = (await coordinator.get('/api/indicator-results/national').expect(200)).body as Json;
      const yearEnd = periodBounds(periodOf(today, 'year')).to;
      const nationalModel = await expected((r) => r.agreementId as string, national.periods as string[], yearEnd);
      const totalModel = await expected(() => null, national.periods as string[], yearEnd);
      for (const item of national.indicators as Json[]) {
        const derivation = (item.indicator as Json).derivation as string | null;
        if (derivation === null) continue;
        for (const a of item.agreements as Json[]) {
          const want = nationalModel(derivation, a.agreementId as string);
          if (JSON.stringify(shown(a.result as Json)) !== JSON.stringify(want))
            mismatches.push({
              view: 'national',
              derivation,
              agreement: a.agreementId,
              got: shown(a.result as Json),
              want,
            });
        }
        const want = totalModel(derivation, null);
        if (JSON.stringify(shown(item.total as Json)) !== JSON.stringify(want))
          mismatches.push({ view: 'national total', derivation, got: shown(item.total as Json), want });
      }
      // Each agreement's view, by its own periods: the agreement and its areas.
      for (const agreementId of agreements) {
        const view = (await coordinator.get(`/api/indicator-results/agreements/${agreementId}`).expect(200))
          .body as Json;
        const end = periodBounds(periodOf(today, view.periodicity as 'year' | 'half_year')).to;
        const byAgreement = await expected((r) => r.agreementId as string, view.periods as string[], end);
        const byArea = await expected((r) => r.areaId as string, view.periods as string[], end);
        for (const item of view.indicators as Json[]) {
          const derivation = (item.indicator as Json).derivation as string | null;
          if (derivation === null) continue;
          const want = byAgreement(derivation, agreementId);
          if (JSON.stringify(shown(item.agreement as Json)) !== JSON.stringify(want))
            mismatches.push({ view: 'agreement', derivation, agreementId, got: shown(item.agreement as Json), want });
          for (const area of item.areas as Json[]) {
            const wantArea = byArea(derivation, area.priorityAreaId as string);
            if (JSON.stringify(shown(area.result as Json)) !== JSON.stringify(wantArea))
              mismatches.push({
                view: 'area',
                derivation,
                area: area.priorityAreaId,
                got: shown(area.result as Json),
                want: wantArea,
              });
          }
        }
      }
      expect({ step, seed, drift, mismatches }).toEqual({ step, seed, drift: [], mismatches: [] });
    }

    await expectCountsRight('empty register');
    // One enterprise twice in an area and a year, months apart (two stretches): counted once there.
    await q(
      `INSERT INTO participants (project_id, organisation_id, role, starts_on, ends_on, support_kind)
       VALUES ($1, $3, 'company', '2023-01-01', '2023-03-31', 'grant'), ($2, $3, 'company', '2023-09-01', '2023-12-31', 'grant'),
              ($1, $4, 'research_organisation', NULL, NULL, NULL), ($2, $4, 'research_organisation', NULL, NULL, NULL)`,
      [projects[0], projects[1], orgs[0], orgs[5]],
    );
    await expectCountsRight('two stretches in one year');
    for (let i = 1; i <= 60; i++) {
      await ops[pick(names)]!();
      if (i % 12 === 0) await expectCountsRight(`after ${i} writes`);
    }

    if (options.ownConnections) {
      // Ten sessions at once: enterprises joining the projects of one research organisation while
      // it joins them too; none may be left counted with a stale register.
      await q(`UPDATE organisations SET kind = 'company' WHERE id = ANY($1)`, [orgs.slice(0, 5)]);
      await q(`UPDATE organisations SET kind = 'university' WHERE id = $1`, [orgs[5]]);
      await q(`DELETE FROM participants WHERE project_id = ANY($1)`, [projects]);
      await withClients(t, 10, (clients) =>
        Promise.all(
          clients.map(async (client, i) => {
            await client.query('BEGIN');
            const [project, org] = i < 5 ? [projects[i % 3]!, orgs[i]!] : [projects[i % 3]!, orgs[5]!];
            await client.query(
              `INSERT INTO participants (project_id, organisation_id, role, support_kind)
               VALUES ($1, $2, 'partner', 'grant') ON CONFLICT DO NOTHING`,
              [project, org],
            );
            await client.query('SELECT pg_sleep(0.02)');
            await client.query('COMMIT');
          }),
        ),
      );
      await expectCountsRight('concurrent sessions');
    }
  });

  it('finds corrupted facts (check-facts) and rebuilds them (rebuild-facts)', async () => {
    // a project with a report, a milestone and a paid decision; one with nothing; an agreement-wide decision
    const [full, empty] = [await write.project(), await write.project()];
    await write.report(full, '2024-10-31', 'off_track');
    const milestone = await write.milestone(full, '2026-01-31');
    const paid = await write.decision(full, 'granted', '900.00');
    await write.payment(paid.id, '400.00', '2024-04-30');
    const unpaid = await write.decision(null, 'applied', null);
    const elsewhere = [...model.projects.keys()].find((id) => id !== full && id !== empty)!;
    await expectFactsRight({ before: 'corruption' });

    // corrupt them, straight in SQL (nothing keeps the facts tables themselves)
    await t.dataSource.query(
      `UPDATE project_facts SET funding_paid = funding_paid + 1, latest_health = 'on_track', next_milestone_id = NULL,
         next_milestone_due_date = NULL WHERE project_id = $1`,
      [full],
    );
    await t.dataSource.query(`UPDATE project_facts SET funding_unknown_amounts = 3 WHERE project_id = $1`, [empty]);
    await t.dataSource.query(`DELETE FROM project_facts WHERE project_id = $1`, [elsewhere]);
    await t.dataSource.query(
      `UPDATE funding_decision_facts SET paid = 0, last_paid_on = '1999-12-31' WHERE funding_decision_id = $1`,
      [paid.id],
    );
    await t.dataSource.query(`DELETE FROM funding_decision_facts WHERE funding_decision_id = $1`, [unpaid.id]);

    const fact = (
      entity: FactDriftRow['entity'],
      id: string,
      name: string,
      stored: string | null,
      recomputed: string | null,
    ) => ({ entity, id, fact: name, stored, recomputed });
    const byKey = (a: FactDriftRow, b: FactDriftRow) =>
      `${a.entity} ${a.id} ${a.fact}`.localeCompare(`${b.entity} ${b.id} ${b.fact}`);
    const wrong = [
      fact('funding_decision', paid.id, 'last_paid_on', '1999-12-31', '2024-04-30'),
      fact('funding_decision', paid.id, 'paid', '0.00', '400.00'),
      fact('funding_decision', unpaid.id, 'row', null, 'present'),
      fact('project', elsewhere, 'row', null, 'present'),
      fact('project', empty, 'funding_unknown_amounts', '3', '0'),
      fact('project', full, 'funding_paid', '401.00', '400.00'),
      fact('project', full, 'latest_health', 'on_track', 'off_track'),
      fact('project', full, 'next_milestone_due_date', null, '2026-01-31'),
      fact('project', full, 'next_milestone_id', null, milestone.id),
    ].sort(byKey);
    expect([...(await checkFacts(t.dataSource))].sort(byKey)).toEqual(wrong);

    const rebuild = await rebuildFacts(t.dataSource);
    expect([...rebuild.before].sort(byKey)).toEqual(wrong);
    expect(rebuild.after).toEqual([]);
    const [counts] = await t.dataSource.query<Array<{ projects: number; decisions: number }>>(
      'SELECT (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM funding_decisions) AS decisions',
    );
    expect(rebuild).toMatchObject({ projects: counts!.projects, fundingDecisions: counts!.decisions });
    await expectFactsRight({ after: 'rebuild' });
    // a rebuild of right facts finds nothing wrong
    expect(await rebuildFacts(t.dataSource)).toMatchObject({ before: [], after: [] });
  });

  it('catches trigger definitions that part from the shared vocabulary, which a rebuild cannot mend', async () => {
    const projectId = await write.project();
    // The database's refresh function now counts only 'granted' decisions as payable.
    const [original] = await t.dataSource.query<Array<{ definition: string }>>(
      `SELECT pg_get_functiondef('refresh_project_facts(uuid[])'::regprocedure) AS definition`,
    );
    const definition = original!.definition;
    const narrowed = definition.replace(`IN ('granted', 'amended')`, `IN ('granted')`);
    expect(narrowed).not.toBe(definition);
    await t.dataSource.query(narrowed);
    try {
      const decision = await write.decision(projectId, 'granted', '1234.00');
      await expectStatus(
        s.agent.patch(`/api/funding-decisions/${decision.id}`).send({ version: 1, status: 'amended' }),
        200,
        'amend',
      );
      const drift = await checkFacts(t.dataSource);
      expect(drift).toEqual([
        { entity: 'project', id: projectId, fact: 'funding_granted', stored: '0.00', recomputed: '1234.00' },
      ]);
      const factsBefore = await t.dataSource.query('SELECT * FROM project_facts ORDER BY project_id');
      const rebuild = await rebuildFacts(t.dataSource);
      // (the rebuild recomputes every project with the narrowed definition: any with an amended decision differs)
      expect(rebuild.before).toEqual(drift);
      expect(rebuild.after).toEqual(expect.arrayContaining(drift));
      // rolled back: nothing changed
      expect(await t.dataSource.query('SELECT * FROM project_facts ORDER BY project_id')).toEqual(factsBefore);
      await expectStatus(s.agent.delete(`/api/funding-decisions/${decision.id}`), 204, 'delete funding decision');
      model.decisions.delete(decision.id);
    } finally {
      await t.dataSource.query(definition);
    }
    await expectFactsRight({ after: 'the definition is restored' });
  });
}

/** Waits until the session of `client` waits for a lock (held by another session). */
async function waitForLockWait(t: TestApp, client: Client): Promise<void> {
  const pid = (client as unknown as { processID: number }).processID;
  for (let i = 0; i < 500; i++) {
    const [row] = await t.dataSource.query<Array<{ waiting: boolean }>>(
      `SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`,
      [pid],
    );
    if (row?.waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the session never waited for a lock');
}

const onPostgres = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

describe(`portfolio facts on ${onPostgres ? 'PostgreSQL' : 'the embedded database (no TEST_DATABASE_URL)'}`, () => {
  const t = useTestApp();
  factsTests(t, {
    database: onPostgres ? 'PostgreSQL' : 'PGlite',
    operations: 300,
    batch: 25,
    ownConnections: onPostgres,
  });
});

// The same triggers must hold on the embedded database (PGlite), which serves one session.
if (onPostgres) {
  describe('portfolio facts on the embedded database (PGlite)', () => {
    const t = useTestApp({ embedded: true });
    factsTests(t, { database: 'PGlite', operations: 150, batch: 30, ownConnections: false });
  });
}
