import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { getConversationStateQuery } from '../../lib/core/contract';
import type { conversationWorkflow } from '../../worker/workflows';
import { HISTORIES_DIR, withConversation } from './harness';

const ROUNDS = 6;

describe('continue-as-new while a customer writes', () => {
  it('answers every message, also one signalled in the very workflow task that continues as new', async () => {
    // The threshold is below one round's events, so every round ends in a continue-as-new. The
    // next message is signalled the moment a query shows the reply sent: the query is answered
    // while the task that mirrors "sent" and then continues as new is still open, as a dashboard
    // reading the state would.
    const options = { continueAsNewAfterEvents: 8, realTime: true, policy: { holdSeconds: 0 } };
    await withConversation(options, async ({ handle, calls, deliver }) => {
      const firstRun = (await handle.describe()).runId;
      const ids = Array.from({ length: ROUNDS }, (_, index) => `msg-${index + 2}`);
      try {
        for (let round = 1; round <= ROUNDS + 1; round += 1) {
          await sentAsQueried(handle, () => calls.sendReply.length === round, `reply ${round} sent`);
          if (round <= ROUNDS) await deliver(ids[round - 1]!);
        }
      } catch (error) {
        throw new Error(`${(error as Error).message}; histories of the runs in ${await dumpRuns(handle, firstRun)}`);
      }
      expect(calls.prepareInboundMessage.map((call) => call.messageId)).toEqual(['msg-1', ...ids]);
      expect(calls.sendReply.map((call) => call.draftVersion)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, index) => index + 1));
      // Once nothing more arrives the run continues as new, carrying every message it has seen.
      await expect.poll(async () => (await handle.describe()).runId, { timeout: 30_000, interval: 100 }).not.toBe(firstRun);
      const runs = await runsOf(handle, firstRun);
      const started = runs.at(-1)?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
      const carried = JSON.parse(Buffer.from(started ?? []).toString()) as { pendingMessageIds?: string[]; seenMessageIds?: string[] };
      expect(carried.seenMessageIds).toEqual(['msg-1', ...ids]);
      expect(carried.pendingMessageIds).toEqual([]);
      if (process.env.RECORD_WORKFLOW_HISTORIES === '1') await record(runs);
    });
  });
});

type Handle = WorkflowHandle<typeof conversationWorkflow>;

/** Polls the state as fast as a busy dashboard would, until the reply is sent. */
async function sentAsQueried(handle: Handle, sent: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const state = await handle.query(getConversationStateQuery);
    if (state.status === 'sent' && sent()) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every run of the conversation from `firstRun` on, following each continue-as-new. */
async function runsOf(handle: Handle, firstRun: string): Promise<temporal.api.history.v1.IHistory[]> {
  const runs: temporal.api.history.v1.IHistory[] = [];
  for (let runId: string | undefined = firstRun; runId; ) {
    const history = await handle.client.getHandle(handle.workflowId, runId).fetchHistory();
    runs.push(history);
    runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

/** Writes each run's history (binary, as the replay tests read them) for the failure message. */
async function dumpRuns(handle: Handle, firstRun: string): Promise<string> {
  const dir = join(tmpdir(), `continue-as-new-race-${handle.workflowId}`);
  await mkdir(dir, { recursive: true });
  for (const [index, history] of (await runsOf(handle, firstRun)).entries()) {
    await writeFile(join(dir, `run-${index}.history.pb`), temporal.api.history.v1.History.encode(history).finish());
  }
  return dir;
}

/**
 * For the replay tests: the first run (it continues as new after the last message), and a run
 * whose continue-as-new a signal raced (the server refused it), when this test met one.
 */
async function record(runs: temporal.api.history.v1.IHistory[]): Promise<void> {
  const save = (history: temporal.api.history.v1.IHistory, name: string) =>
    writeFile(new URL(`${name}.history.pb`, HISTORIES_DIR), temporal.api.history.v1.History.encode(history).finish());
  await save(runs[0]!, 'continue-as-new-own-task--messages-stream');
  const UNHANDLED = temporal.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND;
  const raced = runs.find((run) => run.events?.some((event) => event.workflowTaskFailedEventAttributes?.cause === UNHANDLED));
  if (raced) await save(raced, 'continue-as-new-own-task--signal-races-it');
}
