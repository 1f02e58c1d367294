import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('./', import.meta.url));

// Tiers mirror the brief: unit (fakes only), workflow (Temporal time-skipping server),
// integration (real dev server, worker, simulator, mail catcher, PostgreSQL), e2e (real browser).
export default defineConfig({
  resolve: {
    alias: {
      '@': root.replace(/\/$/, ''),
      // Tests import server modules directly; outside Next's bundler the guard must be inert.
      'server-only': `${root}node_modules/server-only/empty.js`,
    },
  },
  test: {
    // Nothing in a test asks real DNS (SPF/DKIM/DMARC lookups answer from a zone file), and
    // attachments a test stores go to a scratch folder, not the checkout's data/.
    env: {
      SENDER_AUTH_ZONE_FILE: `${root}tests/fixtures/dns/empty-zone.json`,
      // Most tests post JSON mail, which carries no DMARC evidence: they run as an operator who
      // trusts every sender whose DMARC did not fail. Tests of verification pass their own rules
      // (tests/integration/features/intake/channels/espoofer-corpus.test.ts: none).
      VERIFIED_SENDER_ALLOW: '*',
      DATA_DIR: path.join(os.tmpdir(), 'countersign-test-data'),
    },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'workflow',
          include: ['tests/workflow/**/*.test.ts'],
          // The earned-autonomy tests run real activities over PostgreSQL under time skipping.
          globalSetup: ['tests/support/embedding-model-setup.ts', 'tests/support/postgres-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/embedding-model-setup.ts', 'tests/support/postgres-global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/embedding-model-setup.ts', 'tests/support/postgres-global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
