/**
 * Email (issue 13): every message is written to the outbox in the same transaction as the event
 * that causes it and sent later by a worker, in the recipient's language.
 */
export const MAIL_KINDS = [
  /** A reporting round was opened: what the recipient's city owes and by when. */
  'round_opened',
  /** A round's due date is near (the round's reminder days before it). */
  'round_reminder',
  /** A report is past its round's due date. */
  'report_overdue',
  /** A submitted report was returned for changes, with the comment. */
  'report_returned',
  /** A submitted report was approved. */
  'report_approved',
  /** The weekly digest of what a coordinator owes (the one message a user can turn off). */
  'weekly_digest',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** An outbox message: waiting to be sent (or kept for admins when no mail server is configured), sent, or given up. */
export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** The kinds a user may turn off; notices about their own reports always arrive. */
export const OPTIONAL_MAIL_KINDS: readonly MailKind[] = ['weekly_digest'];
