import type { OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EmbeddedPostgres } from './embedded-postgres';

/**
 * Stops the embedded PostgreSQL when the application shuts down (app.close(), SIGTERM, SIGINT):
 * first the connection pool, then the socket server and PGlite, then the data-directory lock.
 * The TypeORM module closes its data source in the same hook; closing it here first is
 * harmless (it checks isInitialized) and guarantees the order.
 */
export class EmbeddedPostgresLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly embedded: EmbeddedPostgres,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded.stop();
  }
}
