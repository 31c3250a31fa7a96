import type { Actor } from '../../common/actor';
import { SortColumns, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListIndicatorActualsQuery } from './dto/list-indicator-actuals.query';
import type { ListIndicatorTargetsQuery } from './dto/list-indicator-targets.query';
import type { ListIndicatorsQuery } from './dto/list-indicators.query';

/**
 * The SQL of indicators: the catalogue (`i`), targets (`t`) and actuals (`v`), the holders their
 * writes name, and the rows the results are computed from. A common indicator (no agreement) is
 * everyone's; an agreement's own indicator, target or actual belongs to its agreement's city.
 */

// ---------------------------------------------------------------------------------------------
// The catalogue

export const INDICATOR_SORT = new SortColumns(
  {
    code: 'i.code',
    nameFi: 'i.name_fi',
    nameSv: 'i.name_sv',
    nameEn: 'i.name_en',
    source: 'i.source',
    kind: 'i.kind',
    createdAt: 'i.created_at',
  },
  'code',
  'i.id',
);

/** The columns of an indicator response (its agreement's title joined). */
export const INDICATOR_COLUMNS = `
  i.id, i.code, i.name_fi AS "nameFi", i.name_sv AS "nameSv", i.name_en AS "nameEn",
  i.definition_fi AS "definitionFi", i.definition_sv AS "definitionSv", i.definition_en AS "definitionEn",
  i.unit, i.unit_name AS "unitName", i.kind, i.aggregation, i.source, i.agreement_id AS "agreementId",
  ia.title AS "agreementTitle", i.derivation, i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;

const INDICATOR_FROM = 'FROM indicators i LEFT JOIN agreements ia ON ia.id = i.agreement_id';

/** A common indicator, or an agreement's own in the actor's scope. */
function indicatorScope(sql: Sql, actor: Actor): string {
  return actor.cityId === null ? 'TRUE' : `(i.agreement_id IS NULL OR ${sql.scope(actor, 'ia.city_id')})`;
}

export function indicatorsFrom(sql: Sql, filters: ListIndicatorsQuery, actor: Actor): string {
  return `${INDICATOR_FROM} WHERE ${where([
    indicatorScope(sql, actor),
    filters.agreementId !== undefined &&
      `(i.agreement_id IS NULL OR i.agreement_id = ${sql.value(filters.agreementId)})`,
    sql.equals('i.source', filters.source),
    sql.equals('i.kind', filters.kind),
    sql.contains(['i.code', 'i.name_fi', 'i.name_sv', 'i.name_en'], filters.q),
  ])}`;
}

export function indicatorSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${INDICATOR_COLUMNS} ${INDICATOR_FROM}
    WHERE i.id = ${sql.value(id)} AND ${indicatorScope(sql, actor)}`;
}

export function indicatorList(query: ListIndicatorsQuery, actor: Actor): PageStatements {
  return plainList(
    INDICATOR_COLUMNS,
    (sql) => indicatorsFrom(sql, query, actor),
    INDICATOR_SORT.orderBy(query.sort),
    query,
  );
}

/** An indicator a target or an actual names, in the actor's scope, held against change until the write commits. */
export interface IndicatorForValue {
  id: string;
  code: string;
  unit: string;
  agreementId: string | null;
  derivation: string | null;
}

export function indicatorForValueSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT i.id, i.code, i.unit, i.agreement_id AS "agreementId", i.derivation
    ${INDICATOR_FROM} WHERE i.id = ${sql.value(id)} AND ${indicatorScope(sql, actor)} FOR SHARE OF i`;
}

/** How many targets and actuals use an indicator, and of how many other agreements than `agreementId`. */
export function indicatorUseSql(sql: Sql, id: string, agreementId: string | null): string {
  const idParam = sql.value(id);
  const agreementParam = sql.value(agreementId);
  return `SELECT
      (SELECT count(*)::int FROM indicator_targets t WHERE t.indicator_id = ${idParam}) AS targets,
      (SELECT count(*)::int FROM indicator_actuals v WHERE v.indicator_id = ${idParam}) AS actuals,
      (SELECT count(DISTINCT u.agreement_id)::int FROM (
         SELECT t.agreement_id FROM indicator_targets t WHERE t.indicator_id = ${idParam}
         UNION ALL SELECT v.agreement_id FROM indicator_actuals v WHERE v.indicator_id = ${idParam}
       ) u WHERE u.agreement_id IS DISTINCT FROM ${agreementParam}::uuid) AS "otherAgreements"`;
}

/** An agreement an indicator is made the own of: its city, in the actor's scope (key-share lock). */
export function indicatorAgreementSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT a.city_id AS "cityId", a.title FROM agreements a
    WHERE a.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')} FOR KEY SHARE`;
}

// ---------------------------------------------------------------------------------------------
// Holders: the project or agreement a target or an actual belongs to

/** The holder of a target or an actual: an agreement, or a project (and its agreement). */
export interface Holder {
  agreementId: string;
  projectId: string | null;
  cityId: string;
  periodicity: 'year' | 'half_year';
}

/**
 * A project in the actor's scope, with its agreement: neither can be deleted, nor the agreement's
 * reporting periodicity changed, before the write that names them commits.
 */
export function projectHolderSql(sql: Sql, projectId: string, actor: Actor): string {
  return `SELECT a.id AS "agreementId", p.id AS "projectId", a.city_id AS "cityId", a.reporting_periodicity AS periodicity
    FROM projects p JOIN priority_areas pa ON pa.id = p.priority_area_id JOIN agreements a ON a.id = pa.agreement_id
    WHERE p.id = ${sql.value(projectId)} AND ${sql.scope(actor, 'a.city_id')} FOR SHARE OF p, a`;
}

/** An agreement in the actor's scope, held as `projectHolderSql` holds a project's. */
export function agreementHolderSql(sql: Sql, agreementId: string, actor: Actor): string {
  return `SELECT a.id AS "agreementId", NULL::uuid AS "projectId", a.city_id AS "cityId",
      a.reporting_periodicity AS periodicity
    FROM agreements a WHERE a.id = ${sql.value(agreementId)} AND ${sql.scope(actor, 'a.city_id')} FOR SHARE OF a`;
}

/** The holder of a stored target or actual (its agreement's city and periodicity), in the actor's scope. */
export function storedHolderSql(sql: Sql, agreementId: string, projectId: string | null, actor: Actor): string {
  return `SELECT a.id AS "agreementId", ${sql.value(projectId)}::uuid AS "projectId", a.city_id AS "cityId",
      a.reporting_periodicity AS periodicity
    FROM agreements a WHERE a.id = ${sql.value(agreementId)} AND ${sql.scope(actor, 'a.city_id')}`;
}

// ---------------------------------------------------------------------------------------------
// Targets

export const INDICATOR_TARGET_SORT = new SortColumns(
  { indicatorCode: 'i.code', targetYear: 't.target_year', createdAt: 't.created_at' },
  'indicatorCode',
  't.id',
);

export const INDICATOR_TARGET_COLUMNS = `
  t.id, t.indicator_id AS "indicatorId", i.code AS "indicatorCode", t.agreement_id AS "agreementId",
  t.project_id AS "projectId", t.baseline_value AS "baselineValue", t.baseline_year AS "baselineYear",
  t.target_value AS "targetValue", t.target_year AS "targetYear", t.milestones, t.version,
  t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

const TARGET_FROM = `FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id
  JOIN agreements a ON a.id = t.agreement_id`;

export function indicatorTargetsFrom(sql: Sql, filters: ListIndicatorTargetsQuery, actor: Actor): string {
  return `${TARGET_FROM} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('t.agreement_id', filters.agreementId),
    sql.equals('t.project_id', filters.projectId),
    sql.equals('t.indicator_id', filters.indicatorId),
  ])}`;
}

export function indicatorTargetSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${INDICATOR_TARGET_COLUMNS} ${TARGET_FROM}
    WHERE t.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

export function indicatorTargetList(query: ListIndicatorTargetsQuery, actor: Actor): PageStatements {
  return plainList(
    INDICATOR_TARGET_COLUMNS,
    (sql) => indicatorTargetsFrom(sql, query, actor),
    INDICATOR_TARGET_SORT.orderBy(query.sort),
    query,
  );
}

// ---------------------------------------------------------------------------------------------
// Actuals

export const INDICATOR_ACTUAL_SORT = new SortColumns(
  { period: 'v.period', indicatorCode: 'i.code', updatedAt: 'v.updated_at' },
  'period',
  'v.id',
);

export const INDICATOR_ACTUAL_COLUMNS = `
  v.id, v.indicator_id AS "indicatorId", i.code AS "indicatorCode", v.agreement_id AS "agreementId",
  v.project_id AS "projectId", v.period, v.value, v.note, v.entered_by AS "enteredBy",
  v.entered_by_id AS "enteredById", v.version, v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;

const ACTUAL_FROM = `FROM indicator_actuals v JOIN indicators i ON i.id = v.indicator_id
  JOIN agreements a ON a.id = v.agreement_id`;

export function indicatorActualsFrom(sql: Sql, filters: ListIndicatorActualsQuery, actor: Actor): string {
  return `${ACTUAL_FROM} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('v.agreement_id', filters.agreementId),
    sql.equals('v.project_id', filters.projectId),
    sql.equals('v.indicator_id', filters.indicatorId),
    sql.equals('v.period', filters.period),
  ])}`;
}

export function indicatorActualSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${INDICATOR_ACTUAL_COLUMNS} ${ACTUAL_FROM}
    WHERE v.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

export function indicatorActualList(query: ListIndicatorActualsQuery, actor: Actor): PageStatements {
  return plainList(
    INDICATOR_ACTUAL_COLUMNS,
    (sql) => indicatorActualsFrom(sql, query, actor),
    INDICATOR_ACTUAL_SORT.orderBy(query.sort),
    query,
  );
}

// ---------------------------------------------------------------------------------------------
// Results: the rows they are computed from (persistence/sql statements; the arithmetic is the
// shared rules', in indicator-results.ts)

/** The columns of an IndicatorRef. */
const INDICATOR_REF_COLUMNS = `
  i.id, i.code, i.name_fi AS "nameFi", i.name_sv AS "nameSv", i.name_en AS "nameEn", i.unit,
  i.unit_name AS "unitName", i.kind, i.aggregation, i.source, i.derivation, i.agreement_id AS "agreementId"`;

/**
 * The first year of an agreement's reporting: its validity's start, or its earliest value if that
 * is earlier (or there is no start); null when it has neither.
 */
const FIRST_YEAR = `LEAST(
    extract(year FROM a.valid_from)::int,
    (SELECT min(left(v.period, 4)::int) FROM indicator_actuals v WHERE v.agreement_id = a.id)
  ) AS "firstYear"`;

/** An agreement whose indicator results are read: its periodicity and first year. */
export interface ResultAgreement {
  agreementId: string;
  title: string;
  cityName: string;
  periodicity: 'year' | 'half_year';
  firstYear: number | null;
}

const RESULT_AGREEMENT_COLUMNS = `a.id AS "agreementId", a.title, c.name AS "cityName",
  a.reporting_periodicity AS periodicity, ${FIRST_YEAR}`;

/** A project in the actor's scope, with its agreement's periodicity and first year. */
export function resultProjectSql(sql: Sql, projectId: string, actor: Actor): string {
  return `SELECT p.id AS "projectId", p.priority_area_id AS "areaId", ${RESULT_AGREEMENT_COLUMNS}
    FROM projects p JOIN priority_areas pa ON pa.id = p.priority_area_id JOIN agreements a ON a.id = pa.agreement_id
    JOIN organisations c ON c.id = a.city_id
    WHERE p.id = ${sql.value(projectId)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** An agreement in the actor's scope, with its priority areas (by Finnish name). */
export function resultAgreementSql(sql: Sql, agreementId: string, actor: Actor): string {
  return `SELECT ${RESULT_AGREEMENT_COLUMNS},
      coalesce((SELECT jsonb_agg(jsonb_build_object('priorityAreaId', pa.id, 'nameFi', pa.name_fi,
          'nameSv', pa.name_sv, 'nameEn', pa.name_en) ORDER BY pa.name_fi, pa.id)
        FROM priority_areas pa WHERE pa.agreement_id = a.id), '[]'::jsonb) AS areas
    FROM agreements a JOIN organisations c ON c.id = a.city_id
    WHERE a.id = ${sql.value(agreementId)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The agreements in the actor's scope (one, if `agreementId` is given), by city name and title. */
export function resultAgreementsSql(sql: Sql, actor: Actor, agreementId?: string): string {
  return `SELECT ${RESULT_AGREEMENT_COLUMNS}
    FROM agreements a JOIN organisations c ON c.id = a.city_id
    WHERE ${where([sql.scope(actor, 'a.city_id'), sql.equals('a.id', agreementId)])}
    ORDER BY c.name, a.title, a.id`;
}

/** Which targets and actuals an indicator results statement reads, and which indicators it lists. */
export type ResultScope =
  | { level: 'agreement'; agreementId: string }
  /** Every agreement in the actor's scope: the common indicators only. */
  | { level: 'national'; actor: Actor }
  /** The agreements in the actor's scope (or one): the indicators with a target there. */
  | { level: 'summary'; actor: Actor; agreementId?: string };

/** One target as a results row carries it (values as exact text). */
export interface ResultTargetRow {
  id: string;
  version: number;
  agreementId: string;
  projectId: string | null;
  areaId: string | null;
  baselineValue: string;
  baselineYear: number;
  targetValue: string;
  targetYear: number;
  milestones: Array<{ year: number; value: string }>;
}

/** One actual as a results row carries it. */
export interface ResultActualRow {
  id: string;
  version: number;
  agreementId: string;
  projectId: string | null;
  areaId: string | null;
  period: string;
  value: string;
  note: string | null;
  enteredBy: string;
  updatedAt: string;
}

/** An indicator with the targets and actuals of the scope. */
export interface ResultIndicatorRow {
  id: string;
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  unit: 'count' | 'euros' | 'percent' | 'other';
  unitName: string | null;
  kind: 'output' | 'result';
  aggregation: 'sum' | 'latest';
  source: 'eu_common' | 'innocities' | 'city';
  derivation:
    'enterprises_supported' | 'enterprises_supported_by_grants' | 'enterprises_cooperating_with_research' | null;
  agreementId: string | null;
  targets: ResultTargetRow[];
  actuals: ResultActualRow[];
}

/**
 * A project's indicators (those with a target or a value there, and every derived one), each with
 * the project's target and its values, in one statement. Values are read as text, never as floats.
 */
export function resultIndicatorsSql(sql: Sql, projectId: string): string {
  const project = sql.value(projectId);
  const holder = (alias: string) => `${alias}.project_id = ${project}`;
  const targets = `SELECT t.* FROM indicator_targets t WHERE ${holder('t')}`;
  const actuals = `SELECT v.* FROM indicator_actuals v WHERE ${holder('v')}`;
  const listed = `(i.derivation IS NOT NULL
    OR EXISTS (SELECT 1 FROM scoped_targets st WHERE st.indicator_id = i.id)
    OR EXISTS (SELECT 1 FROM scoped_actuals sv WHERE sv.indicator_id = i.id))`;
  return `WITH scoped_targets AS (${targets}),
    scoped_actuals AS (${actuals})
    SELECT ${INDICATOR_REF_COLUMNS},
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', t.id, 'version', t.version,
          'agreementId', t.agreement_id, 'projectId', t.project_id, 'areaId', p.priority_area_id,
          'baselineValue', t.baseline_value::text, 'baselineYear', t.baseline_year,
          'targetValue', t.target_value::text, 'targetYear', t.target_year, 'milestones', t.milestones)
          ORDER BY t.agreement_id, t.project_id NULLS FIRST)
        FROM scoped_targets t LEFT JOIN projects p ON p.id = t.project_id
        WHERE t.indicator_id = i.id), '[]'::jsonb) AS targets,
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', v.id, 'version', v.version,
          'agreementId', v.agreement_id, 'projectId', v.project_id, 'areaId', p.priority_area_id,
          'period', v.period, 'value', v.value::text, 'note', v.note, 'enteredBy', v.entered_by,
          'updatedAt', v.updated_at) ORDER BY v.period, v.id)
        FROM scoped_actuals v LEFT JOIN projects p ON p.id = v.project_id
        WHERE v.indicator_id = i.id), '[]'::jsonb) AS actuals
    FROM indicators i
    WHERE ${listed}
    ORDER BY i.code`;
}

/** Targets of one shape added up in SQL: a holder group's (an area's projects', an agreement's own). */
export interface TargetGroupRow {
  agreementId: string;
  /** The projects' priority area; null for the agreement's own target. */
  areaId: string | null;
  own: boolean;
  /** How many targets were added up (percentages of more than one never are). */
  n: number;
  baselineValue: string;
  baselineYear: number;
  targetValue: string;
  targetYear: number;
  milestones: Array<{ year: number; value: string }>;
}

/** Values of one period added up over the holders of a group (an area's projects, or the agreement's own). */
export interface PeriodSumRow {
  agreementId: string;
  areaId: string | null;
  period: string;
  value: string;
}

/** A group's values to date: summed over periods (sum), or each holder's latest value summed (latest). */
export interface ToDateRow {
  agreementId: string;
  areaId: string | null;
  value: string;
  latestPeriod: string;
  /** Holders with a value (percentages of more than one never add up). */
  holders: number;
}

/** An indicator with its targets and values added up per group, in SQL (see resultAggregatesSql). */
export interface AggregateIndicatorRow extends Omit<ResultIndicatorRow, 'targets' | 'actuals'> {
  targets: TargetGroupRow[];
  periodSums: PeriodSumRow[];
  toDate: ToDateRow[];
}

/**
 * The indicators of an agreement's, the nation's or the dashboard's results, with their targets
 * and values added up in the database per group — an agreement's own, and each priority area's
 * projects — so that the answer costs what its groups cost, not what its projects and periods do.
 * Exact: numeric sums; a sum's values come from indicator_period_facts (the values of a group and
 * period, kept by triggers), a latest-value indicator's from each holder's values; targets from
 * indicator_target_facts, added up per shape (baseline year, target year, no yearly milestones),
 * which the expected value's straight line keeps exact; a target with milestones stays on its own. Nationally a
 * holder's half-years become its year, by the indicator's rule (their sum, or the later half).
 */
export function resultAggregatesSql(sql: Sql, scope: ResultScope): string {
  let visible: string;
  if (scope.level === 'agreement') visible = `SELECT ${sql.value(scope.agreementId)}::uuid AS id`;
  else {
    visible = `SELECT a.id FROM agreements a WHERE ${where([
      sql.scope(scope.actor, 'a.city_id'),
      scope.level === 'summary' && sql.equals('a.id', scope.agreementId),
    ])}`;
  }
  const byYear = scope.level === 'national';
  const listed =
    scope.level === 'national'
      ? 'i.agreement_id IS NULL'
      : scope.level === 'summary'
        ? 'EXISTS (SELECT 1 FROM target_groups g WHERE g.indicator_id = i.id)'
        : `(i.derivation IS NOT NULL
            OR EXISTS (SELECT 1 FROM target_groups g WHERE g.indicator_id = i.id)
            OR EXISTS (SELECT 1 FROM to_date d WHERE d.indicator_id = i.id))`;
  const indicatorFilter = scope.level === 'national' ? 'AND i.agreement_id IS NULL' : '';
  const periodOf = (column: string) => (byYear ? `left(${column}, 4)` : column);
  // A latest-value indicator's holders are read one by one (its value to date is each holder's
  // latest value; nationally a holder's year is its later half); the sums come from the facts.
  const keyed = byYear
    ? `SELECT v.indicator_id, v.agreement_id, v.area_id, v.holder, left(v.period, 4) AS period,
          (array_agg(v.value ORDER BY v.period DESC))[1] AS value
        FROM latest_raw v GROUP BY v.indicator_id, v.agreement_id, v.area_id, v.holder, left(v.period, 4)`
    : 'SELECT * FROM latest_raw';
  return `WITH visible AS (${visible}),
    facts AS (
      SELECT f.indicator_id, f.agreement_id, NULLIF(f.holder_group, f.agreement_id) AS area_id,
        ${periodOf('f.period')} AS period, f.value_sum, i.aggregation
      FROM indicator_period_facts f
      JOIN indicators i ON i.id = f.indicator_id AND i.derivation IS NULL ${indicatorFilter}
      WHERE f.agreement_id IN (SELECT id FROM visible)
    ),
    latest_raw AS (
      SELECT v.indicator_id, v.agreement_id, p.priority_area_id AS area_id, coalesce(v.project_id, v.agreement_id) AS holder,
        v.period, v.value
      FROM indicator_actuals v
      JOIN indicators i ON i.id = v.indicator_id AND i.derivation IS NULL AND i.aggregation = 'latest' ${indicatorFilter}
      LEFT JOIN projects p ON p.id = v.project_id
      WHERE v.agreement_id IN (SELECT id FROM visible)
    ),
    keyed AS (${keyed}),
    period_sums AS (
      SELECT indicator_id, agreement_id, area_id, period, sum(value_sum) AS value
      FROM facts ${byYear ? "WHERE aggregation = 'sum'" : ''} GROUP BY indicator_id, agreement_id, area_id, period
      ${
        byYear
          ? `UNION ALL
      SELECT indicator_id, agreement_id, area_id, period, sum(value) FROM keyed
      GROUP BY indicator_id, agreement_id, area_id, period`
          : ''
      }
    ),
    holder_latest AS (
      SELECT DISTINCT ON (indicator_id, agreement_id, holder) indicator_id, agreement_id, area_id, period, value
      FROM keyed ORDER BY indicator_id, agreement_id, holder, period DESC
    ),
    to_date AS (
      SELECT indicator_id, agreement_id, area_id, sum(value_sum) AS value, max(period) AS latest_period, NULL::int AS holders
      FROM facts WHERE aggregation = 'sum' GROUP BY indicator_id, agreement_id, area_id
      UNION ALL
      SELECT indicator_id, agreement_id, area_id, sum(value), max(period), count(*)::int
      FROM holder_latest GROUP BY indicator_id, agreement_id, area_id
    ),
    target_groups AS (
      SELECT f.indicator_id, f.agreement_id, NULLIF(f.holder_group, f.agreement_id) AS area_id,
        f.holder_group = f.agreement_id AS own, f.n, f.baseline_sum AS baseline_value, f.baseline_year,
        f.target_sum AS target_value, f.target_year, f.milestones
      FROM indicator_target_facts f
      WHERE f.agreement_id IN (SELECT id FROM visible)
    )
    SELECT ${INDICATOR_REF_COLUMNS},
      coalesce((SELECT jsonb_agg(jsonb_build_object('agreementId', g.agreement_id, 'areaId', g.area_id,
          'own', g.own, 'n', g.n, 'baselineValue', g.baseline_value::text, 'baselineYear', g.baseline_year,
          'targetValue', g.target_value::text, 'targetYear', g.target_year, 'milestones', g.milestones)
          ORDER BY g.agreement_id, g.area_id NULLS FIRST, g.baseline_year, g.target_year)
        FROM target_groups g WHERE g.indicator_id = i.id), '[]'::jsonb) AS targets,
      ${
        // The dashboard's strip shows values to date only.
        scope.level === 'summary'
          ? `'[]'::jsonb`
          : `coalesce((SELECT jsonb_agg(jsonb_build_object('agreementId', s.agreement_id, 'areaId', s.area_id,
          'period', s.period, 'value', s.value::text))
        FROM period_sums s WHERE s.indicator_id = i.id), '[]'::jsonb)`
      } AS "periodSums",
      coalesce((SELECT jsonb_agg(jsonb_build_object('agreementId', d.agreement_id, 'areaId', d.area_id,
          'value', d.value::text, 'latestPeriod', d.latest_period, 'holders', d.holders))
        FROM to_date d WHERE d.indicator_id = i.id), '[]'::jsonb) AS "toDate"
    FROM indicators i
    WHERE ${listed}
    ORDER BY i.code`;
}

/** Where derived counts are grouped: by project, priority area, agreement, or over everything. */
export type DerivedLevel = 'project' | 'area' | 'agreement' | 'all';

const LEVEL_COLUMN: Record<Exclude<DerivedLevel, 'all'>, string> = {
  project: 'q.project_id',
  area: 'q.area_id',
  agreement: 'q.agreement_id',
};

/** A reporting period and its first and last day. */
export interface PeriodSpan {
  period: string;
  from: string;
  to: string;
}

/** One derived count: of a derivation, at a level's key (null: over everything), in a period (null: to date). */
export interface DerivedCountRow {
  /** Null on the rows that say how many participants a level has registered at all. */
  derivation: string | null;
  projectId: string | null;
  areaId: string | null;
  agreementId: string | null;
  period: string | null;
  count: number;
  /** To date only: the enterprises counted. */
  enterprises: Array<{ organisationId: string; name: string; businessId: string | null }> | null;
}

/**
 * The derived indicators' counts from the participant register, in one statement: per derivation,
 * level key and period (and to date), the number of distinct enterprises (organisation kind
 * company) that count, with the enterprises to date; and per level key, how many participants are
 * registered at all (derivation null), so that an empty register reads "nothing reported".
 *
 * An enterprise counts in a period when a qualifying stretch of its participation overlaps the
 * period (no start: from the beginning; no end: ongoing): its whole participation with a support
 * kind of the derivation's (DERIVATION_SUPPORT_KINDS), or — cooperating with research — the part
 * of it during which a research organisation takes part in the same project. To date: up to the
 * end of the current period (`toDate`: by the agreement's periodicity, or one day for all).
 */
export function derivedCountsSql(
  sql: Sql,
  options: {
    /** The projects counted: one, one agreement's, or those of the agreements in the actor's scope. */
    projects: { projectId: string } | { agreementId: string } | { actor: Actor; agreementId?: string };
    levels: readonly DerivedLevel[];
    periods: readonly PeriodSpan[];
    /** The last day "to date" covers: one for every agreement, or by each agreement's periodicity. */
    toDate: string | { year: string; half_year: string };
    supportKinds: Readonly<Record<string, readonly string[] | null>>;
    researchDerivation: string;
    researchKinds: readonly string[];
    enterpriseKind: string;
  },
): string {
  const { projects, levels } = options;
  const projectFilter =
    'projectId' in projects
      ? `p.id = ${sql.value(projects.projectId)}`
      : 'actor' in projects
        ? where([sql.scope(projects.actor, 'a.city_id'), sql.equals('a.id', projects.agreementId)])
        : `a.id = ${sql.value(projects.agreementId)}`;
  const toDate =
    typeof options.toDate === 'string'
      ? `${sql.value(options.toDate)}::date`
      : `CASE s.periodicity WHEN 'year' THEN ${sql.value(options.toDate.year)}::date
           ELSE ${sql.value(options.toDate.half_year)}::date END`;
  const enterpriseKind = sql.value(options.enterpriseKind);
  const research = sql.value(options.researchKinds);
  const qualifying = Object.entries(options.supportKinds).map(([derivation, kinds]) => {
    const name = sql.value(derivation);
    const supported = kinds === null ? 'TRUE' : `e.support_kind::text = ANY(${sql.value(kinds)}::text[])`;
    if (derivation !== options.researchDerivation) {
      return `SELECT ${name}::text AS derivation, e.*, e.s_from AS q_from, e.s_to AS q_to
        FROM enterprise e WHERE ${supported}`;
    }
    return `SELECT ${name}::text, e.*,
        GREATEST(e.s_from, coalesce(r.starts_on, '-infinity'::date)),
        LEAST(e.s_to, coalesce(r.ends_on, 'infinity'::date))
      FROM enterprise e
      JOIN research r ON r.project_id = e.project_id AND r.organisation_id <> e.organisation_id
      WHERE ${supported}
        AND GREATEST(e.s_from, coalesce(r.starts_on, '-infinity'::date))
          <= LEAST(e.s_to, coalesce(r.ends_on, 'infinity'::date))`;
  });
  const keyColumns = (alias: string) =>
    (['project', 'area', 'agreement'] as const)
      .map((level) => {
        const column = LEVEL_COLUMN[level].replace('q.', `${alias}.`);
        const name = `"${level}Id"`;
        return levels.includes(level) ? `${column} AS ${name}` : `NULL::uuid AS ${name}`;
      })
      .join(', ');
  const sets = (alias: string, extra: string[]) =>
    levels
      .map(
        (level) =>
          `(${[...extra, ...(level === 'all' ? [] : [LEVEL_COLUMN[level].replace('q.', `${alias}.`)])].join(', ')})`,
      )
      .join(', ');
  const spans = options.periods;
  // Only the levels' own keys: an enterprise in many projects of one area is one row there.
  const narrowKeys = (['project', 'area', 'agreement'] as const)
    .map((level) => {
      const column = LEVEL_COLUMN[level];
      return levels.includes(level) ? column : `NULL::uuid AS ${column.slice(2)}`;
    })
    .join(', ');
  return `WITH scoped AS (
      SELECT p.id AS project_id, p.priority_area_id AS area_id, pa.agreement_id, a.reporting_periodicity AS periodicity
      FROM projects p JOIN priority_areas pa ON pa.id = p.priority_area_id JOIN agreements a ON a.id = pa.agreement_id
      WHERE ${projectFilter}
    ),
    enterprise AS (
      SELECT s.project_id, s.area_id, s.agreement_id, pt.organisation_id, pt.support_kind,
        coalesce(pt.starts_on, '-infinity'::date) AS s_from, coalesce(pt.ends_on, 'infinity'::date) AS s_to,
        ${toDate} AS to_date
      FROM participants pt JOIN scoped s ON s.project_id = pt.project_id
      JOIN organisations o ON o.id = pt.organisation_id AND o.kind::text = ${enterpriseKind}
    ),
    -- The research organisations taking part in the projects, read once (a hash join, not a lookup per enterprise).
    research AS MATERIALIZED (
      SELECT pt.project_id, pt.organisation_id, pt.starts_on, pt.ends_on
      FROM participants pt JOIN scoped s ON s.project_id = pt.project_id
      JOIN organisations ro ON ro.id = pt.organisation_id AND ro.kind::text = ANY(${research}::text[])
    ),
    qualifying AS (${qualifying.join('\n      UNION ALL ')}),
    spans AS (
      SELECT * FROM unnest(${sql.value(spans.map((s) => s.period))}::text[],
        ${sql.value(spans.map((s) => s.from))}::date[], ${sql.value(spans.map((s) => s.to))}::date[]) AS x(period, p_from, p_to)
    ),
    -- Narrow rows (an enterprise of a project counting in a period, or to date: period null), each
    -- once: what is counted and sorted is ids, not names.
    counted AS (
      SELECT DISTINCT q.derivation, ${narrowKeys}, q.organisation_id, x.period
      FROM qualifying q JOIN spans x ON GREATEST(q.q_from, x.p_from) <= LEAST(q.q_to, x.p_to)
      UNION
      SELECT q.derivation, ${narrowKeys}, q.organisation_id, NULL
      FROM qualifying q WHERE q.q_from <= q.to_date
    )
    SELECT q.derivation, ${keyColumns('q')}, q.period, count(DISTINCT q.organisation_id)::int AS count,
      (SELECT jsonb_agg(jsonb_build_object('organisationId', o.id, 'name', o.name, 'businessId', o.business_id))
        FROM organisations o
        WHERE o.id = ANY(array_agg(DISTINCT q.organisation_id) FILTER (WHERE q.period IS NULL))) AS enterprises
    FROM counted q
    GROUP BY GROUPING SETS (${sets('q', ['q.derivation', 'q.period'])})
    UNION ALL
    SELECT NULL, ${keyColumns('s')}, NULL, count(*)::int, NULL
    FROM participants pt JOIN scoped s ON s.project_id = pt.project_id
    GROUP BY GROUPING SETS (${sets('s', [])})`;
}
