// One flat config for the whole workspace: type-aware typescript-eslint plus React hooks rules.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const appsOnly = [
  {
    group: ['@mockroom/web', '@mockroom/sync', '**/apps/**'],
    message: 'packages never import apps',
  },
]
// no sockets, React, SQL or Node built-ins in the protocol and the document layout
const impure = [
  {
    group: [
      'node:*',
      'fs',
      'path',
      'os',
      'crypto',
      'http',
      'net',
      'ws',
      'react',
      'react-dom',
      'react/*',
    ],
    message: 'pure package: no Node, sockets or React',
  },
  {
    group: ['kysely', 'better-sqlite3', 'pg', '@mockroom/store', 'next', 'next/*'],
    message: 'pure package: no SQL or HTTP',
  },
]
// browser code (client hooks, the API contract) never reaches server-only modules
const serverOnly = [
  {
    group: ['@/server/*', '**/server/*', '@mockroom/store', '@mockroom/access/server'],
    message: 'browser code may not import server-only modules',
  },
  {
    group: ['node:*', 'pino', 'livekit-server-sdk', 'ioredis', 'better-sqlite3'],
    message: 'browser code may not import server-only modules',
  },
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '**/.baseline/**', // bench:steady's copy of an earlier sync bundle (git-ignored)
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'apps/web/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Import boundaries (docs/architecture.md, "Parts"): dependencies point from apps to packages;
  // the wire contract and the document layout stay pure; browser code never pulls in the server.
  {
    files: ['packages/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...appsOnly] }] },
  },
  {
    files: ['packages/protocol/src/**/*.ts', 'packages/session-model/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...appsOnly, ...impure] }],
    },
  },
  {
    files: [
      'apps/web/src/features/**/*.{ts,tsx}',
      'apps/web/src/ui/**/*.{ts,tsx}',
      'apps/web/src/lib/**/*.{ts,tsx}',
      'apps/web/src/contract/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: serverOnly }] },
  },
)
