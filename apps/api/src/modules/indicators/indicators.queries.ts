import type { Actor } from '../../common/actor';
import { parseReportingPeriod } from '@salkku/shared';
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
 * is earlier (or there is no start); null when it has neither. Read from the values' sums kept per
 * period (an index probe per indicator), not from every value.
 */
const FIRST_YEAR = `LEAST(
    extract(year FROM a.valid_from)::int,
    (SELECT min(left(f.period, 4)::int) FROM indicators i
     JOIN indicator_period_facts f ON f.indicator_id = i.id AND f.agreement_id = a.id)
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
        ? 'tj.indicator_id IS NOT NULL'
        : '(i.derivation IS NOT NULL OR tj.indicator_id IS NOT NULL OR dj.indicator_id IS NOT NULL)';
  const indicatorFilter = scope.level === 'national' ? 'AND i.agreement_id IS NULL' : '';
  const periodOf = (column: string) => (byYear ? `left(${column}, 4)` : column);
  // Nationally and on the dashboard an agreement's line is all that is shown: its projects' groups
  // are one group (the agreement's id stands for "its projects"), not one per priority area.
  const oneGroup = scope.level !== 'agreement';
  const groupOf = (group: string, agreement: string) =>
    oneGroup ? `CASE WHEN ${group} = ${agreement} THEN NULL ELSE ${agreement} END` : `NULLIF(${group}, ${agreement})`;
  // A latest-value indicator's holders are read one by one (its value to date is each holder's
  // latest value; nationally a holder's year is its later half); the sums come from the facts.
  const keyed = byYear
    ? `SELECT v.indicator_id, v.agreement_id, v.area_id, v.holder, left(v.period, 4) AS period,
          (array_agg(v.value ORDER BY v.period DESC))[1] AS value
        FROM latest_raw v GROUP BY v.indicator_id, v.agreement_id, v.area_id, v.holder, left(v.period, 4)`
    : 'SELECT * FROM latest_raw';
  return `WITH visible AS (${visible}),
    facts AS (
      SELECT f.indicator_id, f.agreement_id, ${groupOf('f.holder_group', 'f.agreement_id')} AS area_id,
        ${periodOf('f.period')} AS period, f.value_sum, i.aggregation
      FROM indicator_period_facts f
      JOIN indicators i ON i.id = f.indicator_id AND i.derivation IS NULL ${indicatorFilter}
      WHERE f.agreement_id IN (SELECT id FROM visible)
    ),
    latest_raw AS (
      SELECT v.indicator_id, v.agreement_id,
        ${oneGroup ? 'CASE WHEN v.project_id IS NULL THEN NULL ELSE v.agreement_id END' : 'p.priority_area_id'} AS area_id,
        coalesce(v.project_id, v.agreement_id) AS holder,
        v.period, v.value
      FROM indicator_actuals v
      JOIN indicators i ON i.id = v.indicator_id AND i.derivation IS NULL AND i.aggregation = 'latest' ${indicatorFilter}
      LEFT JOIN projects p ON p.id = v.project_id
      WHERE v.agreement_id IN (SELECT id FROM visible)
    ),
    keyed AS (${keyed}),
    ${
      // The dashboard's strip shows values to date only (and a second reader would keep the
      // sums' rows in memory instead of reading them as they come).
      scope.level === 'summary'
        ? ''
        : `period_sums AS (
      SELECT indicator_id, agreement_id, area_id, period, sum(value_sum) AS value
      FROM facts ${byYear ? "WHERE aggregation = 'sum'" : ''} GROUP BY indicator_id, agreement_id, area_id, period
      ${
        byYear
          ? `UNION ALL
      SELECT indicator_id, agreement_id, area_id, period, sum(value) FROM keyed
      GROUP BY indicator_id, agreement_id, area_id, period`
          : ''
      }
    ),`
    }
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
      SELECT f.indicator_id, f.agreement_id, ${groupOf('f.holder_group', 'f.agreement_id')} AS area_id,
        f.holder_group = f.agreement_id AS own, sum(f.n)::int AS n, sum(f.baseline_sum) AS baseline_value, f.baseline_year,
        sum(f.target_sum) AS target_value, f.target_year,
        -- A shape with milestones is one target's (shape_key = its id), so one row.
        (array_agg(f.milestones))[1] AS milestones
      FROM indicator_target_facts f
      WHERE f.agreement_id IN (SELECT id FROM visible)
      ${
        // An agreement's line takes its own target when it has one: its projects' are not read then.
        oneGroup
          ? `AND (f.holder_group = f.agreement_id OR NOT EXISTS (SELECT 1 FROM indicator_target_facts o
              WHERE o.indicator_id = f.indicator_id AND o.agreement_id = f.agreement_id AND o.holder_group = f.agreement_id))`
          : ''
      }
      GROUP BY f.indicator_id, f.agreement_id, ${groupOf('f.holder_group', 'f.agreement_id')},
        f.holder_group = f.agreement_id, f.baseline_year, f.target_year, f.shape_key
    ),
    -- Each part as one array per indicator, built in one pass (not a pass per indicator).
    target_json AS (
      SELECT g.indicator_id, jsonb_agg(jsonb_build_object('agreementId', g.agreement_id, 'areaId', g.area_id,
          'own', g.own, 'n', g.n, 'baselineValue', g.baseline_value::text, 'baselineYear', g.baseline_year,
          'targetValue', g.target_value::text, 'targetYear', g.target_year, 'milestones', g.milestones)
          ORDER BY g.agreement_id, g.area_id NULLS FIRST, g.baseline_year, g.target_year) AS j
      FROM target_groups g GROUP BY g.indicator_id
    ),
    ${
      // The dashboard's strip shows values to date only.
      scope.level === 'summary'
        ? ''
        : `period_json AS (
      SELECT s.indicator_id, jsonb_agg(jsonb_build_object('agreementId', s.agreement_id, 'areaId', s.area_id,
          'period', s.period, 'value', s.value::text)) AS j
      FROM period_sums s GROUP BY s.indicator_id
    ),`
    }
    to_date_json AS (
      SELECT d.indicator_id, jsonb_agg(jsonb_build_object('agreementId', d.agreement_id, 'areaId', d.area_id,
          'value', d.value::text, 'latestPeriod', d.latest_period, 'holders', d.holders)) AS j
      FROM to_date d GROUP BY d.indicator_id
    )
    SELECT ${INDICATOR_REF_COLUMNS}, coalesce(tj.j, '[]'::jsonb) AS targets,
      ${scope.level === 'summary' ? `'[]'::jsonb` : `coalesce(pj.j, '[]'::jsonb)`} AS "periodSums",
      coalesce(dj.j, '[]'::jsonb) AS "toDate"
    FROM indicators i
    LEFT JOIN target_json tj ON tj.indicator_id = i.id
    ${scope.level === 'summary' ? '' : 'LEFT JOIN period_json pj ON pj.indicator_id = i.id'}
    LEFT JOIN to_date_json dj ON dj.indicator_id = i.id
    WHERE ${listed}
    ORDER BY i.code`;
}

/** Where derived counts are read: at a project, a priority area, an agreement, or over everything. */
export type DerivedLevel = 'project' | 'area' | 'agreement' | 'all';

/** The nil uuid: the holder of the whole country's stretches in indicator_enterprise_facts. */
export const NATION_HOLDER = '00000000-0000-0000-0000-000000000000';

/**
 * One holder of indicator_enterprise_facts read for an answer: its stretches count under `key`
 * (the holder's own id, or null for "over everything", which may gather several holders: the
 * agreements of a city-scoped actor), to date up to `toDate`, with the enterprises listed or not.
 */
export interface DerivedHolder {
  level: DerivedLevel;
  holder: string;
  key: string | null;
  toDate: string;
  list: boolean;
}

/** One derived count: of a derivation, at a key (null: over everything), in a period (null: to date). */
export interface DerivedCountRow {
  /** Null on the rows that say whether a key has any participant registered at all. */
  derivation: string | null;
  key: string | null;
  period: string | null;
  count: number;
  /** To date, where asked for: the enterprises counted. */
  enterprises: Array<{ organisationId: string; name: string; businessId: string | null }> | null;
}

/** Whether any participant is registered under a holder of a level (an index probe each). */
const REGISTERED: Record<DerivedLevel, (holder: string) => string> = {
  project: (h) => `EXISTS (SELECT 1 FROM participants pt WHERE pt.project_id = ${h})`,
  area: (h) =>
    `EXISTS (SELECT 1 FROM projects p JOIN participants pt ON pt.project_id = p.id WHERE p.priority_area_id = ${h})`,
  agreement: (h) =>
    `EXISTS (SELECT 1 FROM projects p JOIN participants pt ON pt.project_id = p.id WHERE p.agreement_id = ${h})`,
  all: () => `EXISTS (SELECT 1 FROM participants pt)`,
};

/**
 * The derived indicators' counts, in one statement, from the stretches the database keeps
 * (indicator_enterprise_facts; the rules are in its migration and DERIVATION_SUPPORT_KINDS): per
 * derivation, key and period, the distinct enterprises with a stretch overlapping the period (a
 * plain count where a key is one holder: see IndicatorEnterpriseFacts.previousEndsOn); to
 * date, those with a stretch starting on or before the holder's `toDate`, with their names where
 * the holder asks for the list; and per key, whether any participant is registered at all
 * (derivation null, count 1 or 0), so that an empty register reads "nothing reported".
 * The holders' level "all" means the whole country (NATION_HOLDER) for an actor who sees every
 * city; a city-scoped actor's "all" is its agreements gathered under the key null.
 */
export function derivedCountsSql(sql: Sql, holders: readonly DerivedHolder[], periods: readonly string[]): string {
  const column = <T>(pick: (h: DerivedHolder) => T) => sql.value(holders.map(pick));
  const registered = (['project', 'area', 'agreement', 'all'] as const)
    .filter((level) => holders.some((h) => h.level === level))
    .map(
      (level) => `SELECT h.key, ${REGISTERED[level]('h.holder')} AS registered
        FROM holders h WHERE h.level = ${sql.value(level)} AND h.key NOT IN (SELECT key FROM counted_keys)`,
    );
  const n = periods.length;
  const index = periodIndexSql(periods);
  const label = (i: string) => `(${sql.value(periods)}::text[])[${i} + 1]`;
  const enterprisesOf = (ids: string) =>
    `(SELECT jsonb_agg(jsonb_build_object('organisationId', o.id, 'name', o.name, 'businessId', o.business_id))
      FROM organisations o WHERE o.id = ANY(${ids}))`;
  // Per period (none asked for: to date only, as on the dashboard): a sweep over the periods.
  const periodParts =
    n === 0
      ? { ctes: '', selects: '' }
      : {
          ctes: `,
    -- A key of one holder: each stretch covers the periods from its first to its last, less its
    -- first when the enterprise's previous stretch reaches into it (counted there already).
    ranged AS (
      SELECT r.derivation, r.key, CASE WHEN r.previous >= r.a THEN r.a + 1 ELSE r.a END AS a, r.b
      FROM (SELECT f.derivation, f.key, GREATEST(${index('f.starts_on')}, 0) AS a, LEAST(${index('f.ends_on')}, ${n - 1}) AS b,
              coalesce(${index('f.previous_ends_on')}, -1) AS previous
            FROM stretches f WHERE f.single) r
    ),
    -- Counted by a sweep: +1 where a stretch's periods begin, -1 after they end.
    steps AS (
      SELECT e.derivation, e.key, e.i, sum(e.d) AS d
      FROM (SELECT derivation, key, a AS i, 1 AS d FROM ranged WHERE a <= b
            UNION ALL SELECT derivation, key, b + 1, -1 FROM ranged WHERE a <= b AND b < ${n - 1}) e
      GROUP BY e.derivation, e.key, e.i
    )`,
          selects: `SELECT c.derivation, NULLIF(c.key, ${sql.value(NATION_HOLDER)}::uuid) AS key, ${label('c.i')} AS period, c.count::int,
      NULL::jsonb AS enterprises
    FROM (SELECT g.derivation, g.key, g.i, sum(coalesce(s.d, 0)) OVER (PARTITION BY g.derivation, g.key ORDER BY g.i) AS count
          FROM (SELECT DISTINCT derivation, key FROM steps) k
          CROSS JOIN LATERAL (SELECT k.derivation, k.key, i FROM generate_series(0, ${n - 1}) AS i) g
          LEFT JOIN steps s ON s.derivation = g.derivation AND s.key = g.key AND s.i = g.i) c
    WHERE c.count > 0
    UNION ALL
    -- A key gathering several holders (a city's agreements): its enterprises counted once.
    SELECT f.derivation, NULLIF(f.key, ${sql.value(NATION_HOLDER)}::uuid), ${label('g.i')}, count(DISTINCT f.organisation_id)::int, NULL
    FROM stretches f JOIN generate_series(0, ${n - 1}) AS g(i) ON ${index('f.starts_on')} <= g.i AND ${index('f.ends_on')} >= g.i
    WHERE NOT f.single
    GROUP BY f.derivation, f.key, g.i
    UNION ALL`,
        };
  return `WITH holders AS (
      SELECT h.level, h.holder, coalesce(h.key, ${sql.value(NATION_HOLDER)}::uuid) AS key, h.to_date, h.list,
        count(*) OVER (PARTITION BY h.key) = 1 AS single
      FROM unnest(${column((h) => h.level)}::text[], ${column((h) => h.holder)}::uuid[],
        ${column((h) => h.key)}::uuid[], ${column((h) => h.toDate)}::date[], ${column((h) => h.list)}::boolean[])
        AS h(level, holder, key, to_date, list)
    ),
    stretches AS MATERIALIZED (
      SELECT h.key, h.single, h.to_date, h.list, f.derivation::text AS derivation, f.organisation_id,
        f.starts_on, f.ends_on, f.previous_ends_on
      FROM holders h JOIN indicator_enterprise_facts f ON f.holder = h.holder
      -- The holders' rows by the primary key, not a scan of every project's.
      WHERE f.holder = ANY(${column((h) => h.holder)}::uuid[])
    ),
    counted_keys AS MATERIALIZED (SELECT DISTINCT key FROM stretches)${periodParts.ctes}
    ${periodParts.selects}
    -- To date: an enterprise's first stretch (at one holder) starts earliest, so each counts once.
    SELECT f.derivation, NULLIF(f.key, ${sql.value(NATION_HOLDER)}::uuid), NULL, count(*)::int,
      CASE WHEN bool_or(f.list) THEN ${enterprisesOf('array_agg(f.organisation_id) FILTER (WHERE f.list)')} END
    FROM stretches f WHERE f.single AND f.previous_ends_on IS NULL AND f.starts_on <= f.to_date
    GROUP BY f.derivation, f.key
    UNION ALL
    SELECT f.derivation, NULLIF(f.key, ${sql.value(NATION_HOLDER)}::uuid), NULL, count(DISTINCT f.organisation_id)::int,
      CASE WHEN bool_or(f.list) THEN ${enterprisesOf('array_agg(DISTINCT f.organisation_id)')} END
    FROM stretches f WHERE NOT f.single AND f.starts_on <= f.to_date
    GROUP BY f.derivation, f.key
    UNION ALL
    -- Whether anyone is registered: yes where an enterprise counts, else looked up.
    SELECT NULL, NULLIF(r.key, ${sql.value(NATION_HOLDER)}::uuid), NULL, CASE WHEN bool_or(r.registered) THEN 1 ELSE 0 END, NULL
    FROM (SELECT key, TRUE AS registered FROM counted_keys ${registered.map((r) => `UNION ALL ${r}`).join(' ')}) r
    GROUP BY r.key`;
}

/**
 * SQL for the index of the period a date falls in among `periods` (consecutive years, or
 * consecutive half-years: as periodsBetween gives them): 0 for the first, below 0 before it, at
 * least the number of periods after the last; '-infinity' is -1 and 'infinity' the number of
 * periods, null stays null.
 */
function periodIndexSql(periods: readonly string[]): (date: string) => string {
  if (periods[0] === undefined) return () => '0';
  const first = parseReportingPeriod(periods[0]);
  const halves = first.half !== 0;
  periods.forEach((period, i) => {
    const { year, half } = parseReportingPeriod(period);
    const at = halves ? (year - first.year) * 2 + half - first.half : year - first.year;
    if (at !== i || (half !== 0) !== halves) throw new RangeError(`Periods not consecutive: ${periods.join(', ')}`);
  });
  return (date) => `CASE WHEN ${date} = '-infinity'::date THEN -1 WHEN ${date} = 'infinity'::date THEN ${periods.length}
    ELSE ${
      halves
        ? `(date_part('year', ${date})::int - ${first.year}) * 2 + CASE WHEN date_part('month', ${date}) > 6 THEN 1 ELSE 0 END - ${first.half - 1}`
        : `date_part('year', ${date})::int - ${first.year}`
    } END`;
}
