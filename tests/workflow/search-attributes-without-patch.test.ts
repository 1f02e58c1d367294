import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';
import { bundleWithPatches } from './without-patch/bundle-with-patches';

const alwaysOn = new URL('./without-patch/patches-search-attributes-always.ts', import.meta.url).pathname;

async function replay(bundle: WorkflowBundleWithSourceMap, file: string): Promise<void> {
  const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, file);
}

/**
 * Search-attribute upserts are commands: a run recorded before them (here one that people
 * snoozed until a time) replays only because they sit behind patched().
 */
describe('search attributes need their patch', () => {
  it('replays a lifecycle history from before them only because the upserts are patched', async () => {
    await replay(await workflowBundle(), 'snooze-until-time.history.pb');
    const unpatched = await bundleWithPatches(alwaysOn);
    // The stand-in is the same workflow: a history that made the upserts replays on it.
    await replay(unpatched, 'search-attributes.history.pb');
    await expect(replay(unpatched, 'snooze-until-time.history.pb')).rejects.toThrow(/[Nn]ondetermin/);
  });
});
