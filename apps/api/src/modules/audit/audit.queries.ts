import { where, type Sql, plainList, type PageStatements } from '../../persistence/sql';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

/** The SQL of the audit trail's reads: newest first. */

/** Newest first (the order of IDX_audit_events_occurred_at). */
export const AUDIT_ORDER = 'e.occurred_at DESC, e.id DESC';

export const AUDIT_EVENT_COLUMNS = `
  e.id, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", e.actor_name AS "actorName", e.action,
  e.entity_type AS "entityType", e.entity_id AS "entityId", e.project_id AS "projectId", e.changes`;

/** FROM … WHERE … of the events matching the filters; from/to are whole days in `timeZone`. */
export function auditEventsFrom(sql: Sql, filters: ListAuditEventsQuery, timeZone: string): string {
  const day = (date: string, plus: number): string =>
    `((${sql.value(date)}::date + ${plus})::timestamp AT TIME ZONE ${sql.value(timeZone)})`;
  return `FROM audit_events e WHERE ${where([
    sql.equals('e.entity_type', filters.entityType),
    sql.equals('e.entity_id', filters.entityId),
    sql.equals('e.project_id', filters.projectId),
    sql.equals('e.actor_id', filters.actorId),
    sql.equals('e.action', filters.action),
    filters.from && `e.occurred_at >= ${day(filters.from, 0)}`,
    filters.to && `e.occurred_at < ${day(filters.to, 1)}`,
  ])}`;
}

/** The list's page and count statements. */
export function auditEventList(query: ListAuditEventsQuery, timeZone: string): PageStatements {
  return plainList(AUDIT_EVENT_COLUMNS, (sql) => auditEventsFrom(sql, query, timeZone), AUDIT_ORDER, query);
}
