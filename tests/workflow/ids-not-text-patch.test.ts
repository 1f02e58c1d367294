import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';
import { bundleWithPatches } from './without-patch/bundle-with-patches';

const alwaysOn = new URL('./without-patch/patches-ids-not-text-always.ts', import.meta.url).pathname;

async function replay(bundle: WorkflowBundleWithSourceMap, file: string): Promise<void> {
  const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, file);
}

/**
 * The ids-not-text change must be patched: a draft routed before it read the live facts in the
 * workflow (readSendFacts), so the same code with the new routing always on breaks its replay,
 * while a history recorded with the patch replays on both.
 */
describe('the send decision by ids needs its patch', () => {
  it('replays routings from before it only because the branch is patched', async () => {
    const patched = await workflowBundle();
    for (const file of ['reject.history.pb', 'second-check-says-no.history.pb', 'ids-not-text--reject.history.pb', 'ids-not-text--second-check-says-no.history.pb']) {
      await replay(patched, file);
    }
    const unpatched = await bundleWithPatches(alwaysOn);
    // The stand-in is the same workflow: histories that took the new branch replay on it.
    await replay(unpatched, 'ids-not-text--reject.history.pb');
    await replay(unpatched, 'ids-not-text--second-check-says-no.history.pb');
    await expect(replay(unpatched, 'reject.history.pb')).rejects.toThrow(/[Nn]ondetermin/);
    await expect(replay(unpatched, 'second-check-says-no.history.pb')).rejects.toThrow(/[Nn]ondetermin/);
  });
});
