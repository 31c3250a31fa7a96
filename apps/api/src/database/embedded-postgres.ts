import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the
 * PostgreSQL wire protocol on a loopback port, so that the same `pg` driver, TypeORM and
 * migrations run unchanged. Used when DATABASE_URL is not set.
 *
 * PGlite is single-user: the socket server accepts one connection, so the pool size is 1.
 * A data directory may be opened by one process only; a lock file holding the owner's PID
 * makes a second instance fail with a clear message instead of corrupting the data.
 */
export interface EmbeddedPostgres {
  url: string;
  /** Whether the data directory was created by this start (a brand-new database). */
  created: boolean;
  stop(): Promise<void>;
}

export class DataDirectoryLockedError extends Error {}

const LOCK_FILE = 'salkku.lock';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data directory's lock or throws DataDirectoryLockedError. Returns the release function. */
export function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner)) {
        throw new DataDirectoryLockedError(
          `The embedded database in ${dataDir} is in use by another Salkku process (PID ${owner}). ` +
            'Stop that process, or point this one at another directory with SALKKU_DATA_DIR, ' +
            'or use a PostgreSQL server with DATABASE_URL to run several instances.',
        );
      }
      // The owner is gone (a crash or kill -9): the lock is stale, take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirectoryLockedError(`Could not lock the data directory ${dataDir}`);
}

/**
 * Starts PGlite and its socket server on 127.0.0.1 (a free port). With `dataDir` null the
 * database lives in memory (tests); otherwise in `<dataDir>/pglite`.
 */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  // PGlite is ESM with top-level WebAssembly loading: import it dynamically.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // The extensions the migrations create (pg_trgm: the trigram indexes of the project search).
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const extensions = { pg_trgm };

  let release: (() => void) | null = null;
  let created = true;
  let db: InstanceType<typeof PGlite>;
  if (dataDir === null) {
    db = await PGlite.create({ extensions });
  } else {
    release = lockDataDirectory(dataDir);
    const pgDir = join(dataDir, 'pglite');
    try {
      created = !existsNonEmpty(pgDir);
      db = await PGlite.create(pgDir, { extensions });
    } catch (error) {
      release();
      throw error;
    }
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    url,
    created,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      release?.();
    },
  };
}

function existsNonEmpty(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
