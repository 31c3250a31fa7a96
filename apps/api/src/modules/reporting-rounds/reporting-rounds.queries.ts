import {
  OUTSTANDING_PERIOD_REPORT_STATUSES,
  type Health,
  type LifecycleStatus,
  type PeriodReportStatus,
} from '@salkku/shared';
import type { Actor } from '../../common/actor';
import { where, type PageStatements, type Sql } from '../../persistence/sql';
import type { ListPeriodReportsQuery } from './dto/list-period-reports.query';
import type { ListRoundsQuery } from './dto/list-rounds.query';

/**
 * The SQL of reporting rounds, period reports and frozen reports. A round's city is its
 * agreement's (`a.city_id`), a period report's the same (its project never leaves the agreement),
 * so every read applies the actor's scope on the agreement and another city's record is not found.
 */

/** The outstanding statuses as an SQL list of literals (our own constants, never user input). */
const OUTSTANDING = OUTSTANDING_PERIOD_REPORT_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Whether the project `projectAlias` has an overdue report: outstanding in an open round whose due
 * date is before `todayParam`. Reads IDX_period_reports_outstanding (a project's outstanding
 * reports, usually none) per project: the project list and detail add it without another statement.
 */
export function overdueReportSql(projectAlias: string, todayParam: string): string {
  return `EXISTS (SELECT 1 FROM period_reports opr JOIN reporting_rounds orr ON orr.id = opr.round_id
      WHERE opr.project_id = ${projectAlias}.id AND opr.status IN (${OUTSTANDING})
        AND orr.closed_at IS NULL AND orr.due_date < ${todayParam}::date)`;
}

export interface RoundRow {
  id: string;
  agreementId: string;
  agreementTitle: string;
  cityId: string;
  period: string;
  dueDate: string;
  instructions: string | null;
  reminderDaysBefore: number;
  openedById: string | null;
  openedByName: string;
  closedAt: Date | null;
  closedById: string | null;
  closedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  owed: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  overdue: number;
  /** The round's reports (not `total`: a list's page rows carry the list's total under that name). */
  reportCount: number;
  frozen: boolean;
}

/** A round's columns with its progress (counts by status, and overdue ones), given today. */
function roundColumns(sql: Sql, today: string): string {
  return `r.id, r.agreement_id AS "agreementId", a.title AS "agreementTitle", a.city_id AS "cityId", r.period,
    r.due_date AS "dueDate", r.instructions, r.reminder_days_before AS "reminderDaysBefore",
    r.opened_by_id AS "openedById", r.opened_by_name AS "openedByName", r.closed_at AS "closedAt",
    r.closed_by_id AS "closedById", r.closed_by_name AS "closedByName", r.created_at AS "createdAt",
    r.updated_at AS "updatedAt", r.version,
    pr.owed, pr.draft, pr.submitted, pr.returned, pr.approved, pr.total AS "reportCount",
    CASE WHEN r.closed_at IS NULL AND r.due_date < ${sql.value(today)}::date THEN pr.outstanding ELSE 0 END AS overdue,
    EXISTS (SELECT 1 FROM frozen_reports f WHERE f.round_id = r.id) AS frozen`;
}

/** The progress of each round: its reports counted by status (UQ_period_reports_round_project). */
const ROUND_JOINS = `JOIN agreements a ON a.id = r.agreement_id
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE x.status = 'owed')::int AS owed,
           count(*) FILTER (WHERE x.status = 'draft')::int AS draft,
           count(*) FILTER (WHERE x.status = 'submitted')::int AS submitted,
           count(*) FILTER (WHERE x.status = 'returned')::int AS returned,
           count(*) FILTER (WHERE x.status = 'approved')::int AS approved,
           count(*) FILTER (WHERE x.status IN (${OUTSTANDING}))::int AS outstanding,
           count(*)::int AS total
    FROM period_reports x WHERE x.round_id = r.id) pr`;

/** One round in the actor's scope, with its progress. */
export function roundSql(sql: Sql, id: string, actor: Actor, today: string): string {
  return `SELECT ${roundColumns(sql, today)} FROM reporting_rounds r ${ROUND_JOINS}
    WHERE r.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The rounds in the actor's scope, open ones first, then by due date (latest first). */
export function roundList(query: ListRoundsQuery, actor: Actor, today: string): PageStatements {
  const conditions = (sql: Sql) =>
    where([
      sql.scope(actor, 'a.city_id'),
      sql.equals('r.agreement_id', query.agreementId),
      query.open === undefined ? undefined : query.open ? 'r.closed_at IS NULL' : 'r.closed_at IS NOT NULL',
    ]);
  return {
    page: (sql) => {
      const columns = roundColumns(sql, today);
      return `SELECT ${columns}, count(*) OVER () AS total FROM reporting_rounds r ${ROUND_JOINS}
        WHERE ${conditions(sql)}
        ORDER BY (r.closed_at IS NULL) DESC, r.due_date DESC, r.id ${sql.page(query)}`;
    },
    count: (sql) => `SELECT count(*)::int AS total FROM reporting_rounds r JOIN agreements a ON a.id = r.agreement_id
      WHERE ${conditions(sql)}`,
  };
}

/** At most this many open rounds on the dashboard. */
export const DASHBOARD_ROUNDS_LIMIT = 20;

/**
 * The open rounds in the actor's scope with their progress, the earliest due first (the
 * dashboard's): of the agreement, or of the priority area's agreement, when one is chosen.
 */
export function openRoundsSql(
  sql: Sql,
  actor: Actor,
  filters: { agreementId?: string; priorityAreaId?: string },
  today: string,
): string {
  const columns = roundColumns(sql, today);
  return `SELECT ${columns} FROM reporting_rounds r ${ROUND_JOINS}
    WHERE ${where([
      'r.closed_at IS NULL',
      sql.scope(actor, 'a.city_id'),
      sql.equals('r.agreement_id', filters.agreementId),
      filters.priorityAreaId &&
        `r.agreement_id = (SELECT fpa.agreement_id FROM priority_areas fpa WHERE fpa.id = ${sql.value(filters.priorityAreaId)})`,
    ])}
    ORDER BY r.due_date, r.id LIMIT ${sql.value(DASHBOARD_ROUNDS_LIMIT)}`;
}

/** An agreement in the actor's scope, held (FOR SHARE) while a round is opened for it. */
export function agreementForRoundSql(sql: Sql, agreementId: string, actor: Actor): string {
  return `SELECT a.id, a.title, a.city_id AS "cityId", a.reporting_periodicity AS periodicity FROM agreements a
    WHERE a.id = ${sql.value(agreementId)} AND ${sql.scope(actor, 'a.city_id')} FOR SHARE OF a`;
}

/**
 * The projects that owe a report by default: the agreement's projects not cancelled whose planned
 * dates (where given) overlap the period.
 */
export function defaultRoundProjectsSql(sql: Sql, agreementId: string, from: string, to: string): string {
  return `SELECT p.id, p.name, p.code FROM projects p
    WHERE p.agreement_id = ${sql.value(agreementId)} AND p.lifecycle_status <> 'cancelled'
      AND (p.planned_start IS NULL OR p.planned_start <= ${sql.value(to)}::date)
      AND (p.planned_end IS NULL OR p.planned_end >= ${sql.value(from)}::date)
    ORDER BY p.code, p.id`;
}

/** The named projects with their agreements (to check each is of the round's agreement). */
export function namedProjectsSql(sql: Sql, ids: readonly string[]): string {
  return `SELECT p.id, p.name, p.code, p.agreement_id AS "agreementId" FROM projects p
    WHERE p.id = ANY(${sql.value(ids)}::uuid[])`;
}

/** Writes the owed reports of a new round, one per project; returns their ids. */
export function insertOwedReportsSql(sql: Sql, roundId: string, projectIds: readonly string[]): string {
  return `INSERT INTO period_reports (round_id, project_id)
    SELECT ${sql.value(roundId)}, unnest(${sql.value(projectIds)}::uuid[])
    RETURNING id, project_id AS "projectId"`;
}

/** The active coordinators of a city: who the round's notices go to. */
export function cityCoordinatorsSql(sql: Sql, cityIds: readonly string[]): string {
  return `SELECT u.id, u.organisation_id AS "cityId" FROM users u
    WHERE u.role = 'coordinator' AND u.active AND u.organisation_id = ANY(${sql.value(cityIds)}::uuid[])
    ORDER BY u.id`;
}

/** A round's city, for the lock of a round write (scope). */
export function roundCitySql(sql: Sql, roundId: string): string {
  return `SELECT a.city_id AS "cityId" FROM reporting_rounds r JOIN agreements a ON a.id = r.agreement_id
    WHERE r.id = ${sql.value(roundId)}`;
}

export interface PeriodReportRow {
  id: string;
  roundId: string;
  period: string;
  dueDate: string;
  roundOpen: boolean;
  agreementId: string;
  agreementTitle: string;
  cityId: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  status: PeriodReportStatus;
  overdue: boolean;
  health: Health | null;
  healthReasons: string | null;
  achievements: string | null;
  risks: string | null;
  nextSteps: string | null;
  lifecycleStatus: LifecycleStatus | null;
  returnComment: string | null;
  returnCount: number;
  submittedAt: Date | null;
  submittedById: string | null;
  submittedByName: string | null;
  returnedAt: Date | null;
  returnedById: string | null;
  returnedByName: string | null;
  approvedAt: Date | null;
  approvedById: string | null;
  approvedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

function reportColumns(sql: Sql, today: string): string {
  return `x.id, x.round_id AS "roundId", r.period, r.due_date AS "dueDate", (r.closed_at IS NULL) AS "roundOpen",
    a.id AS "agreementId", a.title AS "agreementTitle", a.city_id AS "cityId",
    x.project_id AS "projectId", p.code AS "projectCode", p.name AS "projectName", x.status,
    (r.closed_at IS NULL AND x.status IN (${OUTSTANDING}) AND r.due_date < ${sql.value(today)}::date) AS overdue,
    x.health, x.health_reasons AS "healthReasons", x.achievements, x.risks, x.next_steps AS "nextSteps",
    x.lifecycle_status AS "lifecycleStatus", x.return_comment AS "returnComment", x.return_count AS "returnCount",
    x.submitted_at AS "submittedAt", x.submitted_by_id AS "submittedById", x.submitted_by_name AS "submittedByName",
    x.returned_at AS "returnedAt", x.returned_by_id AS "returnedById", x.returned_by_name AS "returnedByName",
    x.approved_at AS "approvedAt", x.approved_by_id AS "approvedById", x.approved_by_name AS "approvedByName",
    x.created_at AS "createdAt", x.updated_at AS "updatedAt", x.version`;
}

const REPORT_JOINS = `JOIN reporting_rounds r ON r.id = x.round_id
  JOIN agreements a ON a.id = r.agreement_id
  JOIN projects p ON p.id = x.project_id`;

/** One period report in the actor's scope. */
export function periodReportSql(sql: Sql, id: string, actor: Actor, today: string): string {
  return `SELECT ${reportColumns(sql, today)} FROM period_reports x ${REPORT_JOINS}
    WHERE x.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The period reports of a round (or all) in the actor's scope, by project code. */
export function periodReportList(query: ListPeriodReportsQuery, actor: Actor, today: string): PageStatements {
  return {
    page: (sql) => {
      const columns = reportColumns(sql, today);
      return `SELECT ${columns}, count(*) OVER () AS total ${reportsFrom(sql, query, actor, today)}
        ORDER BY r.due_date DESC, p.code, x.id ${sql.page(query)}`;
    },
    count: (sql) => `SELECT count(*)::int AS total ${reportsFrom(sql, query, actor, today)}`,
  };
}

function reportsFrom(sql: Sql, query: ListPeriodReportsQuery, actor: Actor, today: string): string {
  return `FROM period_reports x ${REPORT_JOINS} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('x.round_id', query.roundId),
    sql.equals('x.project_id', query.projectId),
    sql.equals('x.status', query.status),
    query.overdue === undefined
      ? undefined
      : `${query.overdue ? '' : 'NOT '}(r.closed_at IS NULL AND x.status IN (${OUTSTANDING}) AND r.due_date < ${sql.value(today)}::date)`,
  ])}`;
}

/**
 * What the actor's city owes (every city's for those who see all): the outstanding reports of
 * open rounds, the earliest due first.
 */
export function owedReportList(
  paging: { page: number; pageSize: number },
  actor: Actor,
  today: string,
): PageStatements {
  const from = (sql: Sql) => `FROM period_reports x ${REPORT_JOINS}
    WHERE ${sql.scope(actor, 'a.city_id')} AND r.closed_at IS NULL AND x.status IN (${OUTSTANDING})`;
  return {
    page: (sql) => {
      const columns = reportColumns(sql, today);
      return `SELECT ${columns}, count(*) OVER () AS total ${from(sql)}
        ORDER BY r.due_date, p.code, x.id ${sql.page(paging)}`;
    },
    count: (sql) => `SELECT count(*)::int AS total ${from(sql)}`,
  };
}

/** A report's city and round state, read under the report's lock. */
export interface LockedReportContext {
  cityId: string;
  agreementId: string;
  period: string;
  dueDate: string;
  roundOpen: boolean;
  periodicity: 'year' | 'half_year';
  projectName: string;
}

export function reportContextSql(sql: Sql, reportId: string): string {
  return `SELECT a.city_id AS "cityId", a.id AS "agreementId", r.period, r.due_date AS "dueDate",
      (r.closed_at IS NULL) AS "roundOpen", a.reporting_periodicity AS periodicity, p.name AS "projectName"
    FROM period_reports x ${REPORT_JOINS} WHERE x.id = ${sql.value(reportId)}`;
}

/**
 * Milestones named in a report's form, with their projects; locked (`lock`) when the form is about
 * to change them, so the version read is the one the milestone's own update checks.
 */
export function formMilestonesSql(sql: Sql, ids: readonly string[], lock = false): string {
  return `SELECT m.id, m.project_id AS "projectId", m.version, m.status, m.completed_on AS "completedOn"
    FROM milestones m WHERE m.id = ANY(${sql.value(ids)}::uuid[]) ORDER BY m.id${lock ? ' FOR UPDATE' : ''}`;
}

/** Funding decisions named in a report's form, with their projects. */
export function formDecisionsSql(sql: Sql, ids: readonly string[]): string {
  return `SELECT d.id, d.project_id AS "projectId" FROM funding_decisions d WHERE d.id = ANY(${sql.value(ids)}::uuid[])`;
}

/** The project's values of the period for the indicators named in the form (to correct rather than add). */
export function formActualsSql(sql: Sql, projectId: string, period: string, indicatorIds: readonly string[]): string {
  return `SELECT ia.id, ia.indicator_id AS "indicatorId", ia.version FROM indicator_actuals ia
    WHERE ia.project_id = ${sql.value(projectId)} AND ia.period = ${sql.value(period)}
      AND ia.indicator_id = ANY(${sql.value(indicatorIds)}::uuid[])
    ORDER BY ia.id FOR UPDATE`;
}

/** The project's stage and version, locked (FOR UPDATE) for the form's change of its stage. */
export function projectStageSql(sql: Sql, projectId: string): string {
  return `SELECT p.lifecycle_status AS "lifecycleStatus", p.version FROM projects p
    WHERE p.id = ${sql.value(projectId)} FOR UPDATE OF p`;
}

/** The reports of a round with their projects, for the frozen report (by project code). */
export function roundReportsSql(sql: Sql, roundId: string): string {
  return `SELECT x.id, x.project_id AS "projectId", p.code AS "projectCode", p.name AS "projectName", x.status,
      x.health, x.health_reasons AS "healthReasons", x.achievements, x.risks, x.next_steps AS "nextSteps",
      x.lifecycle_status AS "lifecycleStatus", x.submitted_at AS "submittedAt", x.submitted_by_name AS "submittedByName",
      x.approved_at AS "approvedAt", x.approved_by_name AS "approvedByName"
    FROM period_reports x JOIN projects p ON p.id = x.project_id
    WHERE x.round_id = ${sql.value(roundId)} ORDER BY p.code, x.id`;
}

/** The frozen report of a round in the actor's scope. */
export function frozenReportSql(sql: Sql, roundId: string, actor: Actor): string {
  return `SELECT f.document, f.frozen_at AS "frozenAt", f.frozen_by_name AS "frozenByName", r.period,
      r.agreement_id AS "agreementId", a.title AS "agreementTitle"
    FROM frozen_reports f JOIN reporting_rounds r ON r.id = f.round_id JOIN agreements a ON a.id = r.agreement_id
    WHERE f.round_id = ${sql.value(roundId)} AND ${sql.scope(actor, 'a.city_id')}`;
}

export interface ProducerRoundRow {
  roundId: string;
  agreementTitle: string;
  cityId: string;
  period: string;
  dueDate: string;
  reminderDaysBefore: number;
  reports: Array<{ reportId: string; projectName: string; status: 'owed' | 'draft' | 'returned' }>;
}

/** Open rounds with their outstanding reports (none: the round is left out), for the scheduled notices. */
export function producerRoundsSql(): string {
  return `SELECT r.id AS "roundId", a.title AS "agreementTitle", a.city_id AS "cityId", r.period,
      r.due_date AS "dueDate", r.reminder_days_before AS "reminderDaysBefore",
      json_agg(json_build_object('reportId', x.id, 'projectName', p.name, 'status', x.status) ORDER BY p.code, x.id) AS reports
    FROM reporting_rounds r JOIN agreements a ON a.id = r.agreement_id
    JOIN period_reports x ON x.round_id = r.id AND x.status IN (${OUTSTANDING})
    JOIN projects p ON p.id = x.project_id
    WHERE r.closed_at IS NULL
    GROUP BY r.id, a.id
    ORDER BY r.due_date, r.id`;
}

/** A user's language. */
export function userLanguageSql(sql: Sql, userId: string): string {
  return `SELECT u.language FROM users u WHERE u.id = ${sql.value(userId)}`;
}
