import type { Actor } from '../../common/actor';
import { SortColumns, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListPriorityAreasQuery } from './dto/list-priority-areas.query';

/** The SQL of priority areas: the list's filters and sort and an area's columns. Its city is its agreement's. */

export const PRIORITY_AREA_SORT = new SortColumns(
  { nameFi: 'pa.name_fi', createdAt: 'pa.created_at' },
  'nameFi',
  'pa.id',
);

export const PRIORITY_AREA_COLUMNS = `
  pa.id, pa.agreement_id AS "agreementId", pa.name_fi AS "nameFi", pa.name_sv AS "nameSv",
  pa.name_en AS "nameEn", pa.description, pa.sub_themes AS "subThemes", pa.version,
  pa.created_at AS "createdAt", pa.updated_at AS "updatedAt"`;

const FROM = 'FROM priority_areas pa JOIN agreements a ON a.id = pa.agreement_id';

/** FROM … WHERE … of the priority areas matching the filters, in the actor's scope. */
export function priorityAreasFrom(sql: Sql, filters: ListPriorityAreasQuery, actor: Actor): string {
  return `${FROM} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('pa.agreement_id', filters.agreementId),
    sql.contains(['pa.name_fi', 'pa.name_sv', 'pa.name_en'], filters.q),
  ])}`;
}

/** One priority area in the actor's scope. */
export function priorityAreaSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${PRIORITY_AREA_COLUMNS} ${FROM} WHERE pa.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The list's page and count statements. */
export function priorityAreaList(query: ListPriorityAreasQuery, actor: Actor): PageStatements {
  return plainList(
    PRIORITY_AREA_COLUMNS,
    (sql) => priorityAreasFrom(sql, query, actor),
    PRIORITY_AREA_SORT.orderBy(query.sort),
    query,
  );
}

/** The city of a priority area (its agreement's). */
export function priorityAreaCitySql(sql: Sql, id: string): string {
  return `SELECT a.city_id AS "cityId" FROM priority_areas pa JOIN agreements a ON a.id = pa.agreement_id
    WHERE pa.id = ${sql.value(id)}`;
}
