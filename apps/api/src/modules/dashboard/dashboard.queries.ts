import {
  CLOSED_MILESTONE_STATUSES,
  PAYABLE_DECISION_STATUSES,
  type Health,
  type LifecycleStatus,
} from '@salkku/shared';
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

/** A CTE `sp` of the projects in scope and filters (id, code, name, lifecycle_status, priority_area_id). */
function scopedProjects(params: Sql, actor: Actor, filters: DashboardFilters): string {
  return `sp AS (
      SELECT p.id, p.code, p.name, p.lifecycle_status, p.priority_area_id
      FROM projects p
      JOIN priority_areas spa ON spa.id = p.priority_area_id
      JOIN agreements sa ON sa.id = spa.agreement_id
      WHERE ${areaWhere(params, actor, filters, 'spa', 'sa')}
    )`;
}

/** The project's latest status report (same tie-break as the project list). */
const LATEST_REPORT = `LEFT JOIN LATERAL (
      SELECT sr.reporting_date, sr.health
      FROM status_reports sr
      WHERE sr.project_id = sp.id
      ORDER BY sr.reporting_date DESC, sr.created_at DESC, sr.id DESC
      LIMIT 1
    ) ls ON true`;

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
  key: K;
  count: number;
}

/** Project counts by lifecycle status (statuses with projects only). */
export function lifecycleCountsSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  return {
    sql: `
      WITH ${scopedProjects(params, actor, filters)}
      SELECT sp.lifecycle_status::text AS key, count(*)::int AS count
      FROM sp GROUP BY sp.lifecycle_status`,
    params: params.parameters,
  };
}

/** Project counts by the health of their latest report ("none" without reports). */
export function healthCountsSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  return {
    sql: `
      WITH ${scopedProjects(params, actor, filters)}
      SELECT COALESCE(ls.health::text, 'none') AS key, count(*)::int AS count
      FROM sp ${LATEST_REPORT}
      GROUP BY 1`,
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
  id: string;
  name: string;
}

/** Sums over the payable decisions `d` (amount_granted, paid) of a group. */
const FUNDING_SUMS = `
  COALESCE(SUM(d.amount_granted), 0)::numeric(17,2)::text AS granted,
  COALESCE(SUM(d.paid), 0)::numeric(17,2)::text AS paid,
  (COALESCE(SUM(d.amount_granted), 0) - COALESCE(SUM(d.paid), 0))::numeric(17,2)::text AS remaining,
  count(d.id) FILTER (WHERE d.amount_granted IS NULL)::int AS unknown_amounts`;

/** A payable decision's paid sum, for a decision aliased `fd`. */
const DECISION_PAID = `(SELECT SUM(pay.amount) FROM payments pay WHERE pay.funding_decision_id = fd.id)`;

/**
 * Funding of the projects of each priority area in scope (areas without decisions included,
 * with zeros), by the area's Finnish name.
 */
export function fundingByAreaSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  const where = areaWhere(params, actor, filters, 'pa', 'a');
  const payable = params.value(PAYABLE_DECISION_STATUSES);
  return {
    sql: `
      SELECT pa.id, pa.name_fi, pa.name_sv, pa.name_en, ${FUNDING_SUMS}
      FROM priority_areas pa
      JOIN agreements a ON a.id = pa.agreement_id
      LEFT JOIN LATERAL (
        SELECT fd.id, fd.amount_granted, ${DECISION_PAID} AS paid
        FROM funding_decisions fd
        JOIN projects p ON p.id = fd.project_id
        WHERE p.priority_area_id = pa.id AND fd.status::text = ANY(${payable}::text[])
      ) d ON true
      WHERE ${where}
      GROUP BY pa.id
      ORDER BY pa.name_fi, pa.id`,
    params: params.parameters,
  };
}

/**
 * Funding by funder: every payable decision of the agreements in scope (agreement-level ones
 * too); with a priority area chosen, only the decisions on its projects. Funders with no
 * payable decision are not listed.
 */
export function fundingByFunderSql(actor: Actor, filters: DashboardFilters): Statement {
  const params = Sql.params();
  const where = [params.scope(actor, 'a.city_id')];
  if (filters.agreementId) where.push(`fd.agreement_id = ${params.value(filters.agreementId)}`);
  if (filters.priorityAreaId) {
    where.push(
      `EXISTS (SELECT 1 FROM projects fp WHERE fp.id = fd.project_id AND fp.priority_area_id = ${params.value(filters.priorityAreaId)})`,
    );
  }
  where.push(`fd.status::text = ANY(${params.value(PAYABLE_DECISION_STATUSES)}::text[])`);
  return {
    sql: `
      SELECT o.id, o.name, ${FUNDING_SUMS}
      FROM (
        SELECT fd.id, fd.funder_id, fd.amount_granted, ${DECISION_PAID} AS paid
        FROM funding_decisions fd
        JOIN agreements a ON a.id = fd.agreement_id
        WHERE ${where.join(' AND ')}
      ) d
      JOIN organisations o ON o.id = d.funder_id
      GROUP BY o.id
      ORDER BY o.name, o.id`,
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
}

export const DASHBOARD_LIST_LIMIT = 50;

/** Open milestones due within `days` from today, and overdue ones: at most 50 of each, by due date. */
export function milestonesSql(actor: Actor, filters: DashboardFilters, today: string, days: number): Statement {
  const params = Sql.params();
  const sp = scopedProjects(params, actor, filters);
  const closed = params.value(CLOSED_MILESTONE_STATUSES);
  const todayParam = params.value(today);
  const daysParam = params.value(days);
  const limit = params.value(DASHBOARD_LIST_LIMIT);
  const select = (kind: string, condition: string) => `(
      SELECT '${kind}'::text AS kind, m.id, m.title, m.due_date, sp.id AS project_id, sp.code AS project_code, sp.name AS project_name
      FROM milestones m
      JOIN sp ON sp.id = m.project_id
      WHERE m.status::text <> ALL(${closed}::text[]) AND ${condition}
      ORDER BY m.due_date, sp.code, m.id
      LIMIT ${limit}
    )`;
  return {
    sql: `
      WITH ${sp}
      ${select('soon', `m.due_date >= ${todayParam}::date AND m.due_date <= ${todayParam}::date + ${daysParam}::int`)}
      UNION ALL
      ${select('overdue', `m.due_date < ${todayParam}::date`)}`,
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
      SELECT sp.id, sp.code, sp.name, ls.reporting_date AS latest_reporting_date
      FROM sp ${LATEST_REPORT}
      WHERE sp.lifecycle_status::text = ANY(${running}::text[])
        AND (ls.reporting_date IS NULL OR ls.reporting_date < ${todayParam}::date - ${stale}::int)
      ORDER BY ls.reporting_date ASC NULLS FIRST, sp.code, sp.id
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
  const sp = scopedProjects(params, actor, filters);
  const limit = params.value(LATEST_REPORTS_LIMIT);
  return {
    sql: `
      WITH ${sp}
      SELECT sr.id, sr.reporting_date, sr.health, sr.summary,
             sp.id AS project_id, sp.code AS project_code, sp.name AS project_name
      FROM status_reports sr
      JOIN sp ON sp.id = sr.project_id
      ORDER BY sr.reporting_date DESC, sr.created_at DESC, sr.id DESC
      LIMIT ${limit}`,
    params: params.parameters,
  };
}
