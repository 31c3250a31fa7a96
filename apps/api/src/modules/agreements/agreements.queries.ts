import type { Actor } from '../../common/actor';
import { SortColumns, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListAgreementsQuery } from './dto/list-agreements.query';

/** The SQL of agreements: the list's filters and sort and an agreement's columns (its city joined). */

export const AGREEMENT_SORT = new SortColumns(
  { title: 'a.title', signedOn: 'a.signed_on', createdAt: 'a.created_at' },
  'title',
  'a.id',
);

export const AGREEMENT_COLUMNS = `
  a.id, a.city_id AS "cityId", c.name AS "cityName", a.title, a.signed_on AS "signedOn",
  a.valid_from AS "validFrom", a.valid_to AS "validTo",
  a.reporting_periodicity AS "reportingPeriodicity", a.version, a.created_at AS "createdAt",
  a.updated_at AS "updatedAt"`;

const FROM = 'FROM agreements a JOIN organisations c ON c.id = a.city_id';

/** FROM … WHERE … of the agreements matching the filters, in the actor's scope (their own city). */
export function agreementsFrom(sql: Sql, filters: Pick<ListAgreementsQuery, 'cityId' | 'q'>, actor: Actor): string {
  return `${FROM} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('a.city_id', filters.cityId),
    sql.contains(['a.title'], filters.q),
  ])}`;
}

/** One agreement in the actor's scope. */
export function agreementSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${AGREEMENT_COLUMNS} ${FROM} WHERE a.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The list's page and count statements. */
export function agreementList(query: ListAgreementsQuery, actor: Actor): PageStatements {
  return plainList(
    AGREEMENT_COLUMNS,
    (sql) => agreementsFrom(sql, query, actor),
    AGREEMENT_SORT.orderBy(query.sort),
    query,
  );
}

/**
 * The city of an agreement in the actor's scope, held with a key-share lock (it cannot be
 * deleted, nor its key changed, before the write that names it commits). None when out of scope.
 */
export function agreementCityForKeyShareSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT a.city_id AS "cityId" FROM agreements a
    WHERE a.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')} FOR KEY SHARE`;
}

/** How many indicator values have been entered for the agreement (its periodicity is then fixed). */
export function indicatorValueCountSql(sql: Sql, agreementId: string): string {
  return `SELECT count(*)::int AS n FROM indicator_actuals WHERE agreement_id = ${sql.value(agreementId)}`;
}
