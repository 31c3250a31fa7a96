import { OPTIONAL_MAIL_KINDS, type Language, type MailKind, type MailStatus } from '@salkku/shared';
import { plainList, where, type PageStatements, type Sql } from '../../persistence/sql';
import type { ListMailOutboxQuery } from './dto/list-mail-outbox.query';
import type { OutboxEntry } from './outbox';

/**
 * Inserts outbox messages for active users, skipping dedupe keys already written; returns the ids
 * written. The kinds a user may turn off (OPTIONAL_MAIL_KINDS: the weekly digest) are not written
 * for a user who turned them off; every other kind is, whatever the user chose.
 */
export function enqueueMailSql(sql: Sql, entries: readonly OutboxEntry[]): string {
  return `INSERT INTO mail_outbox (kind, user_id, recipient_email, language, params, dedupe_key)
    SELECT e.kind::mail_kind, u.id, u.email, u.language, e.params, e.dedupe_key
    FROM unnest(${sql.value(entries.map((e) => e.kind))}::text[], ${sql.value(entries.map((e) => e.userId))}::uuid[],
      ${sql.value(entries.map((e) => JSON.stringify(e.params)))}::jsonb[],
      ${sql.value(entries.map((e) => e.dedupeKey ?? null))}::text[]) WITH ORDINALITY AS e(kind, user_id, params, dedupe_key, n)
    JOIN users u ON u.id = e.user_id AND u.active
      AND (u.mail_digest OR e.kind <> ALL(${sql.value(OPTIONAL_MAIL_KINDS)}::text[]))
    ORDER BY e.n
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
}

/** A message the worker sends: what it is rendered from and where it goes. */
export interface DueMessageRow {
  id: string;
  kind: MailKind;
  language: Language;
  params: Record<string, unknown>;
  recipientEmail: string;
  attempts: number;
}

/**
 * Claims up to `limit` messages due at `now` (or at the database's time, if later: a message a
 * producer wrote a moment ago in this tick is due), oldest due first, locking them until the claiming
 * transaction ends. Rows another instance has claimed are skipped (SKIP LOCKED), and a row sent
 * meanwhile no longer matches when its lock is taken (the WHERE is checked again on the latest
 * row), so no message is claimed by two instances.
 */
export function claimDueSql(sql: Sql, now: Date, limit: number): string {
  return `SELECT id, kind, language, params, recipient_email AS "recipientEmail", attempts
    FROM mail_outbox
    WHERE status = 'pending' AND next_attempt_at <= GREATEST(now(), ${sql.value(now)}::timestamptz)
    ORDER BY next_attempt_at, id
    LIMIT ${sql.value(limit)}
    FOR UPDATE SKIP LOCKED`;
}

/** Marks a claimed message sent. */
export function markSentSql(sql: Sql, id: string): string {
  return `UPDATE mail_outbox
    SET status = 'sent', attempts = attempts + 1, sent_at = clock_timestamp(), last_error = NULL,
      updated_at = now(), version = version + 1
    WHERE id = ${sql.value(id)}`;
}

/**
 * Records a failed attempt of a claimed message: its error, and either the time of the next
 * attempt (backoff) or, when it was the last allowed attempt, the status failed.
 */
export function markAttemptFailedSql(
  sql: Sql,
  id: string,
  error: string,
  outcome: { retryAt: Date } | { failed: true },
): string {
  const next = 'retryAt' in outcome ? `next_attempt_at = ${sql.value(outcome.retryAt)}` : `status = 'failed'`;
  return `UPDATE mail_outbox
    SET attempts = attempts + 1, last_error = ${sql.value(error)}, ${next}, updated_at = now(), version = version + 1
    WHERE id = ${sql.value(id)}`;
}

/** One row of the admin's outbox list (rendered in the service). */
export interface OutboxRow {
  id: string;
  kind: MailKind;
  status: MailStatus;
  userId: string | null;
  recipientName: string | null;
  recipientEmail: string;
  language: Language;
  params: Record<string, unknown>;
  dedupeKey: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
}

const OUTBOX_COLUMNS = `m.id, m.kind, m.status, m.user_id AS "userId", u.display_name AS "recipientName",
  m.recipient_email AS "recipientEmail", m.language, m.params, m.dedupe_key AS "dedupeKey", m.attempts,
  m.last_error AS "lastError", m.created_at AS "createdAt", m.next_attempt_at AS "nextAttemptAt", m.sent_at AS "sentAt"`;

/** Newest first. */
const OUTBOX_ORDER = 'm.created_at DESC, m.id DESC';

/** FROM … WHERE … of the outbox messages matching the filters. */
export function outboxFrom(sql: Sql, filters: ListMailOutboxQuery): string {
  return `FROM mail_outbox m LEFT JOIN users u ON u.id = m.user_id
    WHERE ${where([sql.equals('m.status', filters.status), sql.equals('m.kind', filters.kind)])}`;
}

/** The admin's outbox list: page and count statements. */
export function outboxList(query: ListMailOutboxQuery): PageStatements {
  return plainList(OUTBOX_COLUMNS, (sql) => outboxFrom(sql, query), OUTBOX_ORDER, query);
}
