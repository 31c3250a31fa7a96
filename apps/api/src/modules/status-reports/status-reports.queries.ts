import type { Actor } from '../../common/actor';
import { SortColumns, throughProject, where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListStatusReportsQuery } from './dto/list-status-reports.query';

/**
 * The SQL of status reports: the list's filters and sort (the list and the CSV export) and a
 * report's columns. A report's city is its project's agreement's city.
 */

/** Two reports on the same date: the one written later is the newer. */
export const STATUS_REPORT_SORT = new SortColumns(
  { reportingDate: 's.reporting_date', createdAt: 's.created_at', health: 's.health' },
  '-reportingDate',
  's.id',
  { reportingDate: 's.created_at' },
);

/** The columns of a status report response (project joined). */
export const STATUS_REPORT_COLUMNS = `
  s.id, s.project_id AS "projectId", p.code AS "projectCode", p.name AS "projectName",
  s.reporting_date AS "reportingDate", s.health, s.lifecycle_status AS "lifecycleStatus", s.summary,
  s.risks, s.next_steps AS "nextSteps", s.author, s.created_at AS "createdAt", s.version`;

/** The list's filters and sort (the CSV export takes the same). */
export type StatusReportFilters = Omit<ListStatusReportsQuery, 'page' | 'pageSize'>;

/**
 * FROM … WHERE … of the status reports (`s`, project `p`, area `pa`, agreement `a`) matching the
 * filters in the actor's scope. With `latestOnly`, each project's latest report within the date
 * range; the health filter applies to it.
 */
export function statusReportsFrom(sql: Sql, filters: StatusReportFilters, actor: Actor, joins = ''): string {
  const range = (alias: string): Array<string | undefined> => [
    sql.equals(`${alias}.project_id`, filters.projectId),
    filters.reportedFrom && `${alias}.reporting_date >= ${sql.value(filters.reportedFrom)}`,
    filters.reportedTo && `${alias}.reporting_date <= ${sql.value(filters.reportedTo)}`,
  ];
  const latest =
    filters.latestOnly &&
    `s.id IN (SELECT DISTINCT ON (l.project_id) l.id FROM status_reports l WHERE ${where(range('l'))}
      ORDER BY l.project_id, l.reporting_date DESC, l.created_at DESC, l.id DESC)`;
  return `FROM status_reports s ${throughProject('s.project_id')} ${joins} WHERE ${where([
    sql.scope(actor, 'a.city_id'),
    sql.equals('pa.agreement_id', filters.agreementId),
    ...range('s'),
    latest,
    sql.equals('s.health', filters.health),
  ])}`;
}

/** One status report in the actor's scope. */
export function statusReportSql(sql: Sql, id: string, actor: Actor): string {
  return `SELECT ${STATUS_REPORT_COLUMNS} FROM status_reports s ${throughProject('s.project_id')}
    WHERE s.id = ${sql.value(id)} AND ${sql.scope(actor, 'a.city_id')}`;
}

/** The list's page and count statements. */
export function statusReportList(query: ListStatusReportsQuery, actor: Actor): PageStatements {
  return plainList(
    STATUS_REPORT_COLUMNS,
    (sql) => statusReportsFrom(sql, query, actor),
    STATUS_REPORT_SORT.orderBy(query.sort),
    query,
  );
}
