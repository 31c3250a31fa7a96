import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * The data source for the stock TypeORM CLI, for anyone who prefers it to `pnpm migration:*`:
 *   DATABASE_URL=… npx typeorm migration:show -d migrations/dist/data-source.js
 * It uses the API's own connection options (entities, naming, migrations), so build first
 * (`pnpm build`). The API is loaded by path at run time because the API depends on this package,
 * not the other way round.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('Set DATABASE_URL to the PostgreSQL database to migrate');
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const api = require('../../apps/api/dist/database/data-source-options.js') as {
  createDataSourceOptions(settings: { url: string; poolSize: number }): DataSourceOptions;
};

export default new DataSource(api.createDataSourceOptions({ url, poolSize: 1 }));
