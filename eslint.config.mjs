// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import walls (docs/ARCHITECTURE.md, "Three sides, three folders"). Each is a list of patterns
 * that a folder may not import; `regex` matches the import's specifier as written.
 */
const NODE_AND_SERVER_PACKAGES = [
  { regex: '^node:', message: 'lib/ and components/ run in the browser too: no Node APIs.' },
  {
    regex:
      '^(better-sqlite3|kysely|pg|ws|socket\\.io|next-auth/jwt|next/headers|@node-rs/argon2|rate-limiter-flexible)$',
    message: 'A server-only package: this code runs in the browser too.',
  },
];

/** lib/ imports only lib/; its unit tests run in Node and may read the test toolkit's fixtures. */
const libWall = (folders, packages) => [
  ...packages,
  { regex: '^(react|react-dom|next)(/.*)?$', message: 'lib/ is plain code that both sides run: no React or Next.js.' },
  { regex: '^@/(?!lib/)', message: 'lib/ imports only lib/.' },
  { regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message: 'lib/ imports only lib/.' },
];
const OUTSIDE_LIB = ['server', 'components', 'app', 'bench', 'scripts', 'e2e'];

const COMPONENTS_WALL = [
  ...NODE_AND_SERVER_PACKAGES,
  {
    regex: '^(@/|(\\.\\./)+)server(/|$)',
    allowTypeImports: true,
    message: 'components/ run in the browser: import server code as types only (`import type`).',
  },
  {
    // A schema brings all of zod with it (about 30 KB gzipped on every page that imports one).
    regex: '^(@/|(\\.\\./)+)lib/schemas(/|$)',
    allowTypeImports: true,
    message:
      'The API schemas stay on the server: import their types only; values live beside them (lib/plan/debrief-values.ts, lib/question-limits.ts).',
  },
  { regex: '^zod(/.*)?$', message: 'zod stays on the server: the browser does not validate with it.' },
];

/** The sync server is handed its storage (server/yjs/storage.ts): it imports lib/ and itself only. */
const SYNC_SERVER_WALL = [
  {
    regex: '^\\.\\./(?!\\.\\./lib/)',
    message: 'server/yjs/ imports only lib/ and its own folder; storage is handed in.',
  },
  { regex: '^@/(?!lib/)', message: 'server/yjs/ imports only lib/ and its own folder; storage is handed in.' },
  { regex: '^(better-sqlite3|kysely|pg)$', message: 'server/yjs/ gets its storage handed in (DocStorage).' },
];

const wall = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'data/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'next-env.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': true, 'ts-ignore': true, 'ts-nocheck': true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // An async implementation of a Promise-returning interface reads best without a wrapper,
      // await or not.
      '@typescript-eslint/require-await': 'off',
      // Props and options declare callbacks in method syntax and are always called as plain
      // functions: the rule would flag every destructured prop.
      '@typescript-eslint/unbound-method': 'off',
      // Yjs types declare toString() on the class, which the rule does not see.
      '@typescript-eslint/no-base-to-string': [
        'error',
        { ignoredTypeNames: ['YText', 'YXmlText', 'YXmlFragment', 'YXmlElement'] },
      ],
      // node:test's test() and describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: wall(libWall([...OUTSIDE_LIB, 'test'], NODE_AND_SERVER_PACKAGES)),
  },
  { files: ['lib/**/*.test.ts'], rules: wall(libWall(OUTSIDE_LIB, NODE_AND_SERVER_PACKAGES.slice(1))) },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      // The page is handed abilities computed by the one permission function (server/permissions):
      // a role compared here would be a second copy of the rules.
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[property.name='role']",
          message: 'Ask the abilities the page was handed (me.abilities), not the role.',
        },
        {
          selector: "CallExpression[callee.name='decideDocAccess']",
          message: 'Document access comes from the server (me.abilities), not from a component.',
        },
      ],
    },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    ignores: ['components/**/*.test.ts'],
    rules: wall(COMPONENTS_WALL),
  },
  // Their unit tests run in Node (scripts/unit-tests.sh) and may use its test runner.
  { files: ['components/**/*.test.ts'], rules: wall(COMPONENTS_WALL.slice(1)) },
  { files: ['server/yjs/**/*.ts'], ignores: ['server/yjs/**/*.test.ts'], rules: wall(SYNC_SERVER_WALL) },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
