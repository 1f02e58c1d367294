// Lint carries the conventions: un-awaited promises, non-exhaustive switches, environment
// reads outside the one config module, and Node/DB/SDK imports in deterministic workflow code.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './lint/layers.mjs';

const workflowMessage =
  'Workflow code must stay deterministic and bundle for the workflow sandbox: no Node built-ins, ' +
  'database, network SDKs or Temporal client/worker. Do I/O in an activity.';

const envMessage = 'Read configuration through env() from lib/platform/config/env.ts: it is validated and documented there.';

const workflowRestrictedImports = {
  paths: [
    ...builtinModules.map((name) => ({ name, message: workflowMessage })),
    ...['@anthropic-ai/sdk', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'].map((name) => ({
      name,
      message: workflowMessage,
    })),
    ...['nodemailer', 'smtp-server', 'mailparser', 'sql.js'].map((name) => ({ name, message: workflowMessage })),
  ],
  patterns: [
    { group: ['node:*'], message: workflowMessage },
    { group: ['@prisma/*', '**/lib/db', '**/lib/db/**', '@/lib/db', '@/lib/db/**'], message: workflowMessage },
    {
      group: ['**/activities', '**/activities/**'],
      allowTypeImports: true,
      message: 'Workflows import activities as types only: `import type * as activities` with proxyActivities.',
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'lib/platform/db/generated/**',
      'data/**',
      '.tools/**',
      '.build/**',
      '.build-test-*/**',
      'tests/.artifacts/**',
      'bench/results/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // An async method that happens not to await (a no-op implementation, a fake) is fine;
      // the promise rules above catch the mistakes that matter.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: envMessage,
        },
      ],
    },
  },
  {
    // The layer allow-lists (lint/layers.mjs): who may import what.
    files: ['**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    // Plain JavaScript config files are outside the TypeScript project.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { '@next/next': nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs['core-web-vitals'].rules },
    settings: { next: { rootDir: import.meta.dirname } },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['worker/workflows/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', workflowRestrictedImports] },
  },
  {
    // The places allowed to touch the process environment: the config module, the process
    // entries that pass environment to their children, tool configs, and tests that spawn processes.
    files: [
      'lib/platform/config/env.ts',
      'devstack/start.ts',
      'devstack/**/main.ts',
      'worker/main.ts',
      'prisma.config.ts',
      // The benchmark launches `npm start` as a new user would, with the environment it inherits.
      'bench/pipeline/start-stack.ts',
      // Preloaded into the bench stack's processes; told by start-stack.ts where to report.
      'bench/pipeline/process-probe.mjs',
      'tests/**/*.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
