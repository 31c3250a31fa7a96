/**
 * API tests: unit specs next to the code (src/**\/*.spec.ts) and integration specs that boot the
 * real app and speak HTTP (test/**\/*.int-spec.ts). NestJS 12 is ESM-only, so @swc/jest compiles
 * it (and its ESM dependencies) to CommonJS; Jest runs with --experimental-vm-modules because
 * PGlite loads itself with dynamic import().
 */
const esm = [
  '@nestjs',
  'file-type',
  'load-esm',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'peek-readable',
].join('|');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testRegex: ['src/.*\\.spec\\.ts$', 'test/.*\\.int-spec\\.ts$'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(\\.pnpm/(${esm.replace(/\//g, '\\+')})[^/]*/node_modules/)?(${esm}))`],
  moduleNameMapper: {
    '^@salkku/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    '^@salkku/migrations$': '<rootDir>/../../migrations/src/index.ts',
  },
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 60000,
  maxWorkers: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 2 : 1,
};
