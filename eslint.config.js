// One ESLint configuration for the whole monorepo: typescript-eslint with type information, and the
// dependency rule of ARCHITECTURE.md enforced per package with no-restricted-imports.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ours = (...names) => names.map((name) => `@antoan/${name}`);
const restrict = (patterns, message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((group) => ({ group: [group, `${group}/*`], message })) },
  ],
});

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/test-results/**', '**/coverage/**', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.cjs', 'packages/*/bench/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Migrations take Kysely<any> by design (they are frozen in time and never see the app's types).
    files: ['packages/db/src/migrations/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Every source narrows for real: no `x!`, which hides the case it assumes away (issue 18). Tests and their
    // helpers may assert what they set up; benchmarks likewise; migrations are frozen in time and never edited.
    files: ['packages/*/src/**', 'packages/*/scripts/**', 'apps/*/src/**'],
    ignores: ['**/*.test.ts', '**/*.e2e.ts', '**/src/testing/**', 'packages/db/src/migrations/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  // ── The dependency rule ────────────────────────────────────────────────────────────────────────────
  {
    files: ['packages/core/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@antoan/*'], message: 'core imports nothing of ours.' },
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http'], message: 'core does no I/O.' },
            {
              group: ['kysely', 'kysely/*', 'better-sqlite3', 'pg', '@trpc/*', 'react', 'react-dom', 'react/*'],
              message: 'core stays pure.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core never reads the clock: take `now` as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core never reads the clock: take `now` as an argument.',
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'core does no I/O.' }],
    },
  },
  {
    files: ['packages/db/src/**'],
    rules: restrict(
      [...ours('api', 'server', 'worker', 'admin'), '@trpc/server'],
      'db imports only core, Kysely and the drivers.',
    ),
  },
  {
    // db reads and writes rows: it takes core's types, labels and date rules, never its engines. Evaluating,
    // grading and summarizing are composed in @antoan/services (ARCHITECTURE.md, "Stored results").
    // (the tests, and the demo and national generators, which recognise their files as an official would after
    // looking at the computed result, are exempt)
    files: ['packages/db/src/**'],
    ignores: ['packages/db/src/**/*.test.ts', 'packages/db/src/seed/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...ours('api', 'server', 'worker', 'admin'), '@trpc/server'].map((group) => ({
            group: [group, `${group}/*`],
            message: 'db imports only core, Kysely and the drivers.',
          })),
          paths: [
            {
              name: '@antoan/core',
              importNames: [
                'evaluateUnit',
                'evaluateArea',
                'summarizeManagedUnits',
                'gradeSheet',
                'computeStatistics',
                'computeUnitStatistics',
                'computeModelStatistics',
                'computeAwardStatistics',
                'computeGradeDistribution',
                'computeReportCompleteness',
                'gradeDistributionFromCounts',
                'summarizeArea',
                'summarizeResultTotals',
              ],
              message: "core's engines run in @antoan/services, not in db: return rows as core's types instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/services/src/**', 'packages/services/scripts/**'],
    rules: restrict([...ours('api', 'server', 'worker', 'admin'), '@trpc/*'], 'services imports core, db and Kysely.'),
  },
  {
    files: ['packages/api/src/**'],
    rules: restrict(
      [...ours('server', 'worker', 'admin'), 'better-sqlite3', 'pg'],
      'api imports core, db and @trpc/server; drivers stay in db.',
    ),
  },
  { files: ['apps/server/src/**'], rules: restrict(ours('worker', 'admin/src'), 'server imports api and db.') },
  {
    files: ['apps/worker/src/**'],
    rules: restrict([...ours('api', 'server', 'admin'), '@trpc/*'], 'the worker imports core and db, never api.'),
  },
  {
    files: ['apps/admin/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@antoan/db',
                '@antoan/db/*',
                '@antoan/server',
                '@antoan/worker',
                'kysely',
                'better-sqlite3',
                'pg',
                'node:*',
              ],
              message: 'the SPA imports core and types from api only.',
            },
            {
              group: ['@antoan/api', '@antoan/api/*'],
              allowTypeImports: true,
              message: 'the SPA may only `import type` from api.',
            },
          ],
        },
      ],
    },
  },
  {
    // The SPA narrows instead of asserting non-null (issue 18): `x!` hides the case it assumes away. Tests may.
    files: ['apps/admin/src/**', 'apps/admin/bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    // No process.env outside env.ts and the main.ts that hands it to env.ts (tests set up processes).
    files: ['apps/*/src/**', 'packages/api/src/**'],
    ignores: ['**/env.ts', '**/main.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read configuration in env.ts only.' },
      ],
    },
  },
);
