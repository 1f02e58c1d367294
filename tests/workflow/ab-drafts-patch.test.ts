import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';
import { bundleWithPatches } from './without-patch/bundle-with-patches';

const alwaysOn = new URL('./without-patch/patches-ab-always.ts', import.meta.url).pathname;

async function replay(bundle: WorkflowBundleWithSourceMap, file: string): Promise<void> {
  const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, file);
}

/**
 * The ab-drafts patch must be needed: a draft recorded before it was written once, so the same
 * code reading the category's A/B test without patched() breaks its replay.
 */
describe('A/B drafts need their patch', () => {
  it('replays a draft from before them only because the branch is patched', async () => {
    await replay(await workflowBundle(), 'edit-and-approve.history.pb');
    const unpatched = await bundleWithPatches(alwaysOn);
    // The stand-in is the same workflow: a history that took the A/B branch replays on it.
    await replay(unpatched, 'ab-drafts-pick-b.history.pb');
    await expect(replay(unpatched, 'edit-and-approve.history.pb')).rejects.toThrow(/[Nn]ondetermin/);
  });
});
