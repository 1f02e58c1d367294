import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { approveDraftUpdate } from '../../lib/core/contract';
import { HIGH_RISK } from './fake-activities';
import { AGENT, awaitingReview, expectRefusal, statusIs, withConversation } from './harness';

describe('customer follow-ups', () => {
  it('supersede a pending draft: the thread is classified and drafted again', async () => {
    await withConversation({ recordAs: 'supersede', script: { classify: () => HIGH_RISK } }, async ({ handle, calls, deliver, waitFor }) => {
      await waitFor(awaitingReview, 'review of version 1');
      await deliver('msg-2');
      await waitFor((state) => awaitingReview(state) && state.draftVersion === 2, 'review of version 2');
      expect(calls.markDraftSuperseded).toEqual([expect.objectContaining({ draftVersion: 1, byMessageId: 'msg-2' })]);
      expect(calls.classifyMessage.map((call) => call.messageId)).toEqual(['msg-1', 'msg-2']);
      await expectRefusal(handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] }), /superseded/);
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 2, actor: AGENT }] });
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ draftVersion: 2 })]);
    });
  });

  it('supersede an auto-send hold', async () => {
    await withConversation({}, async ({ env, calls, deliver, waitFor }) => {
      await waitFor(statusIs('auto_send_hold'), 'hold of version 1');
      await deliver('msg-2');
      await waitFor((state) => state.status === 'auto_send_hold' && state.draftVersion === 2, 'hold of version 2');
      await env.sleep('2 minutes');
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ draftVersion: 2, auto: true })]);
    });
  });

  it('ignore a duplicate delivery of the same message', async () => {
    await withConversation({ script: { classify: () => HIGH_RISK } }, async ({ env, calls, deliver, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await deliver('msg-1');
      await env.sleep('1 minute');
      const state = await waitFor(awaitingReview, 'still review');
      expect(state.draftVersion).toBe(1);
      expect(calls.prepareInboundMessage).toHaveLength(1);
    });
  });

  it('reopen a sent conversation and close it after the idle period', async () => {
    await withConversation({ recordAs: 'reopen-and-close', policy: { idleCloseHours: 24 } }, async ({ env, calls, deliver, waitFor }) => {
      await waitFor(statusIs('auto_send_hold'), 'hold');
      await env.sleep('2 minutes');
      await waitFor(statusIs('sent'), 'sent');
      await deliver('msg-2');
      await waitFor((state) => state.status === 'auto_send_hold' && state.draftVersion === 2, 'second hold');
      await env.sleep('2 minutes');
      await waitFor(statusIs('sent'), 'second reply sent');
      await env.sleep('25 hours');
      await waitFor(statusIs('closed'), 'closed');
      expect(calls.sendReply.map((call) => call.draftVersion)).toEqual([1, 2]);
    });
  });
});

describe('long threads', () => {
  it('continue as new between messages, keeping draft versions and the seen set', async () => {
    // Low enough that the run continues as new after every round or two, however a loaded
    // machine batches workflow tasks (fewer tasks, fewer events): the test needs at least one.
    const options = { continueAsNewAfterEvents: 15, realTime: true, policy: { holdSeconds: 1 } };
    await withConversation(options, async ({ handle, calls, deliver, waitFor }) => {
      const firstRun = (await handle.describe()).runId;
      for (let round = 1; round <= 3; round += 1) {
        await waitFor((state) => state.status === 'sent' && calls.sendReply.length === round, `reply ${round} sent`);
        // Sent at once, as the run may be continuing as new: continue-as-new-race.test.ts covers that race.
        if (round < 3) await deliver(`msg-${round + 1}`);
      }
      // The workflow continues as new once the third reply is mirrored: wait for the new run.
      await expect.poll(async () => (await handle.describe()).runId, { timeout: 30_000, interval: 200 }).not.toBe(firstRun);
      await deliver('msg-2'); // a late duplicate from before the continue-as-new
      await signalHandled(handle, 'inboundMessage');
      await waitFor(statusIs('sent'), 'still sent');
      expect(calls.sendReply.map((call) => call.draftVersion)).toEqual([1, 2, 3]);
      expect(calls.prepareInboundMessage.map((call) => call.messageId)).toEqual(['msg-1', 'msg-2', 'msg-3']);
    });
  });
});

/**
 * Resolves once the newest signal of this name was handled: a workflow task completed after
 * it in the current run's history. A duplicate that changes nothing is only observable so.
 */
async function signalHandled(handle: WorkflowHandle, name: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const events = (await handle.fetchHistory()).events ?? [];
        const signalled = events.findLastIndex((event) => event.workflowExecutionSignaledEventAttributes?.signalName === name);
        return signalled >= 0 && events.slice(signalled).some((event) => event.workflowTaskCompletedEventAttributes);
      },
      { timeout: 30_000, interval: 200 },
    )
    .toBe(true);
}
