import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];
const restrict = (groups, message) => ({ group: groups, message });

/**
 * The layers, enforced:
 * - common/ is platform-free: no Node, Electron, React, DOM or native packages;
 * - services under main/ never import electron (only main/shell/ does);
 * - renderer/ never imports main/, preload/ or Node built-ins;
 * - the bridge builder is shared with the browser shell, so it cannot import electron either.
 */
export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', '.native/**', 'test-results/**', 'playwright-report/**', 'release/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // A package's CommonJS entry (packages/search-rank/index.cjs), loaded by Node's require.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'common/ is platform-free: no Node built-ins.' })),
          patterns: [
            restrict(
              ['electron', 'electron/*', 'react', 'react-dom', 'better-sqlite3*', 'libsodium*'],
              'common/ is platform-free.',
            ),
            restrict(['**/main/**', '**/preload/**', '**/renderer/**'], 'common/ depends on nothing of ours.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services are plain Node; only main/shell/ may import electron.' }],
          patterns: [
            restrict(['electron/*'], 'Services are plain Node; only main/shell/ may import electron.'),
            restrict(['**/renderer/**', '**/preload/**'], 'main/ does not reach into other processes.'),
          ],
        },
      ],
    },
  },
  {
    // The encrypted journal is copied only by VACUUM INTO (main/backup/make.ts): better-sqlite3's
    // `db.serialize()` returns the database DECRYPTED, and `db.backup()` refuses an encrypted source (or
    // would need a target under the same cipher and key). Any call named so is refused, whatever its object.
    files: ['main/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'test/support/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='serialize']",
          message:
            'serialize() would copy the journal as plaintext. Copies of the database are made with VACUUM INTO (main/backup/make.ts).',
        },
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='backup']",
          message:
            'The SQLite backup API does not work on the encrypted journal. Backups are made by main/backup/ (VACUUM INTO).',
        },
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.computed=true][callee.property.value=/^(serialize|backup)$/]",
          message: 'serialize() and backup() are not used on the journal, however they are spelled.',
        },
      ],
    },
  },
  {
    // Main's thread never holds the journal: it reaches the services only through the worker's host
    // (main/worker/host.ts), which forwards each checked call. main/vault/thread.ts guards this at run time.
    files: ['main/shell/**/*.ts', 'main/worker/host.ts', 'main/worker/protocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['**/renderer/**'], 'main/ does not reach into the renderer.'),
            {
              regex:
                '^\\.\\./(?!shell-common/|worker/(host|protocol)$|ipc/(router|files)$|config/|sharing/files$|\\.\\./common/)',
              allowTypeImports: true,
              message: "Main's thread reaches the services only through the worker (main/worker/host.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/bridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The bridge builder is shared with the browser shell.' },
            ...nodeBuiltins.map((name) => ({ name })),
          ],
          patterns: [
            restrict(
              ['**/main/**', '**/renderer/**', 'zod'],
              'The bridge stays small: names from common/ipc/names only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The rules of hooks, every effect's dependencies, and the React Compiler's checks of what a component
      // may do while it renders (refs, purity, state set in effects, components made during render).
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      // Only says which components the React Compiler would leave as written (those using TanStack Virtual):
      // Holding does not run the compiler, so there is nothing to act on.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer is sandboxed: use window.holding.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is sandboxed: no Node built-ins.' })),
          ],
          patterns: [
            restrict(['electron/*'], 'The renderer is sandboxed: use window.holding.'),
            restrict(['**/main/**'], 'The renderer reaches main only through window.holding.'),
            restrict(['**/preload/**'], 'The renderer reaches the preload only through window.holding.'),
            restrict(
              ['compromise', 'docx', '**/common/deid/names', '**/common/export/deid'],
              'The check runs in main; the window uses common/export/resolve (and stays small).',
            ),
          ],
        },
      ],
    },
  },
);
