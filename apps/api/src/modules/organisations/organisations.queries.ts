import { SortColumns, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListOrganisationsQuery } from './dto/list-organisations.query';

/**
 * The SQL of organisations: the list's filters and sort and an organisation's columns.
 * Organisations are a shared registry: no city scope.
 */

export const ORGANISATION_SORT = new SortColumns(
  { name: 'o.name', kind: 'o.kind', createdAt: 'o.created_at' },
  'name',
  'o.id',
);

export const ORGANISATION_COLUMNS = `
  o.id, o.name, o.kind, o.business_id AS "businessId", o.country, o.version,
  o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/** FROM … WHERE … of the organisations matching the filters. */
export function organisationsFrom(sql: Sql, filters: ListOrganisationsQuery): string {
  return `FROM organisations o WHERE ${where([
    sql.contains(['o.name', 'o.business_id'], filters.q),
    sql.equals('o.kind', filters.kind),
  ])}`;
}

export function organisationSql(sql: Sql, id: string): string {
  return `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = ${sql.value(id)}`;
}

/** The list's page and count statements. */
export function organisationList(query: ListOrganisationsQuery): PageStatements {
  return plainList(
    ORGANISATION_COLUMNS,
    (sql) => organisationsFrom(sql, query),
    ORGANISATION_SORT.orderBy(query.sort),
    query,
  );
}

/**
 * The kind of an organisation another record names, locked until the write commits: `FOR KEY
 * SHARE` keeps it from being deleted, `FOR SHARE` also from being changed (e.g. to another kind).
 */
export function organisationKindSql(sql: Sql, id: string, lock: 'FOR KEY SHARE' | 'FOR SHARE'): string {
  return `SELECT o.kind FROM organisations o WHERE o.id = ${sql.value(id)} ${lock}`;
}
