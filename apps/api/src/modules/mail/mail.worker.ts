import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { queryRows } from '../../persistence/sql';
import { claimDueSql, markAttemptFailedSql, markSentSql, type DueMessageRow } from './mail.queries';
import { renderMail } from './mail.templates';
import { MailProducers, type MailProducer } from './outbox';

/** Advisory-lock namespace of the producers (4242001… are taken by other locks). */
const PRODUCER_LOCK_NAMESPACE = 4242013;
/**
 * Messages claimed (and locked) by one transaction of the worker. On the embedded database, whose
 * pool has one connection, one at a time: the claiming transaction holds that connection while it
 * sends, and requests wait meanwhile.
 */
export const MAIL_BATCH_SIZE = 20;
const EMBEDDED_BATCH_SIZE = 1;
/** The wait after a first failed attempt; it doubles with each further failure, up to the cap. */
export const MAIL_BACKOFF_BASE_SECONDS = 30;
export const MAIL_BACKOFF_CAP_SECONDS = 60 * 60;
/** SMTP timeouts: a mail server that hangs must not hold a batch's row locks for long. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/**
 * nodemailer's codes for a mail server that cannot be reached or will not talk to Salkku (as
 * opposed to one message refused): after one of them the tick stops sending, so an outage costs
 * one attempt (and at most one connection timeout) per tick instead of one per waiting message.
 */
const SERVER_FAILURES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'ENOAUTH',
  'EPROXY',
  'EHLO',
  'EPROTOCOL',
  'ECONFIG',
]);

function isServerFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SERVER_FAILURES.has(code);
}

/** The wait before the next attempt after `attempts` failed ones (1 → 30 s, 2 → 1 min, … capped at 1 h). */
export function backoffSeconds(attempts: number): number {
  return Math.min(MAIL_BACKOFF_CAP_SECONDS, MAIL_BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/** What one tick did (for tests and logs). */
export interface MailTickReport {
  /** Producers that ran here (another instance may hold a producer's lock: it is skipped then). */
  produced: string[];
  sent: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  /** Messages given up after MAIL_MAX_ATTEMPTS. */
  failed: number;
  /** A step of the tick failed (a database outage, say): logged, and tried again next tick. */
  errors: number;
}

/**
 * The mail worker: every MAIL_WORKER_INTERVAL_SECONDS it runs the registered producers and sends
 * the due messages of the outbox. The outbox table is the queue, so any number of API instances
 * may run it on one database:
 * - each producer runs in a transaction of its own under a transaction-scoped advisory lock, so
 *   one instance at a time runs it (the others skip it that tick); its dedupe keys make a repeat
 *   write nothing;
 * - messages are claimed in batches with FOR UPDATE SKIP LOCKED and stay locked until they are
 *   marked sent or failed in the same transaction, so no message is sent by two instances;
 * - a failed attempt records its error and the next attempt's time (exponential backoff, capped);
 *   after MAIL_MAX_ATTEMPTS the message is marked failed and stays in the outbox for admins. When
 *   the server itself fails (unreachable, TLS, authentication), the tick stops sending after
 *   that one attempt: the other messages wait, untouched, for the next tick;
 * With no SMTP_URL nothing is sent: the producers still run, and the messages stay pending for
 * admins to read in the app. A database or mail server outage is logged, never thrown.
 * Delivery is at least once: a crash (or a lost database) between the SMTP server's acceptance
 * and the commit of "sent" sends that message again.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MailWorker');
  private readonly transport: Transporter | null;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<MailTickReport> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly producers: MailProducers,
  ) {
    this.transport = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS }, { from: config.mailFrom })
      : null;
    this.batchSize = config.databaseUrl === null ? EMBEDDED_BATCH_SIZE : MAIL_BATCH_SIZE;
  }

  onApplicationBootstrap(): void {
    if (this.config.mailWorkerIntervalSeconds > 0) this.schedule();
  }

  /** Stops the timer and waits for a tick under way, while the database is still open. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.transport?.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick().then(() => this.schedule());
    }, this.config.mailWorkerIntervalSeconds * 1000);
    // A pending tick never keeps the process alive on its own.
    this.timer.unref();
  }

  /**
   * One round of work now: the producers, then the due messages. Ticks of one instance run one
   * after another (a tick asked for during another starts when it ends). Never rejects.
   * `now` decides what is due and when a retry is (tests pass a later time instead of waiting).
   */
  tick(now: Date = new Date()): Promise<MailTickReport> {
    const previous = this.running ?? Promise.resolve(null);
    const run = previous.then(() => this.runTick(now));
    this.running = run;
    void run.then(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  private async runTick(now: Date): Promise<MailTickReport> {
    const report: MailTickReport = { produced: [], sent: 0, retrying: 0, failed: 0, errors: 0 };
    for (const producer of this.producers.all()) {
      if (this.stopped) return report;
      try {
        if (await this.runProducer(producer, now)) report.produced.push(producer.name);
      } catch (error) {
        report.errors++;
        this.logger.error(`The mail producer ${producer.name} failed: ${describe(error)}`);
      }
    }
    if (!this.transport) return report;
    try {
      while (!this.stopped) {
        const { claimed, serverDown } = await this.sendBatch(now, report);
        if (serverDown || claimed < this.batchSize) break;
      }
    } catch (error) {
      report.errors++;
      this.logger.error(`Sending the outbox failed (tried again next tick): ${describe(error)}`);
    }
    return report;
  }

  /** Runs a producer in its own transaction if no other instance is running it; true if it ran. */
  private runProducer(producer: MailProducer, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
        [PRODUCER_LOCK_NAMESPACE, producer.name],
      );
      if (!lock?.locked) return false;
      await producer.produce(manager, now);
      return true;
    });
  }

  /**
   * Claims one batch of due messages, sends each and records the outcome; returns how many it
   * claimed, and whether the mail server failed as a whole (the batch's other messages are then
   * left as they were, still due, for the next tick).
   */
  private sendBatch(now: Date, report: MailTickReport): Promise<{ claimed: number; serverDown: boolean }> {
    const transport = this.transport!;
    return this.dataSource.transaction(async (manager) => {
      const due = await queryRows<DueMessageRow>(manager, (sql) => claimDueSql(sql, now, this.batchSize));
      for (const message of due) {
        let problem: string | null = null;
        let serverDown = false;
        try {
          const mail = renderMail(message, this.config.publicUrl);
          await transport.sendMail({
            to: message.recipientEmail,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
          });
        } catch (error) {
          problem = describe(error).slice(0, 1000);
          serverDown = isServerFailure(error);
        }
        if (problem === null) {
          await queryRows(manager, (sql) => markSentSql(sql, message.id));
          report.sent++;
          continue;
        }
        const attempts = message.attempts + 1;
        const outcome =
          attempts >= this.config.mailMaxAttempts
            ? ({ failed: true } as const)
            : { retryAt: new Date(now.getTime() + backoffSeconds(attempts) * 1000) };
        await queryRows(manager, (sql) => markAttemptFailedSql(sql, message.id, problem, outcome));
        if ('failed' in outcome) {
          report.failed++;
          this.logger.error(`Gave up mail ${message.id} after ${attempts} attempts: ${problem}`);
        } else {
          report.retrying++;
          this.logger.warn(`Mail ${message.id} not sent (attempt ${attempts}), retrying later: ${problem}`);
        }
        if (serverDown) return { claimed: due.length, serverDown: true };
      }
      return { claimed: due.length, serverDown: false };
    });
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const smtp = error as Error & { responseCode?: number; response?: string };
  return smtp.response && !error.message.includes(smtp.response) ? `${error.message}: ${smtp.response}` : error.message;
}
