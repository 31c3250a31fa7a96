import type { Sql } from '../../persistence/sql';

/** The SQL of the settings: the single accessibility feedback row (its migration inserts it). */
export function accessibilitySettingsSql(_sql: Sql): string {
  return `SELECT s.id, s.email, s.phone, s.organisation_name AS "organisationName", s.version,
      s.created_at AS "createdAt", s.updated_at AS "updatedAt"
    FROM accessibility_feedback_settings s ORDER BY s.created_at LIMIT 1`;
}
