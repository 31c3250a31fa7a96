// ESLint for the whole workspace (flat config): typescript-eslint's type-aware recommended rules,
// React hooks rules for the web app, and the web app's import boundaries. Formatting is Prettier's
// job, not ESLint's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const WEB_SRC = './apps/web/src';
/** The web app's feature folders (apps/web/src/features/<feature>), read from disk so a new one is covered at once. */
const WEB_FEATURES = readdirSync(join(import.meta.dirname, WEB_SRC, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The web app's layers, one way only (bulletproof-react): app → features → components / lib →
 * packages/shared. A feature never imports another feature (what two features share moves to
 * components/ or lib/); components/, lib/ and the test support in test/ import no feature; only
 * app/ (and test/, which renders the whole app) imports app/.
 */
const WEB_BOUNDARIES = [
  ...WEB_FEATURES.map((feature) => ({
    target: `${WEB_SRC}/features/${feature}`,
    from: `${WEB_SRC}/features`,
    except: [`./${feature}`],
    message: 'A feature imports no other feature: move what they share to components/ or lib/.',
  })),
  {
    target: [`${WEB_SRC}/components`, `${WEB_SRC}/lib`, `${WEB_SRC}/test`],
    from: `${WEB_SRC}/features`,
    message: 'Shared code (components/, lib/, test/) imports no feature.',
  },
  {
    target: [`${WEB_SRC}/features`, `${WEB_SRC}/components`, `${WEB_SRC}/lib`],
    from: `${WEB_SRC}/app`,
    message: 'Only app/ composes the app: features, components/ and lib/ do not import it.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'data/**',
      'apps/web/src/lib/api/schema.d.ts',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Nest controllers and DTO classes are decorated classes; these rules fight the framework.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      // Nest's DI needs runtime class references in constructor parameters and decorators.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', '**/*.test.tsx', '**/*.test.ts'],
    rules: {
      // Tests read JSON bodies of HTTP responses (typed any by supertest).
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    languageOptions: { globals: { ...globals.browser } },
    settings: {
      // Follow imports into TypeScript files too (the cycle rule reads every module it reaches).
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: WEB_BOUNDARIES }],
      // No import cycles (type-only imports are erased and not followed): a cycle means two modules are
      // one, or one of them holds what belongs below both.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
