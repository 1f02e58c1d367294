import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';
import { bundleWithPatches } from './without-patch/bundle-with-patches';

const alwaysOn = new URL('./without-patch/patches-folded-writes-always.ts', import.meta.url).pathname;

async function replay(bundle: WorkflowBundleWithSourceMap, file: string): Promise<void> {
  const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, file);
}

/**
 * The folded writes must be patched: a draft routed before them stored its decision and then
 * recorded the route in a local activity of its own (and mirrored drafting apart), so the same
 * code with the folded writes always on breaks the replay of those runs, while runs recorded
 * with the patch replay on both.
 */
describe('the folded writes need their patch', () => {
  it('replays runs from before them only because the branch is patched', async () => {
    const patched = await workflowBundle();
    const before = ['ids-not-text--earned-autonomy-auto-send.history.pb', 'ids-not-text--second-check-says-no.history.pb'];
    const after = ['folded-writes--earned-autonomy-auto-send.history.pb', 'folded-writes--second-check-says-no.history.pb'];
    for (const file of [...before, ...after]) await replay(patched, file);
    const unpatched = await bundleWithPatches(alwaysOn);
    // The stand-in is the same workflow: histories that took the new branch replay on it.
    for (const file of after) await replay(unpatched, file);
    for (const file of before) await expect(replay(unpatched, file)).rejects.toThrow(/[Nn]ondetermin/);
  });
});

