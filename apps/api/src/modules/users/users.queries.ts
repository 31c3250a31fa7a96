import type { Language, Role } from '@salkku/shared';
import { SortColumns, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListUsersQuery } from './dto/list-users.query';

/** The SQL of the user admin's reads: the list's filters and sort and a user's columns (organisation joined). */

export const USER_SORT = new SortColumns(
  { email: 'u.email', displayName: 'u.display_name', createdAt: 'u.created_at' },
  'email',
  'u.id',
);

export const USER_COLUMNS = `
  u.id, u.email, u.display_name AS "displayName", u.role, u.organisation_id AS "organisationId",
  o.name AS "organisationName", u.active, u.language, u.version, u.created_at AS "createdAt",
  u.updated_at AS "updatedAt"`;

const FROM = 'FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id';

/** FROM … WHERE … of the users matching the filters. */
export function usersFrom(sql: Sql, filters: Pick<ListUsersQuery, 'q' | 'role' | 'active' | 'organisationId'>): string {
  return `${FROM} WHERE ${where([
    sql.contains(['u.email', 'u.display_name'], filters.q),
    sql.equals('u.role', filters.role),
    sql.equals('u.active', filters.active),
    sql.equals('u.organisation_id', filters.organisationId),
  ])}`;
}

export function userSql(sql: Sql, id: string): string {
  return `SELECT ${USER_COLUMNS} ${FROM} WHERE u.id = ${sql.value(id)}`;
}

export interface MeRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
  mailDigest: boolean;
  organisationId: string | null;
  organisationName: string | null;
}

/** The signed-in user with what the web app needs (GET /api/me). */
export function meSql(sql: Sql, id: string | null): string {
  return `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.language,
      u.mail_digest AS "mailDigest", o.id AS "organisationId", o.name AS "organisationName"
    FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
    WHERE u.id = ${sql.value(id)}`;
}

/** The list's page and count statements. */
export function userList(query: ListUsersQuery): PageStatements {
  return plainList(USER_COLUMNS, (sql) => usersFrom(sql, query), USER_SORT.orderBy(query.sort), query);
}
