/**
 * Web tests: Jest + Testing Library in jsdom. TypeScript/TSX through @swc/jest (React's automatic
 * JSX runtime); @salkku/shared from its TypeScript source, as Vite does; CSS imports stubbed.
 * @type {import('jest').Config}
 */
module.exports = {
  // jsdom, plus the Fetch API classes it lacks (see the file).
  testEnvironment: '<rootDir>/jest.environment.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(ts|tsx)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@salkku/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    '\\.css$': '<rootDir>/src/test/style-stub.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
};
