import { readdir, readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';

/**
 * Approvals wait for hours, so every deploy meets running workflows. Replaying committed
 * histories makes a change that breaks them fail CI; change workflow code behind patched().
 * Re-record after an intentional, patched change: RECORD_WORKFLOW_HISTORIES=1 npm run test:workflow
 */
describe('replay of recorded workflow histories', async () => {
  const files = (await readdir(HISTORIES_DIR)).filter((name) => name.endsWith('.history.pb')).sort();

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('replays %s without non-determinism', async (file) => {
    const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file.replace(/\.history\.pb$/, ''));
  });
});
