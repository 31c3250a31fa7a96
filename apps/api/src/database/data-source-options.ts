import { MIGRATIONS } from '@salkku/migrations';
import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from '../persistence/naming-strategy';
import { SqlLogger } from '../persistence/sql-logger';

// Calendar dates (OID 1082) stay "YYYY-MM-DD" strings: a JS Date would shift them by time zone.
types.setTypeParser(1082, (value: string) => value);

export interface DataSourceSettings {
  url: string;
  /** Pool size; the embedded database takes exactly one connection. */
  poolSize: number;
  logSql?: boolean;
}

/** The one description of Salkku's database connection, used by the app, the CLI and tests. */
export function createDataSourceOptions(settings: DataSourceSettings): DataSourceOptions & { logger: SqlLogger } {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logger: new SqlLogger(settings.logSql ?? false),
    maxQueryExecutionTime: 1000,
    // An unreachable server (a cut network rather than a refused connection) fails a request
    // with 503 after this long instead of leaving it waiting for a connection forever.
    connectTimeoutMS: 5000,
    // jit off: Salkku's statements are short, and PostgreSQL's JIT compiler (on above a cost
    // estimate) spent 0.7 s compiling a national report whose estimate counts per-row fallbacks
    // that rarely run (issue 11). The export turns it off per transaction too.
    extra: { max: settings.poolSize, application_name: 'salkku', options: '-c jit=off' },
  };
}
