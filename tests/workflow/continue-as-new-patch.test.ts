import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';
import { bundleWithPatches } from './without-patch/bundle-with-patches';

const alwaysOn = new URL('./without-patch/patches-continue-as-new-always.ts', import.meta.url).pathname;
const BEFORE = 'before-continue-as-new-own-task--message-lost.history.pb';
const AFTER = 'continue-as-new-own-task--messages-stream.history.pb';

async function replay(bundle: WorkflowBundleWithSourceMap, file: string): Promise<void> {
  const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, file);
}

/**
 * Continue-as-new in a task of its own must be patched. BEFORE is a run captured from the older
 * code in which msg-6 was lost: its signal arrived as the run continued as new, the server
 * refused the completion, and the retried task continued as new carrying no message.
 */
describe('continue-as-new in a task of its own needs its patch', () => {
  it('replays the run that lost a message only because the branch is patched', async () => {
    const history = temporal.api.history.v1.History.decode(await readFile(new URL(BEFORE, HISTORIES_DIR)));
    const events = history.events ?? [];
    const signalled = events.findLastIndex((event) => event.workflowExecutionSignaledEventAttributes);
    const carried = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.input?.payloads?.[0]?.data;
    // The evidence: a message signalled in this run (after the refused completion), carried by nobody.
    expect(events.slice(0, signalled).some((event) => event.workflowTaskFailedEventAttributes)).toBe(true);
    expect(JSON.parse(Buffer.from(carried ?? []).toString())).toMatchObject({ pendingMessageIds: [], seenMessageIds: expect.not.arrayContaining(['msg-6']) });

    const patched = await workflowBundle();
    await replay(patched, BEFORE);
    await replay(patched, AFTER);
    const unpatched = await bundleWithPatches(alwaysOn);
    // The stand-in is the same workflow: a history that took the new branch replays on it.
    await replay(unpatched, AFTER);
    await expect(replay(unpatched, BEFORE)).rejects.toThrow(/[Nn]ondetermin/);
  });
});
