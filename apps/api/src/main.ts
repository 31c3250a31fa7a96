import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { resolveDatabase } from './database/database-url';
import { DataDirectoryLockedError } from './database/embedded-postgres';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config);
  try {
    const app = await createApp(config, database);
    // Nest's Logger writes through the app's logger (JSON, see common/logging.ts) from here on.
    const logger = new Logger('Salkku');
    logger.log(
      database.embedded
        ? `Embedded PostgreSQL (PGlite) with data in ${config.dataDir}`
        : 'PostgreSQL from DATABASE_URL',
    );
    await app.listen(config.port, config.host);
    logger.log(`Salkku is listening on http://localhost:${config.port} (API at /api, docs at /api/docs)`);
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirectoryLockedError) {
    console.error(`Salkku cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
