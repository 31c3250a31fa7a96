import { Injectable } from '@nestjs/common';
import type { MailKind } from '@salkku/shared';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../persistence/sql';
import { enqueueMailSql } from './mail.queries';

/** A project a recipient's city owes a report for, as the notices list it. */
export interface OwedReport {
  projectName: string;
  reportId: string;
}

/**
 * What each kind's template is given. Dates are ISO (YYYY-MM-DD) and periods as stored ("2025",
 * "2025-H1"); the template formats them in the recipient's language. Links are built from the ids.
 */
export interface MailParams {
  round_opened: {
    roundId: string;
    agreementTitle: string;
    period: string;
    dueDate: string;
    instructions: string | null;
    reports: OwedReport[];
  };
  round_reminder: { roundId: string; agreementTitle: string; period: string; dueDate: string; reports: OwedReport[] };
  report_overdue: { roundId: string; agreementTitle: string; period: string; dueDate: string; reports: OwedReport[] };
  report_returned: {
    roundId: string;
    reportId: string;
    projectName: string;
    period: string;
    comment: string;
    returnedBy: string;
  };
  report_approved: { roundId: string; reportId: string; projectName: string; period: string; approvedBy: string };
  weekly_digest: {
    items: Array<{
      roundId: string;
      reportId: string;
      agreementTitle: string;
      projectName: string;
      period: string;
      dueDate: string;
      status: 'owed' | 'draft' | 'returned';
      overdue: boolean;
    }>;
  };
}

/** One message to write: to a user (address and language read from the user at the time of the event). */
export type OutboxEntry = {
  [K in MailKind]: {
    kind: K;
    userId: string;
    params: MailParams[K];
    /** Unique among every message ever written (e.g. `reminder:<round>:<user>`): a duplicate is skipped. */
    dedupeKey?: string;
  };
}[MailKind];

/**
 * Writes messages to the outbox in the caller's transaction (pass the transaction's manager), so
 * that they are sent only if the event commits. Inactive users get nothing; a message whose
 * dedupe key was ever written before is skipped. Returns how many were written.
 */
export async function enqueueMail(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(manager, (sql) => enqueueMailSql(sql, entries));
  return rows.length;
}

/**
 * Work that writes messages on a schedule rather than on an event (reminders before a due date,
 * overdue notices, the weekly digest). The mail worker runs every registered producer on each tick
 * in its own transaction, on one API instance at a time; a producer makes its messages idempotent
 * with dedupe keys, so a tick repeated anywhere writes nothing twice.
 */
export interface MailProducer {
  readonly name: string;
  produce(manager: EntityManager, now: Date): Promise<void>;
}

/** The registered producers: a feature registers its producer when its module starts. */
@Injectable()
export class MailProducers {
  private readonly producers: MailProducer[] = [];

  register(producer: MailProducer): void {
    this.producers.push(producer);
  }

  all(): readonly MailProducer[] {
    return this.producers;
  }
}
