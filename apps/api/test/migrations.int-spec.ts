import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/migrate';
import { type TestApp, useTestApp } from './support/test-app';

/** The re-created schema serves requests (the session check reads it) and holds every table. */
async function expectSchemaServes(t: TestApp): Promise<void> {
  await t.anonymous.get('/api/projects').expect(401);
  const tables = await t.dataSource.query<Array<{ n: number }>>(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'",
  );
  expect(tables[0]!.n).toBe(t.dataSource.entityMetadatas.length);
}

/** The schema comes from the migrations alone, and it matches the entities exactly. */
describe('migrations', () => {
  const t = useTestApp();

  it('leave nothing for the entities to add (entities and migrations agree)', async () => {
    const sql = await t.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('revert to an empty schema and apply again', async () => {
    const migrations = t.dataSource.migrations.length;
    for (let i = 0; i < migrations; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await t.dataSource.query<unknown[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'",
    );
    expect(tables).toEqual([]);
    const ran = await runMigrations(t.dataSource);
    expect(ran).toHaveLength(migrations);
    await expectSchemaServes(t);
  });

  it('let instances that start together take turns (one migrates, the other finds nothing to do)', async () => {
    if (t.dataSource.options.extra?.max === 1) {
      // The embedded database has one owner and one connection: there is no second instance.
      expect(await runMigrations(t.dataSource)).toEqual([]);
      return;
    }
    const migrations = t.dataSource.migrations.length;
    for (let i = 0; i < migrations; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const url = (t.dataSource.options as { url: string }).url;
    const second = new DataSource(createDataSourceOptions({ url, poolSize: 2 }));
    await second.initialize();
    try {
      const [a, b] = await Promise.all([runMigrations(t.dataSource), runMigrations(second)]);
      // every migration ran exactly once, by one of the two, and neither failed
      expect([...a, ...b].map((m) => m.name).sort()).toEqual(t.dataSource.migrations.map((m) => m.name).sort());
      await expectSchemaServes(t);
    } finally {
      await second.destroy();
    }
  });
});
