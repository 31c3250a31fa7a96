import type { DataSource, Migration } from 'typeorm';

/** Advisory-lock key that serialises migrations across Salkku instances on one database. */
const MIGRATION_LOCK = 4242002;

/**
 * Runs pending migrations, each in its own transaction. When several instances start at once on
 * one PostgreSQL, a session advisory lock lets one migrate while the others wait and then find
 * nothing to do. A one-connection pool (the embedded database, which has one owner anyway)
 * cannot hold the lock on a second connection, so it migrates without it.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const poolSize = (dataSource.options.extra as { max?: number } | undefined)?.max ?? 10;
  if (poolSize < 2) return dataSource.runMigrations({ transaction: 'each' });
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
