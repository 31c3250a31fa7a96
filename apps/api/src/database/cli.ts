import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/config';
import { createDataSourceOptions } from './data-source-options';
import { resolveDatabase } from './database-url';
import { loadDemoPortfolioIfEmpty } from './demo-data';
import { checkFacts, describeDrift, rebuildFacts } from './facts';
import { runMigrations } from './migrate';
import { SYSTEM_ACTOR } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { UsersService } from '../modules/users/users.service';

const USAGE = `Usage: node apps/api/dist/database/cli.js <command>

Commands (against DATABASE_URL, or the embedded database in SALKKU_DATA_DIR when it is unset):
  run             run pending migrations
  revert          revert the latest migration
  show            list migrations and whether each has run
  check           exit 1 if the entities and the migrated schema differ
  generate Name   write a draft migration for the differences to migrations/src/
  seed-demo       load the Kuopio demo portfolio (only into a database with no organisations; no demo users)
  create-admin    create an admin from SALKKU_ADMIN_EMAIL, SALKKU_ADMIN_PASSWORD and SALKKU_ADMIN_NAME
  check-facts     exit 1 and list them if any stored fact (project_facts, funding_decision_facts)
                  differs from a recomputation from the base tables
  rebuild-facts   recompute every fact from the base tables in one transaction, saying how many were
                  wrong before and checking that none is after (else roll back and exit 1)`;

async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const database = await resolveDatabase(config);
  const dataSource = new DataSource(createDataSourceOptions({ url: database.url, poolSize: 1, logSql: config.logSql }));
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const ran = await runMigrations(dataSource);
        console.log(ran.length ? `Ran ${ran.map((m) => m.name).join(', ')}` : 'No pending migrations');
        return 0;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the latest migration');
        return 0;
      case 'show': {
        const pending = await dataSource.showMigrations();
        console.log(pending ? 'There are pending migrations' : 'All migrations have run');
        return 0;
      }
      case 'check':
      case 'generate': {
        const sql = await dataSource.driver.createSchemaBuilder().log();
        if (command === 'check') {
          if (sql.upQueries.length === 0) {
            console.log('Entities and migrations agree');
            return 0;
          }
          console.error('Entities and the migrated schema differ; missing migration statements:');
          for (const q of sql.upQueries) console.error(`  ${q.query};`);
          return 1;
        }
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
          console.error('generate needs a PascalCase name, e.g. generate AddProjectIndexes');
          return 2;
        }
        if (sql.upQueries.length === 0) {
          console.log('No changes: nothing to generate');
          return 0;
        }
        const timestamp = Date.now();
        const quote = (s: string) => '`' + s.replace(/[`\\$]/g, (c) => `\\${c}`) + '`';
        const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
        const down = sql.downQueries
          .reverse()
          .map((q) => `    await queryRunner.query(${quote(q.query)});`)
          .join('\n');
        const file = join(resolve(__dirname, '../../../../migrations/src'), `${timestamp}-${name}.ts`);
        writeFileSync(
          file,
          `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
            `export class ${name}${timestamp} implements MigrationInterface {\n` +
            `  name = '${name}${timestamp}';\n\n` +
            `  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n` +
            `  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
        );
        console.log(`Wrote ${file}: read it, then add it to migrations/src/index.ts`);
        return 0;
      }
      case 'seed-demo': {
        await runMigrations(dataSource);
        const loaded = await loadDemoPortfolioIfEmpty(dataSource);
        console.log(
          loaded ? 'Loaded the Kuopio demo portfolio' : 'The database already has data: demo portfolio not loaded',
        );
        return loaded ? 0 : 1;
      }
      case 'create-admin': {
        const email = process.env.SALKKU_ADMIN_EMAIL?.trim();
        const password = process.env.SALKKU_ADMIN_PASSWORD;
        if (!email || !password) {
          console.error('Set SALKKU_ADMIN_EMAIL and SALKKU_ADMIN_PASSWORD (and optionally SALKKU_ADMIN_NAME)');
          return 2;
        }
        await runMigrations(dataSource);
        await dataSource.transaction((manager) =>
          new UsersService().create(manager, SYSTEM_ACTOR, {
            email,
            password,
            displayName: process.env.SALKKU_ADMIN_NAME?.trim() || email,
            role: 'admin',
          }),
        );
        console.log(`Created the admin ${email}`);
        return 0;
      }
      case 'check-facts':
      case 'rebuild-facts': {
        const [tables] = await dataSource.query<Array<{ present: boolean }>>(
          `SELECT to_regclass('project_facts') IS NOT NULL AND to_regclass('funding_decision_facts') IS NOT NULL AS present`,
        );
        if (!tables?.present) {
          console.error('The facts tables do not exist yet: run the migrations first (pnpm migration:run)');
          return 2;
        }
        if (command === 'check-facts') {
          const drift = await checkFacts(dataSource);
          if (drift.length === 0) {
            console.log('Every fact agrees with a recomputation from the base tables');
            return 0;
          }
          console.error(`${drift.length} fact(s) differ from a recomputation from the base tables:`);
          for (const line of describeDrift(drift)) console.error(line);
          console.error('Run rebuild-facts to recompute them');
          return 1;
        }
        const rebuild = await rebuildFacts(dataSource);
        console.log(`Before the rebuild: ${rebuild.before.length} fact(s) wrong`);
        for (const line of describeDrift(rebuild.before)) console.log(line);
        if (rebuild.after.length > 0) {
          console.error(
            `After the rebuild ${rebuild.after.length} fact(s) still differ: the database's refresh functions and ` +
              'the shared vocabulary define them differently, which needs a migration. Rolled back:',
          );
          for (const line of describeDrift(rebuild.after)) console.error(line);
          return 1;
        }
        console.log(
          `Rebuilt the facts of ${rebuild.projects} project(s) and ${rebuild.fundingDecisions} funding decision(s); ` +
            'after the rebuild every fact agrees with a recomputation from the base tables',
        );
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DomainError) {
      console.error(`${error.message}${error.details ? `: ${JSON.stringify(error.details)}` : ''}`);
    } else console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
