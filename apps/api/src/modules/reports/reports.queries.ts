import {
  CLOSED_MILESTONE_STATUSES,
  type FundingInstrument,
  type Health,
  type LifecycleStatus,
  type MilestoneStatus,
  type ProjectKind,
} from '@salkku/shared';
import type { Actor } from '../../common/actor';
import { Sql, type Statement } from '../../persistence/sql';
import { REPORTING_LIFECYCLE_STATUSES } from '../dashboard/dashboard.queries';

/**
 * The SQL behind the reports. Every figure is computed by PostgreSQL (GROUP BY, FILTER, GROUPING
 * SETS, window aggregates), one statement per section, so a report costs the same number of
 * statements whatever the size of the portfolio. User input reaches SQL only as parameters ($n).
 *
 * The definitions (kept in step with docs/API.md and the response DTOs' descriptions):
 * - a period is [from, to], both days included; `asOf` = min(to, today);
 * - a project's latest report "as of to": its status report with the latest reporting date ≤ to,
 *   ties broken like the project list (latest created, then id);
 * - granted: SUM(amount_granted) of the decisions in PAYABLE_DECISION_STATUSES whose decision date
 *   is ≤ to or unknown (decisions with an unknown amount are counted in unknown_amounts instead);
 *   paid: payments on those decisions dated ≤ to; paid_in_period: those dated within the period;
 *   remaining: granted − paid. Money is summed as numeric and returned as text.
 * - a milestone is overdue as of a day D when it is due before D, is not cancelled, and was not
 *   completed by D (completed_on is empty or after D); for D = today this is `isOverdue`.
 */

export interface ReportPeriod {
  from: string;
  to: string;
  /** min(to, today): the day "overdue" and "not completed" are judged on. */
  asOf: string;
  today: string;
}

/** Money sum as exact text with two decimals (numeric(17,2) holds any sum of numeric(15,2) we store). */
const money = (expression: string): string => `COALESCE(${expression}, 0)::numeric(17,2)::text`;

/**
 * A project's latest status report with a reporting date ≤ `toParam` (same order as the project
 * list's latest report, so the two agree whenever `to` is today or later). Read through the
 * project's facts `factsAlias` (its latest report of all) when that one is dated by `to`, as it is
 * for any current period; looked up otherwise (a past period), so a past report stays exact.
 */
function latestReportUpTo(
  projectAlias: string,
  factsAlias: string,
  alias: string,
  columns: string,
  toParam: string,
): string {
  return `LEFT JOIN LATERAL (
      SELECT ${columns} FROM status_reports sr
      WHERE sr.id = ${factsAlias}.latest_report_id AND ${factsAlias}.latest_reporting_date <= ${toParam}::date
      UNION ALL
      (SELECT ${columns}
        FROM status_reports sr
        WHERE ${factsAlias}.latest_reporting_date > ${toParam}::date
          AND sr.project_id = ${projectAlias}.id AND sr.reporting_date <= ${toParam}::date
        ORDER BY sr.reporting_date DESC, sr.created_at DESC, sr.id DESC
        LIMIT 1)
    ) ${alias} ON true`;
}

/**
 * The health of a project's latest report with a reporting date ≤ `toParam` (null without one),
 * from its facts `factsAlias` when its latest report of all is dated by then (any current period),
 * looked up otherwise.
 */
function healthUpTo(factsAlias: string, toParam: string): string {
  return `CASE WHEN ${factsAlias}.latest_reporting_date IS NULL THEN NULL
      WHEN ${factsAlias}.latest_reporting_date <= ${toParam}::date THEN ${factsAlias}.latest_health
      ELSE (SELECT sr.health FROM status_reports sr
            WHERE sr.project_id = ${factsAlias}.project_id AND sr.reporting_date <= ${toParam}::date
            ORDER BY sr.reporting_date DESC, sr.created_at DESC, sr.id DESC
            LIMIT 1) END`;
}

/**
 * The payable decisions counted up to `to` (alias `ff`, their funding_decision_facts rows), each
 * with its payments summed up to `to` (paid) and within the period (paid_in_period). The facts'
 * sum serves whenever every payment of the decision is on one side of the day that matters (the
 * first and last payment dates tell); only a decision with payments on both sides has them summed
 * again, so a past period stays exact. A decision's amount is never multiplied by its payments.
 */
function payableDecisionsFrom(params: Sql, fromParam: string, toParam: string): { from: string; where: string } {
  const sum = (condition: string) =>
    `(SELECT SUM(pay.amount) FROM payments pay WHERE pay.funding_decision_id = ff.funding_decision_id AND ${condition})`;
  return {
    from: `funding_decision_facts ff
      CROSS JOIN LATERAL (
        SELECT CASE WHEN ff.last_paid_on IS NULL OR ff.last_paid_on <= ${toParam}::date THEN ff.paid
                    WHEN ff.first_paid_on > ${toParam}::date THEN 0
                    ELSE ${sum(`pay.paid_on <= ${toParam}::date`)} END AS paid,
               CASE WHEN ff.first_paid_on IS NULL OR ff.last_paid_on < ${fromParam}::date
                         OR ff.first_paid_on > ${toParam}::date THEN 0
                    WHEN ff.first_paid_on >= ${fromParam}::date AND ff.last_paid_on <= ${toParam}::date THEN ff.paid
                    ELSE ${sum(`pay.paid_on >= ${fromParam}::date AND pay.paid_on <= ${toParam}::date`)} END AS paid_in_period
      ) fp`,
    where: `ff.payable AND (ff.decision_date IS NULL OR ff.decision_date <= ${toParam}::date)`,
  };
}

/**
 * Condition: milestone `m` was overdue as of the day `asOfParam` (see the header). Not
 * CLOSED_MILESTONE_STATUSES: "done" is judged by its completion date, so that a milestone
 * completed after asOf still counts as open on asOf; a cancellation has no date.
 */
function overdueAsOf(asOfParam: string): string {
  return `m.due_date < ${asOfParam}::date AND m.status <> 'cancelled'
      AND (m.completed_on IS NULL OR m.completed_on > ${asOfParam}::date)`;
}

// ---------------------------------------------------------------------------------------------
// The portfolio report of one agreement
// ---------------------------------------------------------------------------------------------

export interface AgreementHeaderRow {
  id: string;
  title: string;
  valid_from: string | null;
  valid_to: string | null;
  city_id: string;
  city_name: string;
}

/** The agreement with its city, if it is in the actor's scope (no row otherwise). */
export function agreementHeaderSql(actor: Actor, agreementId: string): Statement {
  const params = Sql.params();
  const id = params.value(agreementId);
  const scope = params.scope(actor, 'a.city_id');
  return {
    sql: `
      SELECT a.id, a.title, a.valid_from, a.valid_to, c.id AS city_id, c.name AS city_name
      FROM agreements a
      JOIN organisations c ON c.id = a.city_id
      WHERE a.id = ${id} AND ${scope}`,
    params: params.parameters,
  };
}

export interface AreaProjectRow {
  area_id: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  /** Counts over the area's projects by the health of their latest report as of `to`. */
  area_projects: number;
  area_on_track: number;
  area_at_risk: number;
  area_off_track: number;
  area_none: number;
  /** Null on the one row of an area without projects. */
  project_id: string | null;
  code: string | null;
  name: string | null;
  kind: ProjectKind | null;
  lifecycle_status: LifecycleStatus | null;
  report_id: string | null;
  reporting_date: string | null;
  health: Health | null;
  summary: string | null;
  risks: string | null;
}

/**
 * A project's lifecycle stage as it was at the end of the period (alias `st`, column `stage`):
 * the newest fact dated up to then — its latest status report by then (`reportAlias`, which
 * records the stage as at its reporting date) or the last audit event by then that set the stage —
 * else the stage before the first change made after the period, else (never changed since) the
 * stage it has now.
 */
function stageAtEndOf(projectAlias: string, reportAlias: string, toParam: string, timeZoneParam: string): string {
  const periodEnd = `((${toParam}::date + 1)::timestamp AT TIME ZONE ${timeZoneParam})`;
  const stageChanges = `FROM audit_events e
          WHERE e.project_id = ${projectAlias}.id AND e.entity_type = 'project' AND e.entity_id = ${projectAlias}.id
            AND e.changes ? 'lifecycleStatus'`;
  return `LEFT JOIN LATERAL (
      SELECT COALESCE(
        (SELECT fact.stage FROM (
            SELECT ${reportAlias}.lifecycle_status::text AS stage,
                   (${reportAlias}.reporting_date::timestamp AT TIME ZONE ${timeZoneParam}) AS at
            WHERE ${reportAlias}.id IS NOT NULL
            UNION ALL
            (SELECT e.changes -> 'lifecycleStatus' ->> 'new', e.occurred_at
              ${stageChanges} AND e.changes -> 'lifecycleStatus' ->> 'new' IS NOT NULL AND e.occurred_at < ${periodEnd}
              ORDER BY e.occurred_at DESC
              LIMIT 1)
          ) fact
          ORDER BY fact.at DESC
          LIMIT 1),
        (SELECT e.changes -> 'lifecycleStatus' ->> 'old'
          ${stageChanges} AND e.action = 'update' AND e.occurred_at >= ${periodEnd}
          ORDER BY e.occurred_at, e.id
          LIMIT 1),
        ${projectAlias}.lifecycle_status::text
      ) AS stage
    ) st ON ${projectAlias}.id IS NOT NULL`;
}

/**
 * Every priority area of the agreement (by Finnish name) with its projects (by code), each with
 * its stage at the end of the period and its latest report as of `to`; the area's health mix
 * comes from window aggregates over the same rows. An area without projects is one row with
 * null project columns.
 */
export function areaProjectsSql(
  agreementId: string,
  period: ReportPeriod,
  /** The time zone whose midnight ends the period's last day (audit times are instants). */
  timeZone: string,
): Statement {
  const params = Sql.params();
  const id = params.value(agreementId);
  const to = params.value(period.to);
  const zone = params.value(timeZone);
  const mix = (condition: string) => `count(p.id) FILTER (WHERE ${condition}) OVER (PARTITION BY pa.id)::int`;
  return {
    sql: `
      SELECT pa.id AS area_id, pa.name_fi, pa.name_sv, pa.name_en,
             count(p.id) OVER (PARTITION BY pa.id)::int AS area_projects,
             ${mix(`ls.health = 'on_track'`)} AS area_on_track,
             ${mix(`ls.health = 'at_risk'`)} AS area_at_risk,
             ${mix(`ls.health = 'off_track'`)} AS area_off_track,
             ${mix('ls.health IS NULL')} AS area_none,
             p.id AS project_id, p.code, p.name, p.kind, st.stage AS lifecycle_status,
             ls.id AS report_id, ls.reporting_date, ls.health, ls.summary, ls.risks
      FROM priority_areas pa
      LEFT JOIN projects p ON p.priority_area_id = pa.id
      LEFT JOIN project_facts pf ON pf.project_id = p.id
      ${latestReportUpTo('p', 'pf', 'ls', 'sr.id, sr.reporting_date, sr.health, sr.summary, sr.risks, sr.lifecycle_status', to)}
      ${stageAtEndOf('p', 'ls', to, zone)}
      WHERE pa.agreement_id = ${id}
      ORDER BY pa.name_fi, pa.id, p.code, p.id`,
    params: params.parameters,
  };
}

export interface FundingFiguresRow {
  granted: string;
  paid: string;
  paid_in_period: string;
  remaining: string;
  unknown_amounts: number;
}

export interface FundingGroupRow extends FundingFiguresRow {
  /** 1 when the row sums over every priority area (and the agreement-wide decisions). */
  all_areas: number;
  /** 1 when the row sums over every funder and instrument. */
  all_funders: number;
  /** The projects' priority area; null for the agreement-wide decisions (or all areas). */
  area_id: string | null;
  funder_id: string | null;
  funder_name: string | null;
  instrument: FundingInstrument | null;
}

/**
 * Funding of the agreement in one GROUPING SETS statement: rows by (priority area, funder,
 * instrument), each area's total, rows by (funder, instrument) over the whole agreement, and the
 * agreement's total. Decisions without a project form their own group (area_id null with
 * all_areas 0). Because every level is summed by the database from the same decision rows,
 * the totals are exactly the sums of their rows.
 */
export function fundingSql(agreementId: string, period: ReportPeriod): Statement {
  const params = Sql.params();
  const id = params.value(agreementId);
  const from = params.value(period.from);
  const to = params.value(period.to);
  const decisions = payableDecisionsFrom(params, from, to);
  return {
    sql: `
      WITH d AS (
        SELECT ff.funding_decision_id AS id, ff.funder_id, fd.instrument, ff.amount_granted,
               pf.priority_area_id AS area_id, fp.paid, fp.paid_in_period
        FROM ${decisions.from}
        JOIN funding_decisions fd ON fd.id = ff.funding_decision_id
        LEFT JOIN project_facts pf ON pf.project_id = ff.project_id
        WHERE ff.agreement_id = ${id} AND ${decisions.where}
      )
      SELECT GROUPING(d.area_id)::int AS all_areas,
             GROUPING(d.instrument)::int AS all_funders,
             d.area_id, d.funder_id, o.name AS funder_name, d.instrument,
             ${money('SUM(d.amount_granted)')} AS granted,
             ${money('SUM(d.paid)')} AS paid,
             ${money('SUM(d.paid_in_period)')} AS paid_in_period,
             (COALESCE(SUM(d.amount_granted), 0) - COALESCE(SUM(d.paid), 0))::numeric(17,2)::text AS remaining,
             count(*) FILTER (WHERE d.amount_granted IS NULL)::int AS unknown_amounts
      FROM d
      JOIN organisations o ON o.id = d.funder_id
      GROUP BY GROUPING SETS ((d.area_id, d.funder_id, o.name, d.instrument), (d.area_id), (d.funder_id, o.name, d.instrument), ())
      ORDER BY all_areas, d.area_id NULLS LAST, all_funders, o.name, d.funder_id, d.instrument`,
    params: params.parameters,
  };
}

export type MilestoneListKind = 'completed' | 'due' | 'overdue';

export interface ReportMilestoneRow {
  list: MilestoneListKind;
  id: string;
  title: string;
  due_date: string;
  status: MilestoneStatus;
  completed_on: string | null;
  overdue: boolean;
  project_id: string;
  project_code: string;
  project_name: string;
  area_id: string;
  /** How many milestones the list has in all (it holds at most REPORT_LIST_LIMIT). */
  list_total: number;
}

/** The most items a list of the agreement report holds; the totals say how many there are in all. */
export const REPORT_LIST_LIMIT = 200;

/**
 * The agreement's milestones in three lists (one statement, UNION ALL), each at most
 * REPORT_LIST_LIMIT long with its full count:
 * completed: done, with the completion date within the period (by completion date);
 * due: due within the period, not cancelled and not completed by asOf (by due date);
 * overdue: overdue as of asOf, whenever due (by due date).
 * A milestone due in the period and overdue is in both of the last two (flag `overdue`).
 */
export function milestonesSql(agreementId: string, period: ReportPeriod): Statement {
  const params = Sql.params();
  const id = params.value(agreementId);
  const from = params.value(period.from);
  const to = params.value(period.to);
  const asOf = params.value(period.asOf);
  const limit = params.value(REPORT_LIST_LIMIT);
  const lists: Record<MilestoneListKind, { condition: string; orderBy: string }> = {
    completed: {
      condition: `m.status = 'done' AND m.completed_on >= ${from}::date AND m.completed_on <= ${to}::date`,
      orderBy: 'm.completed_on',
    },
    due: {
      condition: `m.due_date >= ${from}::date AND m.due_date <= ${to}::date AND m.status <> 'cancelled'
         AND (m.completed_on IS NULL OR m.completed_on > ${asOf}::date)`,
      orderBy: 'm.due_date',
    },
    overdue: { condition: overdueAsOf(asOf), orderBy: 'm.due_date' },
  };
  // Each list is read in its order (due-date and completion-date indexes) and stops at the
  // limit; the totals count the agreement's milestones in one pass.
  const select = (list: MilestoneListKind) => `(
      SELECT '${list}'::text AS list, m.id, m.title, m.due_date, m.status, m.completed_on,
             (${overdueAsOf(asOf)}) AS overdue,
             p.id AS project_id, p.code AS project_code, p.name AS project_name, p.priority_area_id AS area_id,
             totals.${list} AS list_total
      FROM milestones m
      JOIN projects p ON p.id = m.project_id
      CROSS JOIN totals
      WHERE p.agreement_id = ${id} AND ${lists[list].condition}
      ORDER BY ${lists[list].orderBy}, p.code, m.id
      LIMIT ${limit}
    )`;
  const count = (list: MilestoneListKind) => `count(*) FILTER (WHERE ${lists[list].condition})::int AS ${list}`;
  return {
    sql: `
      WITH totals AS MATERIALIZED (
        SELECT ${count('completed')}, ${count('due')}, ${count('overdue')}
        FROM projects p
        JOIN milestones m ON m.project_id = p.id
        WHERE p.agreement_id = ${id}
      )
      ${select('completed')}
      UNION ALL
      ${select('due')}
      UNION ALL
      ${select('overdue')}`,
    params: params.parameters,
  };
}

export interface NarrativeRow {
  id: string;
  reporting_date: string;
  health: Health;
  lifecycle_status: LifecycleStatus;
  summary: string;
  risks: string | null;
  next_steps: string | null;
  author: string;
  project_id: string;
  project_code: string;
  project_name: string;
  area_id: string;
  list_total: number;
}

/** The agreement's status reports dated within the period, newest first: at most REPORT_LIST_LIMIT, with their count. */
export function narrativesSql(agreementId: string, period: ReportPeriod): Statement {
  const params = Sql.params();
  const id = params.value(agreementId);
  const from = params.value(period.from);
  const to = params.value(period.to);
  return {
    sql: `
      SELECT sr.id, sr.reporting_date, sr.health, sr.lifecycle_status, sr.summary, sr.risks, sr.next_steps, sr.author,
             p.id AS project_id, p.code AS project_code, p.name AS project_name, p.priority_area_id AS area_id,
             (SELECT SUM(n.count)::int FROM projects tp
               CROSS JOIN LATERAL (
                 SELECT count(*) FROM status_reports tsr
                 WHERE tsr.project_id = tp.id AND tsr.reporting_date >= ${from}::date AND tsr.reporting_date <= ${to}::date
               ) n
               WHERE tp.agreement_id = ${id}) AS list_total
      FROM status_reports sr
      JOIN projects p ON p.id = sr.project_id
      WHERE p.agreement_id = ${id} AND sr.reporting_date >= ${from}::date AND sr.reporting_date <= ${to}::date
      ORDER BY sr.reporting_date DESC, sr.created_at DESC, sr.id DESC
      LIMIT ${params.value(REPORT_LIST_LIMIT)}`,
    params: params.parameters,
  };
}

// ---------------------------------------------------------------------------------------------
// The national view
// ---------------------------------------------------------------------------------------------

/** Overdue milestones as of `asOfParam` per agreement in `ag`, counted from the milestones (exact for any day). */
function overdueByAgreement(asOfParam: string): string {
  return `
        SELECT p.agreement_id, count(*)::int AS overdue_milestones
        FROM milestones m
        JOIN projects p ON p.id = m.project_id
        JOIN ag ON ag.id = p.agreement_id
        WHERE ${overdueAsOf(asOfParam)}
        GROUP BY p.agreement_id`;
}

/**
 * Overdue milestones as of today per agreement in `ag`, the same figure as overdueByAgreement
 * gives for today, without visiting every milestone: the open ones (neither done nor cancelled:
 * done means completed_on is set) due in months before this one from milestone_month_facts, those
 * due this month before today from the milestones, and any done milestone whose completion date is
 * still ahead (none when written through Salkku, which refuses a future completion date).
 */
function overdueTodayByAgreement(todayParam: string, closedParam: string): string {
  const month = `date_trunc('month', ${todayParam}::date)::date`;
  return `
        SELECT x.agreement_id, SUM(x.n)::int AS overdue_milestones
        FROM (
          SELECT f.agreement_id, f.open_count AS n
          FROM milestone_month_facts f
          WHERE f.due_month < ${month}
          UNION ALL
          SELECT p.agreement_id, 1
          FROM milestones m JOIN projects p ON p.id = m.project_id
          WHERE m.due_date >= ${month} AND m.due_date < ${todayParam}::date
            AND m.status <> ALL(${closedParam}::milestone_status[])
          UNION ALL
          SELECT p.agreement_id, 1
          FROM milestones m JOIN projects p ON p.id = m.project_id
          WHERE m.completed_on > ${todayParam}::date AND m.due_date < ${todayParam}::date AND m.status = 'done'
        ) x
        JOIN ag ON ag.id = x.agreement_id
        GROUP BY x.agreement_id`;
}

// ---------------------------------------------------------------------------------------------

export interface NationalRow extends FundingFiguresRow {
  /** 1 on the totals row (over every agreement listed). */
  is_total: number;
  agreement_id: string | null;
  title: string | null;
  city_id: string | null;
  city_name: string | null;
  projects: number;
  on_track: number;
  at_risk: number;
  off_track: number;
  no_report: number;
  overdue_milestones: number;
  needing_update: number;
}

/**
 * Every agreement in the actor's scope side by side, and their totals (GROUPING SETS), in one
 * statement. Health mix: latest report as of `to`. Needing an update: the dashboard's rule
 * (a planned, active or on-hold project whose latest report of all is older than
 * `staleAfterDays` days before today, or that has none).
 */
export function nationalSql(actor: Actor, period: ReportPeriod, staleAfterDays: number): Statement {
  const params = Sql.params();
  const scope = params.scope(actor, 'a.city_id');
  const from = params.value(period.from);
  const to = params.value(period.to);
  const today = params.value(period.today);
  const stale = params.value(staleAfterDays);
  const running = params.value(REPORTING_LIFECYCLE_STATUSES);
  const decisions = payableDecisionsFrom(params, from, to);
  return {
    sql: `
      WITH ag AS (
        SELECT a.id, a.title, c.id AS city_id, c.name AS city_name
        FROM agreements a
        JOIN organisations c ON c.id = a.city_id
        WHERE ${scope}
      ),
      -- Per-row values first, each computed once and materialised (a CASE with fallback lookups,
      -- inlined into every aggregate, made the planner cost the lookups as always run and sort
      -- the rows to disk); then a hash aggregate per agreement.
      project_rows AS MATERIALIZED (
        SELECT pf.agreement_id, pf.lifecycle_status, pf.latest_reporting_date, ${healthUpTo('pf', to)} AS health
        FROM project_facts pf
        WHERE pf.agreement_id IN (SELECT ag.id FROM ag)
      ),
      proj AS (
        SELECT r.agreement_id,
               count(*)::int AS projects,
               count(*) FILTER (WHERE r.health = 'on_track')::int AS on_track,
               count(*) FILTER (WHERE r.health = 'at_risk')::int AS at_risk,
               count(*) FILTER (WHERE r.health = 'off_track')::int AS off_track,
               count(*) FILTER (WHERE r.health IS NULL)::int AS no_report,
               count(*) FILTER (
                 WHERE r.lifecycle_status = ANY(${running}::lifecycle_status[])
                   AND (r.latest_reporting_date IS NULL OR r.latest_reporting_date < ${today}::date - ${stale}::int)
               )::int AS needing_update
        FROM project_rows r
        GROUP BY r.agreement_id
      ),
      decision_rows AS MATERIALIZED (
        SELECT ff.agreement_id, ff.amount_granted, fp.paid, fp.paid_in_period
        FROM ${decisions.from}
        WHERE ${decisions.where} AND ff.agreement_id IN (SELECT ag.id FROM ag)
      ),
      fund AS (
        SELECT r.agreement_id,
               SUM(r.amount_granted) AS granted, SUM(r.paid) AS paid, SUM(r.paid_in_period) AS paid_in_period,
               count(*) FILTER (WHERE r.amount_granted IS NULL)::int AS unknown_amounts
        FROM decision_rows r
        GROUP BY r.agreement_id
      ),
      ms AS (${period.asOf === period.today ? overdueTodayByAgreement(today, params.value(CLOSED_MILESTONE_STATUSES)) : overdueByAgreement(params.value(period.asOf))})
      SELECT GROUPING(ag.id)::int AS is_total,
             ag.id AS agreement_id, ag.title, ag.city_id, ag.city_name,
             COALESCE(SUM(proj.projects), 0)::int AS projects,
             COALESCE(SUM(proj.on_track), 0)::int AS on_track,
             COALESCE(SUM(proj.at_risk), 0)::int AS at_risk,
             COALESCE(SUM(proj.off_track), 0)::int AS off_track,
             COALESCE(SUM(proj.no_report), 0)::int AS no_report,
             COALESCE(SUM(proj.needing_update), 0)::int AS needing_update,
             COALESCE(SUM(ms.overdue_milestones), 0)::int AS overdue_milestones,
             ${money('SUM(fund.granted)')} AS granted,
             ${money('SUM(fund.paid)')} AS paid,
             ${money('SUM(fund.paid_in_period)')} AS paid_in_period,
             (COALESCE(SUM(fund.granted), 0) - COALESCE(SUM(fund.paid), 0))::numeric(17,2)::text AS remaining,
             COALESCE(SUM(fund.unknown_amounts), 0)::int AS unknown_amounts
      FROM ag
      LEFT JOIN proj ON proj.agreement_id = ag.id
      LEFT JOIN fund ON fund.agreement_id = ag.id
      LEFT JOIN ms ON ms.agreement_id = ag.id
      GROUP BY GROUPING SETS ((ag.id, ag.title, ag.city_id, ag.city_name), ())
      ORDER BY is_total, ag.city_name, ag.title, ag.id`,
    params: params.parameters,
  };
}
