import { CLOSED_MILESTONE_STATUSES, type Health, type LifecycleStatus } from '@salkku/shared';
import type { Actor } from '../../common/actor';
import { Sql, type Statement } from '../../persistence/sql';

/**
 * The SQL behind the dashboard: every figure is an aggregate computed by PostgreSQL, one
 * statement per section, each limited to the actor's city scope (the agreement's city_id) and
 * to the chosen agreement / priority area. User input reaches SQL only as parameters ($n).
 */

export interface DashboardFilters {
  agreementId?: string;
  priorityAreaId?: string;
}

/** Lifecycle statuses whose projects are expected to report (the others are closed); reports reuse it. */
export const REPORTING_LIFECYCLE_STATUSES: readonly LifecycleStatus[] = ['planned', 'active', 'on_hold'];

/** Conditions on a priority area `areaAlias` and its agreement `agreementAlias`: scope and filters. */
function areaWhere(params: Sql, actor: Actor, filters: DashboardFilters, areaAlias: string, agreementAlias: string) {
  const where = [params.scope(actor, `${agreementAlias}.city_id`)];
  if (filters.agreementId) where.push(`${areaAlias}.agreement_id = ${params.value(filters.agreementId)}`);
  if (filters.priorityAreaId) where.push(`${areaAlias}.id = ${params.value(filters.priorityAreaId)}`);
  return where.join(' AND ');
}

/**
 * Conditions on a row `alias` that has agreement_id and priority_area_id columns: the actor's
 * city scope (through the agreement; none for an actor who sees every city) and the filters.
 */
function projectWhere(params: Sql, actor: Actor, filters: DashboardFilters, alias: string): string {
  const where = ['TRUE'];
  if (actor.cityId !== null) {
    where.push(
      `EXISTS (SELECT 1 FROM agreements sa WHERE sa.id = ${alias}.agreement_id AND ${params.scope(actor, 'sa.city_id')})`,
    );
  }
  if (filters.agreementId) where.push(`${alias}.agreement_id = ${params.value(filters.agreementId)}`);
  if (filters.priorityAreaId) where.push(`${alias}.priority_area_id = ${params.value(filters.priorityAreaId)}`);
  return where.join(' AND ');
}

/**
 * A CTE `sp` of the projects in scope and filters, read from their facts alone (id, agreement_id,
 * priority_area_id, lifecycle_status, latest_reporting_date, latest_health: see ProjectFacts).
 */
function scopedProjects(params: Sql, actor: Actor, filters: DashboardFilters): string {
  return `sp AS (
      SELECT pf.project_id AS id, pf.agreement_id, pf.priority_area_id, pf.lifecycle_status,
             pf.latest_reporting_date, pf.latest_health
      FROM project_facts pf
      WHERE ${projectWhere(params, actor, filters, 'pf')}
    )`;
}

/**
 * Whether the chosen agreement and priority area exist within the actor's scope (and the area
 * belongs to the agreement when both are given). Only run when a filter is given.
 */
export function filtersFoundSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  const agreement = params.value(filters.agreementId ?? null);
  const area = params.value(filters.priorityAreaId ?? null);
  const scopeA = params.scope(actor, 'a.city_id');
  const scopePa = params.scope(actor, 'paa.city_id');
  return {
    sql: `
      SELECT
        ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM agreements a WHERE a.id = ${agreement}::uuid AND ${scopeA})) AS agreement_found,
        ($2::uuid IS NULL OR EXISTS (
          SELECT 1 FROM priority_areas pa JOIN agreements paa ON paa.id = pa.agreement_id
          WHERE pa.id = ${area}::uuid AND ${scopePa} AND (${agreement}::uuid IS NULL OR pa.agreement_id = ${agreement}::uuid)
        )) AS area_found`,
    params: params.parameters,
  };
}

export interface CountRow<K extends string> {
  /** Which count: by lifecycle status or by the health of the latest report. */
  dimension: 'lifecycle' | 'health';
  key: K;
  count: number;
}

/**
 * Project counts by lifecycle status and by the health of their latest report ("none" without
 * reports), in one pass over the projects in scope (GROUPING SETS); keys with projects only.
 */
export function projectCountsSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  return {
    sql: `
      WITH ${scopedProjects(params, actor, filters)}
      SELECT CASE WHEN GROUPING(sp.lifecycle_status) = 0 THEN 'lifecycle' ELSE 'health' END AS dimension,
             COALESCE(sp.lifecycle_status::text, sp.latest_health::text, 'none') AS key,
             count(*)::int AS count
      FROM sp
      GROUP BY GROUPING SETS ((sp.lifecycle_status), (sp.latest_health))`,
    params: params.parameters,
  };
}

export interface FundingRow {
  granted: string;
  paid: string;
  remaining: string;
  unknown_amounts: number;
}

export interface AreaFundingRow extends FundingRow {
  id: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
}

export interface FunderFundingRow extends FundingRow {
  /** Null on the total row. */
  id: string | null;
  name: string | null;
  /** The row of every funder's decisions together (the headline's funding), last. */
  total: boolean;
}

/** Sums of funding figures over a group of rows `d` (granted, paid, unknown_amounts). */
const FUNDING_SUMS = `
  COALESCE(SUM(d.granted), 0)::numeric(17,2)::text AS granted,
  COALESCE(SUM(d.paid), 0)::numeric(17,2)::text AS paid,
  (COALESCE(SUM(d.granted), 0) - COALESCE(SUM(d.paid), 0))::numeric(17,2)::text AS remaining,
  COALESCE(SUM(d.unknown_amounts), 0)::int AS unknown_amounts`;

/**
 * Funding of the projects of each priority area in scope (areas without decisions included,
 * with zeros), by the area's Finnish name: the sums of its projects' facts.
 */
export function fundingByAreaSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  const where = areaWhere(params, actor, filters, 'pa', 'a');
  return {
    sql: `
      SELECT pa.id, pa.name_fi, pa.name_sv, pa.name_en, ${FUNDING_SUMS}
      FROM priority_areas pa
      JOIN agreements a ON a.id = pa.agreement_id
      LEFT JOIN (
        SELECT pf.priority_area_id, pf.funding_granted AS granted, pf.funding_paid AS paid,
               pf.funding_unknown_amounts AS unknown_amounts
        FROM project_facts pf
      ) d ON d.priority_area_id = pa.id
      WHERE ${where}
      GROUP BY pa.id
      ORDER BY pa.name_fi, pa.id`,
    params: params.parameters,
  };
}

/**
 * Funding by funder: every payable decision of the agreements in scope (agreement-level ones
 * too), one narrow row each with its payments summed (funding_decision_facts); with a priority
 * area chosen, only the decisions on its projects. Funders with no payable decision are not listed.
 * A last row (`total`, GROUPING SETS) sums every funder's: the headline's funding, exact in
 * numeric and read in the same statement, so it always equals the sum of the rows above it.
 */
export function fundingByFunderSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  const where = ['ff.payable', projectWhere(params, actor, { agreementId: filters.agreementId }, 'ff')];
  if (filters.priorityAreaId) {
    where.push(
      `EXISTS (SELECT 1 FROM projects fp WHERE fp.id = ff.project_id AND fp.priority_area_id = ${params.value(filters.priorityAreaId)})`,
    );
  }
  return {
    sql: `
      SELECT o.id, o.name, GROUPING(o.id, o.name) <> 0 AS total, ${FUNDING_SUMS}
      FROM (
        SELECT ff.funder_id, SUM(ff.amount_granted) AS granted, SUM(ff.paid) AS paid,
               count(*) FILTER (WHERE ff.amount_granted IS NULL) AS unknown_amounts
        FROM funding_decision_facts ff
        WHERE ${where.join(' AND ')}
        GROUP BY ff.funder_id
      ) d
      JOIN organisations o ON o.id = d.funder_id
      GROUP BY GROUPING SETS ((o.id, o.name), ())
      ORDER BY GROUPING(o.id, o.name), o.name, o.id`,
    params: params.parameters,
  };
}

export interface MilestoneRow {
  kind: 'soon' | 'overdue';
  id: string;
  title: string;
  due_date: string;
  project_id: string;
  project_code: string;
  project_name: string;
  /** How many milestones of its kind there are, beyond the 50 listed too. */
  total: number;
}

export const DASHBOARD_LIST_LIMIT = 50;

/**
 * Open milestones due within `days` from today, and overdue ones: at most 50 of each, by due
 * date, read from IDX_milestones_due_date in its order and stopping at 50 (the projects are joined
 * per milestone, not collected first). Each row carries the true count of its kind, beyond the 50
 * (an uncorrelated subquery: computed once per statement). Overdue ones are counted without
 * visiting every one: the open milestones due in months before this one from milestone_month_facts
 * (per agreement), those due this month before today from the milestones; with a priority area
 * chosen (the facts are per agreement) they are counted from the area's projects' milestones.
 * Without milestones of a kind there is no row to carry its count: it is then zero.
 */
export function milestonesSql(actor: Actor, filters: DashboardFilters, today: string, days: number): Statement {
  const params = Sql.params();
  const closed = params.value(CLOSED_MILESTONE_STATUSES);
  const todayParam = params.value(today);
  const daysParam = params.value(days);
  const limit = params.value(DASHBOARD_LIST_LIMIT);
  const open = `m.status <> ALL(${closed}::milestone_status[])`;
  const month = `date_trunc('month', ${todayParam}::date)::date`;
  const soon = `m.due_date >= ${todayParam}::date AND m.due_date <= ${todayParam}::date + ${daysParam}::int`;
  const counted = (condition: string) => `(
      SELECT count(*) FROM milestones m JOIN projects p ON p.id = m.project_id
      WHERE ${open} AND ${condition} AND ${projectWhere(params, actor, filters, 'p')})`;
  const overdueTotal = filters.priorityAreaId
    ? counted(`m.due_date < ${todayParam}::date`)
    : `(SELECT coalesce(sum(f.open_count), 0) FROM milestone_month_facts f
          WHERE f.due_month < ${month} AND ${projectWhere(params, actor, filters, 'f')})
        + ${counted(`m.due_date >= ${month} AND m.due_date < ${todayParam}::date`)}`;
  const select = (kind: string, condition: string, total: string) => `(
      SELECT '${kind}'::text AS kind, m.id, m.title, m.due_date, p.id AS project_id, p.code AS project_code, p.name AS project_name,
             (${total})::int AS total
      FROM milestones m
      JOIN projects p ON p.id = m.project_id
      WHERE ${open} AND ${condition} AND ${projectWhere(params, actor, filters, 'p')}
      ORDER BY m.due_date, p.code, m.id
      LIMIT ${limit}
    )`;
  return {
    sql: `
      ${select('soon', soon, counted(soon))}
      UNION ALL
      ${select('overdue', `m.due_date < ${todayParam}::date`, overdueTotal)}`,
    params: params.parameters,
  };
}

export interface NeedsUpdateRow {
  id: string;
  code: string;
  name: string;
  latest_reporting_date: string | null;
}

/**
 * Projects still running (planned, active, on hold) whose latest report is older than
 * `staleAfterDays` or that have none: those without a report first, then the oldest.
 */
export function needingUpdateSql(
  actor: Actor,
  filters: DashboardFilters,
  today: string,
  staleAfterDays: number,
): Statement {
  const params = Sql.params();
  const sp = scopedProjects(params, actor, filters);
  const running = params.value(REPORTING_LIFECYCLE_STATUSES);
  const todayParam = params.value(today);
  const stale = params.value(staleAfterDays);
  const limit = params.value(DASHBOARD_LIST_LIMIT);
  return {
    sql: `
      WITH ${sp}
      SELECT p.id, p.code, p.name, sp.latest_reporting_date
      FROM sp
      JOIN projects p ON p.id = sp.id
      WHERE sp.lifecycle_status = ANY(${running}::lifecycle_status[])
        AND (sp.latest_reporting_date IS NULL OR sp.latest_reporting_date < ${todayParam}::date - ${stale}::int)
      ORDER BY sp.latest_reporting_date ASC NULLS FIRST, p.code, p.id
      LIMIT ${limit}`,
    params: params.parameters,
  };
}

export interface LatestReportRow {
  id: string;
  reporting_date: string;
  health: Health;
  summary: string;
  project_id: string;
  project_code: string;
  project_name: string;
}

export const LATEST_REPORTS_LIMIT = 10;

/** The newest status reports of the projects in scope. */
export function latestReportsSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  const where = projectWhere(params, actor, filters, 'p');
  const limit = params.value(LATEST_REPORTS_LIMIT);
  return {
    sql: `
      SELECT sr.id, sr.reporting_date, sr.health, sr.summary,
             p.id AS project_id, p.code AS project_code, p.name AS project_name
      FROM status_reports sr
      JOIN projects p ON p.id = sr.project_id
      WHERE ${where}
      ORDER BY sr.reporting_date DESC, sr.created_at DESC, sr.id DESC
      LIMIT ${limit}`,
    params: params.parameters,
  };
}
