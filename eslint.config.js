import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The layer rule of ARCHITECTURE.md: imports run downhill only. Each layer lists what it must not
 * import (every layer above it, and the simulator, which only the wiring reaches). Patterns are
 * regular expressions over the import text, so '../tools/define.js' from src/catalog fails lint.
 */
const above = (...names) => names.map((n) => ({ regex: n, message: 'Imports run downhill only (ARCHITECTURE.md): this module must not depend on a layer above it.' }));
const SANDBOX = '(^|/)sandbox/';
const TRANSPORTS = '(^|/)transports/';
const ENTRY = '^(\\.\\./)+(cli|runtime|index)\\.js$';
const SERVER = '^(\\.\\./)+(server|deps|completion|instructions|cli|runtime|index)\\.js$';
const TASKS = '(^|/)tasks/';
const SURFACE = '(^|/)(tools|resources|prompts)/|^(\\.\\./)+not-found\\.js$';
const DOMAIN = '(^|/)(catalog|jobs|uploads|files|promptkit|state|hosted)/|^(\\.\\./)+context\\.js$';
const CLIENT = '(^|/)heygen/|^(\\.\\./)+errors\\.js$';
const layer = (files, ...forbidden) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: above(...forbidden) }] } });
const LAYERS = [
  layer(['src/transports/**'], SANDBOX, ENTRY),
  layer(['src/server.ts', 'src/deps.ts', 'src/completion.ts', 'src/instructions.ts'], SANDBOX, TRANSPORTS, '^\\./(cli|runtime|index)\\.js$'),
  layer(['src/tasks/**'], SANDBOX, TRANSPORTS, SERVER),
  layer(['src/tools/**', 'src/resources/**', 'src/prompts/**', 'src/not-found.ts'], SANDBOX, TRANSPORTS, SERVER, TASKS),
  layer(['src/catalog/**', 'src/jobs/**', 'src/uploads/**', 'src/files/**', 'src/promptkit/**', 'src/state/**', 'src/hosted/**', 'src/context.ts'], SANDBOX, TRANSPORTS, SERVER, TASKS, SURFACE),
  layer(['src/heygen/**', 'src/errors.ts'], SANDBOX, TRANSPORTS, SERVER, TASKS, SURFACE, DOMAIN, '^@modelcontextprotocol/'),
  layer(['src/log.ts', 'src/net/**', 'src/config.ts', 'src/version.ts'], SANDBOX, TRANSPORTS, SERVER, TASKS, SURFACE, DOMAIN, CLIENT, '^@modelcontextprotocol/'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        structuredClone: 'readonly', performance: 'readonly', setImmediate: 'readonly',
      },
    },
    rules: {
      'no-console': ['error', { allow: ['error', 'warn'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  ...LAYERS,
);
