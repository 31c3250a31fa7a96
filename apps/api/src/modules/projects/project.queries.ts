import {
  CLOSED_MILESTONE_STATUSES,
  type Health,
  type LifecycleStatus,
  type OrganisationKind,
  type ProjectKind,
} from '@salkku/shared';
import type { Actor } from '../../common/actor';
import { Sql, SortColumns, where, type PageStatements, type Paging, type Statement } from '../../persistence/sql';
import type { AuditAction, AuditChanges } from '../audit/audit-event.entity';
import { overdueReportSql } from '../reporting-rounds/reporting-rounds.queries';

/**
 * The SQL behind the project list and detail. Each is one statement with explicit columns:
 * the aggregates (funding, latest report, milestones) come from LATERAL subqueries on the
 * project, never from loading child rows. User input only ever reaches SQL as parameters ($n);
 * the only text spliced in is a whitelisted ORDER BY built by common/pagination.ts.
 *
 * Every query applies the actor's city scope itself (the agreement's city_id, through the
 * project's priority area), so another city's project is neither listed, counted nor found.
 */

export interface ProjectSummaryRow {
  id: string;
  code: string;
  name: string;
  kind: ProjectKind;
  lifecycle_status: LifecycleStatus;
  priority_area_id: string;
  agreement_id: string;
  priority_area_name_fi: string;
  priority_area_name_sv: string | null;
  priority_area_name_en: string | null;
  lead_organisation_id: string;
  lead_organisation_name: string;
  planned_start: string | null;
  planned_end: string | null;
  total_budget: string | null;
  eura_code: string | null;
  funding_granted: string;
  funding_paid: string;
  funding_remaining: string;
  funding_unknown_amounts: number;
  latest_reporting_date: string | null;
  latest_health: Health | null;
  next_milestone_id: string | null;
  next_milestone_title: string | null;
  next_milestone_due_date: string | null;
  overdue_milestones: number;
  /** A period report of the project is overdue (outstanding in an open round past its due date). */
  overdue_report: boolean;
  version: number;
  updated_at: Date;
}

export interface ProjectDetailRow extends ProjectSummaryRow {
  summary: string | null;
  created_at: Date;
  latest_report_id: string | null;
  latest_report_lifecycle_status: LifecycleStatus | null;
  latest_report_summary: string | null;
  latest_report_risks: string | null;
  latest_report_next_steps: string | null;
  latest_report_author: string | null;
}

export interface PartnerRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  role: string | null;
  budget_share: string | null;
  version: number;
}

/**
 * Select list and joins of a project summary, given the alias of a `projects` row `p` and of its
 * facts `pf` (latest report, funding sums, next milestone: see ProjectFacts). `today` decides
 * which milestones are overdue: counted for the rows selected only (IDX_milestones_project_due),
 * and whether a period report is overdue (IDX_period_reports_outstanding, also per row selected).
 */
function summarySelect(
  params: Sql,
  today: string,
  /** The overdue-report flag (the list and the detail; the CSV export has no column for it). */
  overdueReport = true,
): { columns: string; joins: string } {
  const closed = params.value(CLOSED_MILESTONE_STATUSES);
  const todayParam = params.value(today);
  const columns = `
    p.id, p.code, p.name, p.kind, p.lifecycle_status,
    p.priority_area_id, p.agreement_id,
    pa.name_fi AS priority_area_name_fi, pa.name_sv AS priority_area_name_sv, pa.name_en AS priority_area_name_en,
    p.lead_organisation_id, lo.name AS lead_organisation_name,
    p.planned_start, p.planned_end, p.total_budget, p.eura_code,
    pf.funding_granted, pf.funding_paid,
    (pf.funding_granted - pf.funding_paid)::numeric(17,2) AS funding_remaining,
    pf.funding_unknown_amounts,
    pf.latest_reporting_date, pf.latest_health,
    nm.id AS next_milestone_id, nm.title AS next_milestone_title, nm.due_date AS next_milestone_due_date,
    (SELECT count(*)::int FROM milestones om
      WHERE om.project_id = p.id AND om.due_date < ${todayParam}::date
        AND om.status::text <> ALL(${closed}::text[])) AS overdue_milestones,
    ${overdueReport ? overdueReportSql('p', todayParam) : 'FALSE'} AS overdue_report,
    p.version, p.updated_at`;
  const joins = `
    JOIN priority_areas pa ON pa.id = p.priority_area_id
    JOIN organisations lo ON lo.id = p.lead_organisation_id
    LEFT JOIN milestones nm ON nm.id = pf.next_milestone_id`;
  return { columns, joins };
}

export interface ProjectListFilters {
  q?: string;
  agreementId?: string;
  priorityAreaId?: string;
  lifecycleStatus?: LifecycleStatus;
  health?: Health | 'none';
  leadOrganisationId?: string;
  kind?: ProjectKind;
}

/**
 * The join and condition that keep a query to the actor's city, given the alias of a `projects`
 * row already in the query (nothing at all for an actor who sees every city).
 */
function scopeJoin(
  params: Sql,
  actor: Actor,
  projectAlias: string,
  agreementAlias: string,
): { join: string; where: string } {
  if (actor.cityId === null) return { join: '', where: 'TRUE' };
  return {
    join: `JOIN agreements ${agreementAlias} ON ${agreementAlias}.id = ${projectAlias}.agreement_id`,
    where: params.scope(actor, `${agreementAlias}.city_id`),
  };
}

/**
 * FROM and WHERE of the filtered project set: `p`, with its facts `pf` when `facts` (to sort on
 * them) or when filtering on health; otherwise the page's ids come from the sort key's index
 * alone (a page deep in the list reads index entries, not rows). Enum columns are compared
 * without a cast (the parameter takes the column's type), so their indexes serve the filters; the
 * free text is served by the trigram indexes on code and name (pg_trgm).
 */
function filteredFrom(sql: Sql, actor: Actor, filters: ProjectListFilters, facts: boolean): string {
  const scope = scopeJoin(sql, actor, 'p', 'fa');
  const conditions = where([
    scope.where,
    sql.contains(['p.code', 'p.name'], filters.q),
    sql.equals('p.agreement_id', filters.agreementId),
    sql.equals('p.priority_area_id', filters.priorityAreaId),
    sql.equals('p.lifecycle_status', filters.lifecycleStatus),
    sql.equals('p.lead_organisation_id', filters.leadOrganisationId),
    sql.equals('p.kind', filters.kind),
    filters.health === 'none' ? 'pf.latest_health IS NULL' : sql.equals('pf.latest_health', filters.health),
  ]);
  return `
    FROM projects p
    ${facts || filters.health ? 'JOIN project_facts pf ON pf.project_id = p.id' : ''}
    ${scope.join}
    WHERE ${conditions}`;
}

/**
 * The list's sort keys over the filtered set (`p` projects, `pf` facts); the CSV export shares
 * them. Each has an index in its order (ascending, and descending for the nullable ones), so a
 * page is read from an index and cut before any per-project lookup.
 */
export const PROJECT_SORT = new SortColumns(
  {
    code: 'p.code',
    name: 'p.name',
    plannedStart: 'p.planned_start',
    plannedEnd: 'p.planned_end',
    lifecycleStatus: 'p.lifecycle_status',
    updatedAt: 'p.updated_at',
    health: 'pf.latest_health',
  },
  'code',
  'p.id',
  {},
  ['plannedStart', 'plannedEnd', 'health'],
);

/**
 * One page of project summaries and the total: the page's ids are chosen (filtered, sorted and
 * cut, from the sort key's index) first, and only those rows get their names and lookups; the
 * total is its own count (see readPage).
 */
export function projectPage(
  actor: Actor,
  filters: ProjectListFilters,
  sort: string | undefined,
  paging: Paging,
  today: string,
): PageStatements {
  const orderBy = PROJECT_SORT.orderBy(sort);
  return {
    page: (sql) => {
      const from = filteredFrom(sql, actor, filters, PROJECT_SORT.key(sort) === 'health');
      const window = sql.page(paging);
      const { columns, joins } = summarySelect(sql, today);
      return `
    WITH page AS (
      SELECT p.id
      ${from}
      ORDER BY ${orderBy}
      ${window}
    )
    SELECT ${columns}
    FROM page
    JOIN projects p ON p.id = page.id
    JOIN project_facts pf ON pf.project_id = p.id
    ${joins}
    ORDER BY ${orderBy}`;
    },
    count: (sql) => `SELECT count(*)::int AS total ${filteredFrom(sql, actor, filters, false)}`,
    countApart: true,
  };
}

/**
 * The list's sort keys over the summary rows of `projectExportRowsSql` (alias `r`): the same keys
 * (the type holds them to PROJECT_SORT's), so the CSV export sorts exactly as the list does.
 */
export const PROJECT_ROW_SORT = new SortColumns<keyof typeof PROJECT_SORT.columns>(
  {
    code: 'r.code',
    name: 'r.name',
    plannedStart: 'r.planned_start',
    plannedEnd: 'r.planned_end',
    lifecycleStatus: 'r.lifecycle_status',
    updatedAt: 'r.updated_at',
    health: 'r.latest_health',
  },
  'code',
  'r.id',
  {},
  ['plannedStart', 'plannedEnd', 'health'],
);

/**
 * Every project matching the filters with the summary columns of the list (for the CSV export),
 * unordered: order it with PROJECT_ROW_SORT over the alias `r` given to this subquery. The
 * filtered rows carry their project columns, so nothing is joined back to `projects` (a join that
 * made PostgreSQL hash the whole table for a small export).
 */
export function projectExportRowsSql(sql: Sql, actor: Actor, filters: ProjectListFilters, today: string): string {
  const from = filteredFrom(sql, actor, filters, true);
  const { columns, joins } = summarySelect(sql, today, false);
  return `
    SELECT ${columns}
    FROM (SELECT p.*, pf.funding_granted, pf.funding_paid, pf.funding_unknown_amounts, pf.latest_reporting_date,
                 pf.latest_health, pf.next_milestone_id ${from}) p
    CROSS JOIN LATERAL (SELECT p.funding_granted, p.funding_paid, p.funding_unknown_amounts, p.latest_reporting_date,
                               p.latest_health, p.next_milestone_id) pf
    ${joins}`;
}

/** The number of projects matching the filters. */
export function projectCountSql(sql: Sql, actor: Actor, filters: ProjectListFilters): string {
  return `SELECT count(*)::int AS total ${filteredFrom(sql, actor, filters, false)}`;
}

/** One project with its aggregates and its whole latest status report (none when out of scope). */
export function projectDetailSql(actor: Actor, id: string, today: string): Statement {
  const params = Sql.params();
  const idParam = params.value(id);
  const { columns, joins } = summarySelect(params, today);
  const scope = scopeJoin(params, actor, 'p', 'sa');
  const sql = `
    SELECT ${columns},
      p.summary, p.created_at,
      ls.id AS latest_report_id, ls.lifecycle_status AS latest_report_lifecycle_status,
      ls.summary AS latest_report_summary, ls.risks AS latest_report_risks,
      ls.next_steps AS latest_report_next_steps, ls.author AS latest_report_author
    FROM projects p
    JOIN project_facts pf ON pf.project_id = p.id
    LEFT JOIN status_reports ls ON ls.id = pf.latest_report_id
    ${joins}
    ${scope.join}
    WHERE p.id = ${idParam} AND ${scope.where}`;
  return { sql, params: params.parameters };
}

/** The partners of one project with their organisations, by organisation name. */
export function projectPartnersSql(projectId: string): Statement {
  return {
    sql: `
      SELECT pp.id, pp.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
             pp.role, pp.budget_share, pp.version
      FROM project_partners pp
      JOIN organisations o ON o.id = pp.organisation_id
      WHERE pp.project_id = $1
      ORDER BY o.name, pp.id`,
    params: [projectId],
  };
}

/** The project (id only) if it exists within the actor's scope: the root of the history queries. */
function scopedProject(params: Sql, actor: Actor, id: string): string {
  const idParam = params.value(id);
  const scope = scopeJoin(params, actor, 'hp', 'ha');
  return `
    SELECT hp.id
    FROM projects hp
    ${scope.join}
    WHERE hp.id = ${idParam} AND ${scope.where}`;
}

export interface HistoryRow {
  kind: 'audit' | 'status_report';
  /** The audit event's id or the status report's id. */
  id: string;
  occurred_at: Date;
  actor_name: string;
  action: AuditAction | null;
  entity_type: string | null;
  entity_id: string | null;
  changes: AuditChanges | null;
  reporting_date: string | null;
  health: Health | null;
  lifecycle_status: LifecycleStatus | null;
  summary: string | null;
  risks: string | null;
  next_steps: string | null;
  /** The records whose ids the changes hold (organisations, projects, users, …), with their names. */
  refs: Array<{ id: string; kind: HistoryReferenceKind; name: string }> | null;
  total: number;
}

export const HISTORY_REFERENCE_KINDS = [
  'organisation',
  'project',
  'priority_area',
  'agreement',
  'user',
  'funding_decision',
  'indicator',
] as const;
export type HistoryReferenceKind = (typeof HISTORY_REFERENCE_KINDS)[number];

/** Each uuid among a page row's old and new values, named from the table that holds it (none when deleted since). */
const HISTORY_REFERENCES = `LEFT JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object('id', ids.id, 'kind', named.kind, 'name', named.name) ORDER BY ids.id) AS refs
      FROM (
        SELECT DISTINCT v.value::uuid AS id
        FROM jsonb_each(page.changes) c
        CROSS JOIN LATERAL (VALUES (c.value ->> 'old'), (c.value ->> 'new')) v(value)
        WHERE v.value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      ) ids
      CROSS JOIN LATERAL (
        SELECT 'organisation' AS kind, o.name FROM organisations o WHERE o.id = ids.id
        UNION ALL SELECT 'project', p.code || ' ' || p.name FROM projects p WHERE p.id = ids.id
        UNION ALL SELECT 'priority_area', pa.name_fi FROM priority_areas pa WHERE pa.id = ids.id
        UNION ALL SELECT 'agreement', ag.title FROM agreements ag WHERE ag.id = ids.id
        UNION ALL SELECT 'user', u.display_name FROM users u WHERE u.id = ids.id
        UNION ALL SELECT 'funding_decision', concat_ws(' ', fd.decision_body, fd.record_number)
          FROM funding_decisions fd WHERE fd.id = ids.id
        UNION ALL SELECT 'indicator', i.code || ' ' || i.name_fi FROM indicators i WHERE i.id = ids.id
        LIMIT 1
      ) named
    ) named_refs ON true`;

/**
 * One page of a project's timeline, newest first, with the total in the same statement: its
 * audit events (the project's own and those of its partners, funding decisions, payments,
 * milestones, reports, indicator targets and values, which all carry the project id) and its status reports (dated by
 * when they were written). No rows when the project is out of scope, missing, or the page is
 * past the end (then `projectHistoryCountSql` tells which).
 */
export function projectHistorySql(actor: Actor, id: string, limit: number, offset: number): Statement {
  const params = Sql.params();
  const scoped = scopedProject(params, actor, id);
  const limitParam = params.value(limit);
  const offsetParam = params.value(offset);
  const sql = `
    WITH scoped AS (${scoped}),
    timeline AS (
      SELECT 'audit'::text AS kind, e.id, e.occurred_at, e.actor_name,
             e.action::text AS action, e.entity_type::text AS entity_type, e.entity_id, e.changes,
             NULL::date AS reporting_date, NULL::text AS health, NULL::text AS lifecycle_status,
             NULL::text AS summary, NULL::text AS risks, NULL::text AS next_steps
      FROM audit_events e
      JOIN scoped ON e.project_id = scoped.id
      UNION ALL
      SELECT 'status_report'::text, sr.id, sr.created_at, sr.author::text,
             NULL, NULL, NULL, NULL,
             sr.reporting_date, sr.health::text, sr.lifecycle_status::text,
             sr.summary, sr.risks, sr.next_steps
      FROM status_reports sr
      JOIN scoped ON sr.project_id = scoped.id
    ),
    page AS (
      SELECT timeline.*, count(*) OVER ()::int AS total
      FROM timeline
      ORDER BY timeline.occurred_at DESC, timeline.kind DESC, timeline.id DESC
      LIMIT ${limitParam} OFFSET ${offsetParam}
    )
    SELECT page.*, named_refs.refs
    FROM page
    ${HISTORY_REFERENCES}
    ORDER BY page.occurred_at DESC, page.kind DESC, page.id DESC`;
  return { sql, params: params.parameters };
}

/** The number of timeline items of a project in scope (no row when it is missing or out of scope). */
export function projectHistoryCountSql(actor: Actor, id: string): Statement {
  const params = Sql.params();
  const scoped = scopedProject(params, actor, id);
  const sql = `
    SELECT ((SELECT count(*) FROM audit_events e WHERE e.project_id = scoped.id)
          + (SELECT count(*) FROM status_reports sr WHERE sr.project_id = scoped.id))::int AS total
    FROM (${scoped}) scoped`;
  return { sql, params: params.parameters };
}

/** A priority area's city and agreement, when it is in the actor's scope (a project's area must be). */
export function areaInScopeSql(sql: Sql, areaId: string, actor: Actor): string {
  return `SELECT a.city_id, a.id AS agreement_id FROM priority_areas pa JOIN agreements a ON a.id = pa.agreement_id
    WHERE pa.id = ${sql.value(areaId)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The city of a project (its agreement's). */
export function projectCitySql(sql: Sql, projectId: string): string {
  return `SELECT a.city_id AS "cityId" FROM projects p JOIN priority_areas pa ON pa.id = p.priority_area_id
    JOIN agreements a ON a.id = pa.agreement_id WHERE p.id = ${sql.value(projectId)}`;
}

/** A project as a record written under it needs it (its city for the audit trail). */
export interface ProjectForChild {
  id: string;
  code: string;
  name: string;
  lifecycleStatus: LifecycleStatus;
  cityId: string;
}

/**
 * A project a record is written under (a milestone, a status report), in the actor's scope, with
 * its city, held (FOR SHARE of the project row) until the write commits: it can be neither
 * deleted nor changed meanwhile. None when missing or out of scope.
 */
export function projectForChildSql(sql: Sql, projectId: string, actor: Actor, lock = true): string {
  return `SELECT p.id, p.code, p.name, p.lifecycle_status AS "lifecycleStatus", a.city_id AS "cityId"
    FROM projects p JOIN priority_areas pa ON pa.id = p.priority_area_id JOIN agreements a ON a.id = pa.agreement_id
    WHERE p.id = ${sql.value(projectId)} AND ${sql.scope(actor, 'a.city_id')}${lock ? ' FOR SHARE OF p' : ''}`;
}
