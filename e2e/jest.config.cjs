/**
 * End-to-end tests: the built app (`node apps/api/dist/main.js`, serving apps/web/dist) on a
 * fresh database, driven in headless Chromium by playwright-core (see support/global-setup.ts).
 * Run with `pnpm test:e2e` after `pnpm build`. E2E_DATABASE_URL: a PostgreSQL server on which the
 * run creates and drops its own database; unset, the app runs on the embedded database in a
 * temporary directory.
 *
 * The e2e folder is not a workspace package: Jest and @swc/jest come from the API's dependencies,
 * playwright-core and @axe-core/playwright from the workspace root.
 */
const apiDir = `${__dirname}/../apps/api`;
const fromApi = (id) => require.resolve(id, { paths: [apiDir] });

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '\\.e2e-spec\\.ts$',
  transform: {
    '^.+\\.ts$': [
      fromApi('@swc/jest'),
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  // One app server and one Chromium at a time: the files run one after another.
  maxWorkers: 1,
  testTimeout: 60000,
};
