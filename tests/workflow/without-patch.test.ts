import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';
import { bundleWithPatches } from './without-patch/bundle-with-patches';

const alwaysOn = new URL('./without-patch/patches-undo-always.ts', import.meta.url).pathname;

async function replay(bundle: WorkflowBundleWithSourceMap, file: string): Promise<void> {
  const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, file);
}

/**
 * A patched change must be needed: an approval recorded before the undo window sent at once,
 * so the same code without patched() (the window always on) breaks its replay.
 */
describe('the undo window needs its patch', () => {
  it('replays an approval from before it only because the branch is patched', async () => {
    await replay(await workflowBundle(), 'edit-and-approve.history.pb');
    const unpatched = await bundleWithPatches(alwaysOn);
    // The stand-in is the same workflow: a history that took the undo branch replays on it.
    await replay(unpatched, 'undo-approve.history.pb');
    await expect(replay(unpatched, 'edit-and-approve.history.pb')).rejects.toThrow(/[Nn]ondetermin/);
  });
});
