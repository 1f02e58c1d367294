import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { approveDraftUpdate, composeReplyUpdate, undoSendUpdate } from '../../lib/core/contract';
import { HIGH_RISK } from './fake-activities';
import { AGENT, awaitingReview, expectRefusal, statusIs, withConversation } from './harness';

const risky = { script: { classify: () => HIGH_RISK }, actors: { [AGENT.id]: 'agent' as const }, policy: { undoSeconds: 30 } };

describe('undo of an agent’s send', () => {
  it('takes back an approval within the window: nothing is sent, the draft is back for review', async () => {
    await withConversation({ ...risky, recordAs: 'undo-approve' }, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, editedBody: 'My edited reply' }] });
      const waiting = await waitFor(statusIs('undo_window'), 'the undo window');
      expect(waiting.undoUntil).toBeDefined();
      expect(waiting.awaitingDecision).toBe(false);
      const result = await handle.executeUpdate(undoSendUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      expect(result.outcome).toBe('send_undone');
      const back = await waitFor(awaitingReview, 'the draft back in review');
      expect(back.draftVersion).toBe(1);
      await env.sleep('2 minutes');
      expect(calls.sendReply).toHaveLength(0);
      expect(calls.recordSendUndone).toEqual([expect.objectContaining({ draftVersion: 1, actor: AGENT })]);

      // Decided again, and left alone this time: it goes out once when the window ends.
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, editedBody: 'My edited reply' }] });
      await waitFor(statusIs('undo_window'), 'the second undo window');
      expect(calls.sendReply).toHaveLength(0);
      await env.sleep('31 seconds');
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ draftVersion: 1, auto: false })]);
    });
  });

  it('sends once when the window ends, and refuses an undo after it', async () => {
    await withConversation(risky, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      await waitFor(statusIs('undo_window'), 'the undo window');
      await env.sleep('31 seconds');
      await waitFor(statusIs('sent'), 'sent');
      await expectRefusal(handle.executeUpdate(undoSendUpdate, { args: [{ draftVersion: 1, actor: AGENT }] }), /not waiting in an undo window/);
      expect(calls.sendReply).toHaveLength(1);
      expect(calls.recordSendUndone).toHaveLength(0);
    });
  });

  it('takes back an agent’s own reply: nothing sent, their text waits for review', async () => {
    await withConversation(risky, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      const queued = await handle.executeUpdate(composeReplyUpdate, { args: [{ actor: AGENT, body: 'Written by me' }] });
      await waitFor(statusIs('undo_window'), 'the undo window');
      await handle.executeUpdate(undoSendUpdate, { args: [{ draftVersion: queued.draftVersion, actor: AGENT }] });
      const back = await waitFor((state) => awaitingReview(state) && state.draftVersion === queued.draftVersion, 'the own reply back for review');
      expect(back.statusReason).toMatch(/undid/);
      await env.sleep('2 minutes');
      expect(calls.sendReply).toHaveLength(0);
    });
  });

  it('sends at once with a window of 0, and goes ahead when the undo cannot be stored', async () => {
    await withConversation({ ...risky, policy: { undoSeconds: 0 } }, async ({ handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.mirrorStatus.map((call) => call.status)).not.toContain('undo_window');
    });
    const broken = {
      ...risky,
      script: {
        ...risky.script,
        recordSendUndone: async () => {
          throw ApplicationFailure.nonRetryable('the database refused the write', 'StoreUnavailable');
        },
      },
    };
    await withConversation(broken, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      await waitFor(statusIs('undo_window'), 'the undo window');
      await expect(handle.executeUpdate(undoSendUpdate, { args: [{ draftVersion: 1, actor: AGENT }] })).rejects.toThrow();
      await env.sleep('31 seconds');
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toHaveLength(1);
    });
  });
});
