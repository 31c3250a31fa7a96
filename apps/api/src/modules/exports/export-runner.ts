import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CrlfRecordEnds } from './crlf-record-ends';
import type { CsvProfile } from './csv-format';
import type { ExportStatement } from './export.queries';

/** Advisory-lock namespace of the per-user export slots (4242001… are taken by other locks). */
const EXPORT_LOCK_NAMESPACE = 4242006;
/** Seconds a client is told to wait after 429 TOO_MANY_EXPORTS. */
const RETRY_AFTER_SECONDS = 10;
/**
 * How often (ms) PostgreSQL checks, while an export query runs, that the client is still there
 * (PostgreSQL 14+, on platforms with POLLRDHUP): an export aborted while the server is still
 * sorting ends within this time, not when the sort is done.
 */
const CONNECTION_CHECK_MS = 1000;

export interface ExportJob {
  /** The user whose export slots it takes. */
  userId: string;
  dataset: string;
  statement: ExportStatement;
  profile: CsvProfile;
  /** BOM (if any) and the header row, written before the rows. */
  header: Buffer;
  fileName: string;
}

/** A failure once the response has started: the download is cut short, nothing else can be said. */
class StreamingFailed extends Error {}

function tooManyExports(message: string): DomainError {
  return new DomainError('TOO_MANY_EXPORTS', message, undefined, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}

/**
 * Runs CSV exports: PostgreSQL's COPY streams the finished rows, Node pipes the bytes to the
 * response with backpressure (stream.pipeline), and never holds rows.
 *
 * Each export has a connection of its own from the pool TypeORM uses (not a TypeORM
 * transaction, which would hold a query runner for the whole download), in which it
 * - takes one of the user's EXPORTS_PER_USER slots, a session advisory lock keyed by the user and
 *   slot number, so the limit holds across every API instance on the database; none free → 429;
 * - counts the rows and runs the COPY in one REPEATABLE READ READ ONLY transaction, so the
 *   X-Export-Rows header is exactly the number of rows that follow.
 * Besides, one instance runs at most EXPORTS_PER_API exports (at most pool size − 1), so
 * exports never take the connection ordinary requests need; one more → 429.
 *
 * A client that goes away mid-download: pipeline destroys the COPY stream and the connection
 * is released *with an error*, so the pool discards it (pg closes the socket of a connection
 * with a query in flight) and PostgreSQL ends that backend at once, dropping its locks.
 *
 * The embedded database (PGlite) has one connection in all and computes a query's whole result
 * before sending it anyway: there the COPY goes to a temporary file first and the connection is
 * free again before the (possibly slow) download starts.
 */
@Injectable()
export class ExportRunner {
  private readonly logger = new Logger('Exports');
  private running = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /** Exports this instance runs at once: EXPORTS_PER_API, at most pool size − 1 (at least 1). */
  get instanceLimit(): number {
    const ceiling = Math.max(1, (this.pool.options.max ?? 10) - 1);
    return Math.min(this.config.exportsPerInstance ?? ceiling, ceiling);
  }

  private get embedded(): boolean {
    return this.config.databaseUrl === null;
  }

  /**
   * Streams the export into the response. Throws DomainError (the normal JSON error) for what
   * goes wrong before the response starts; a failure later cuts the download short and is logged.
   */
  async run(res: Response, job: ExportJob): Promise<void> {
    if (this.running >= this.instanceLimit) {
      throw tooManyExports('This server is running as many exports as it may at once; try again shortly');
    }
    this.running++;
    let complete: boolean;
    try {
      complete = await this.withConnection(res, job);
    } finally {
      this.running--;
    }
    // The response ends only now, after the connection, the user's slot and this instance's
    // count are free again: a client that starts its next export the moment this one arrives
    // is not refused for resources the finished one still held.
    if (complete) res.end();
  }

  /** Writes the export's body (not ending the response). False: cut short (already destroyed). */
  private async withConnection(res: Response, job: ExportJob): Promise<boolean> {
    const started = Date.now();
    const lease = new Lease(await this.pool.connect(), this.logger);
    try {
      lease.slot = await this.takeSlot(lease.client, job.userId);
      if (lease.slot === null) {
        throw tooManyExports(`You are running ${this.config.exportsPerUser} exports already; wait for one to finish`);
      }
      const rows = this.embedded ? await this.spooled(lease, res, job) : await this.streamed(lease, res, job);
      await lease.release();
      this.logger.log(`${job.dataset}: ${rows} rows in ${Date.now() - started} ms`);
      return true;
    } catch (error) {
      if (error instanceof StreamingFailed) {
        // The connection may be mid-COPY: discard it, which ends the backend and its locks.
        await lease.release(error);
        if (!res.destroyed) res.destroy(error);
        const cause = error.cause as NodeJS.ErrnoException | undefined;
        if (cause?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
          this.logger.log(`${job.dataset}: download aborted by the client after ${Date.now() - started} ms`);
        } else {
          this.logger.error(`${job.dataset}: export failed while streaming: ${cause?.message ?? error.message}`);
        }
        return false;
      }
      // Nothing sent yet: end the transaction, keep the connection, answer with the normal error.
      if (!lease.released) await lease.client.query('ROLLBACK').catch(() => undefined);
      await lease.release();
      throw error;
    }
  }

  /** Takes the first free slot of the user's EXPORTS_PER_USER (a session advisory lock), or null. */
  private async takeSlot(client: PoolClient, userId: string): Promise<string | null> {
    for (let n = 1; n <= this.config.exportsPerUser; n++) {
      const key = `${userId}:${n}`;
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [EXPORT_LOCK_NAMESPACE, key],
      );
      if (rows[0]?.locked) return key;
    }
    return null;
  }

  /**
   * BEGIN and the row count, in the snapshot the COPY will read. JIT off: an export's plan is
   * costed high (a subquery per row), so PostgreSQL would spend up to a second compiling it
   * (measured: 10,000 projects 1.4 s with JIT, 0.3 s without) for no gain in a streaming scan.
   */
  private async begin(client: PoolClient, job: ExportJob): Promise<number> {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL jit = off');
    const { rows } = await client.query<[string | number]>({ text: job.statement.count, rowMode: 'array' });
    return Number(rows[0]?.[0] ?? 0);
  }

  private copyStatement(job: ExportJob): string {
    const delimiter = job.profile.delimiter === ';' ? "';'" : "','";
    return `COPY (${job.statement.select}) TO STDOUT (FORMAT csv, DELIMITER ${delimiter}, ENCODING 'UTF8')`;
  }

  private startResponse(res: Response, job: ExportJob, rows: number): void {
    const ascii = job.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(job.fileName)}`,
    );
    res.setHeader('X-Export-Rows', String(rows));
    // no-transform: the compression middleware leaves the stream alone (see docs/PERFORMANCE.md).
    res.setHeader('Cache-Control', 'no-store, no-transform');
    res.write(job.header);
  }

  /** PostgreSQL: COPY straight into the response. Returns the number of rows. */
  private async streamed(lease: Lease, res: Response, job: ExportJob): Promise<number> {
    await lease.checkClientConnection();
    const rows = await this.begin(lease.client, job);
    if (res.destroyed) throw new StreamingFailed('aborted', { cause: { code: 'ERR_STREAM_PREMATURE_CLOSE' } });
    this.startResponse(res, job, rows);
    const copy = lease.client.query(copyTo(this.copyStatement(job)));
    try {
      await pipeline(copy, new CrlfRecordEnds(), res, { end: false });
    } catch (error) {
      throw new StreamingFailed('streaming failed', { cause: error });
    }
    await lease.client.query('COMMIT');
    return rows;
  }

  /**
   * Embedded database: COPY into a temporary file, unlock and let the connection go, then send
   * the file. Until the response starts, errors are the normal JSON errors.
   */
  private async spooled(lease: Lease, res: Response, job: ExportJob): Promise<number> {
    const dir = await mkdtemp(join(tmpdir(), 'salkku-export-'));
    try {
      const file = join(dir, 'export.csv');
      const rows = await this.begin(lease.client, job);
      await pipeline(
        lease.client.query(copyTo(this.copyStatement(job))),
        new CrlfRecordEnds(),
        createWriteStream(file),
      );
      await lease.client.query('COMMIT');
      await lease.release();
      this.startResponse(res, job, rows);
      try {
        await pipeline(createReadStream(file), res, { end: false });
      } catch (error) {
        throw new StreamingFailed('streaming failed', { cause: error });
      }
      return rows;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** An export's own pool connection, its user slot, and its one release. */
class Lease {
  slot: string | null = null;
  released = false;
  private checkSet = false;
  private readonly onError = (error: Error) => this.logger.warn(`Export connection error: ${error.message}`);

  constructor(
    readonly client: PoolClient,
    private readonly logger: Logger,
  ) {
    // A checked-out client has no error listener of the pool's: a dropped connection must not
    // take the process down.
    client.on('error', this.onError);
  }

  /** Asks PostgreSQL to notice a vanished client during long steps (where the server supports it). */
  async checkClientConnection(): Promise<void> {
    try {
      await this.client.query(`SET client_connection_check_interval = ${CONNECTION_CHECK_MS}`);
      this.checkSet = true;
    } catch {
      // PostgreSQL 13, or a platform without the check: closing the socket still ends the
      // backend as soon as it next sends.
    }
  }

  /**
   * Back to the pool: normally after unlocking the slot (and undoing the session setting); with
   * an error, discarded, which closes the connection and so ends the backend and its locks.
   */
  async release(error?: Error): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (!error) {
      try {
        if (this.slot !== null) {
          await this.client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [EXPORT_LOCK_NAMESPACE, this.slot]);
        }
        if (this.checkSet) await this.client.query('RESET client_connection_check_interval');
      } catch (cleanupError) {
        error = cleanupError as Error;
      }
      this.client.removeListener('error', this.onError);
    }
    this.client.release(error ?? false);
  }
}
