import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  poolSize: number;
  embedded: EmbeddedPostgres | null;
}

/** DATABASE_URL when given; otherwise start the embedded PostgreSQL in the data directory. */
export async function resolveDatabase(config: AppConfig): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, poolSize: config.poolSize, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir);
  return { url: embedded.url, poolSize: 1, embedded };
}
