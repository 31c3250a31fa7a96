import { CLOSED_MILESTONE_STATUSES } from '@salkku/shared';
import type { Actor } from '../../common/actor';
import { SortColumns, throughProject, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListMilestonesQuery } from './dto/list-milestones.query';

/**
 * The SQL of milestones: the list's filters and sort (the list and the CSV export) and a
 * milestone's columns. A milestone's city is its project's agreement's city.
 */

export const MILESTONE_SORT = new SortColumns(
  { dueDate: 'm.due_date', title: 'm.title', status: 'm.status', createdAt: 'm.created_at' },
  'dueDate',
  'm.id',
);

/** The columns of a milestone response (project joined). */
export const MILESTONE_COLUMNS = `
  m.id, m.project_id AS "projectId", p.code AS "projectCode", p.name AS "projectName", m.title,
  m.description, m.due_date AS "dueDate", m.status, m.completed_on AS "completedOn",
  m.version, m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;

/** The list's filters and sort (the CSV export takes the same). */
export type MilestoneFilters = Omit<ListMilestonesQuery, 'page' | 'pageSize'>;

/** The overdue rule (isOverdue in @salkku/shared): due before today and neither done nor cancelled. */
export function overdueSql(sql: Sql, today: string): string {
  return `(m.due_date < ${sql.value(today)}::date AND m.status::text <> ALL(${sql.value(CLOSED_MILESTONE_STATUSES)}::text[]))`;
}

/**
 * FROM … WHERE … of the milestones (`m`, project `p`, area `pa`, agreement `a`) matching the
 * filters in the actor's scope. `today` decides "overdue".
 */
export function milestonesFrom(sql: Sql, filters: MilestoneFilters, actor: Actor, today: string, joins = ''): string {
  return `FROM milestones m ${throughProject('m.project_id')} ${joins} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('pa.agreement_id', filters.agreementId),
    sql.equals('m.project_id', filters.projectId),
    sql.equals('m.status', filters.status),
    filters.overdue !== undefined && `${filters.overdue ? '' : 'NOT '}${overdueSql(sql, today)}`,
    filters.dueFrom && `m.due_date >= ${sql.value(filters.dueFrom)}`,
    filters.dueTo && `m.due_date <= ${sql.value(filters.dueTo)}`,
    sql.contains(['m.title'], filters.q),
  ])}`;
}

/** One milestone in the actor's scope. */
export function milestoneSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${MILESTONE_COLUMNS} FROM milestones m ${throughProject('m.project_id')}
    WHERE m.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The list's page and count statements. */
export function milestoneList(query: ListMilestonesQuery, actor: Actor, today: string): PageStatements {
  return plainList(
    MILESTONE_COLUMNS,
    (sql) => milestonesFrom(sql, query, actor, today),
    MILESTONE_SORT.orderBy(query.sort),
    query,
  );
}
