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
