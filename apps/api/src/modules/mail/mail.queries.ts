import type { Sql } from '../../persistence/sql';
import type { OutboxEntry } from './outbox';

/** Inserts outbox messages for active users, skipping dedupe keys already written; returns the ids written. */
export function enqueueMailSql(sql: Sql, entries: readonly OutboxEntry[]): string {
  return `INSERT INTO mail_outbox (kind, user_id, recipient_email, language, params, dedupe_key)
    SELECT e.kind::mail_kind, u.id, u.email, u.language, e.params, e.dedupe_key
    FROM unnest(${sql.value(entries.map((e) => e.kind))}::text[], ${sql.value(entries.map((e) => e.userId))}::uuid[],
      ${sql.value(entries.map((e) => JSON.stringify(e.params)))}::jsonb[],
      ${sql.value(entries.map((e) => e.dedupeKey ?? null))}::text[]) WITH ORDINALITY AS e(kind, user_id, params, dedupe_key, n)
    JOIN users u ON u.id = e.user_id AND u.active
    ORDER BY e.n
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
}
