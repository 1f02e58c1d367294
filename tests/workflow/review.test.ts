import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { actorsChangedSignal, approveDraftUpdate, rejectDraftUpdate, reviseDraftUpdate } from '../../lib/core/contract';
import { HIGH_RISK } from './fake-activities';
import { AGENT, OTHER_AGENT, awaitingReview, expectRefusal, statusIs, withConversation } from './harness';

const risky = { script: { classify: () => HIGH_RISK } };

describe('review path', () => {
  it('sends the approved draft once', async () => {
    await withConversation(risky, async ({ handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      const result = await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      expect(result).toEqual(expect.objectContaining({ outcome: 'approved', draftVersion: 1 }));
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ draftVersion: 1, auto: false })]);
      expect(calls.recordDecision).toEqual([expect.objectContaining({ kind: 'approve', actor: AGENT })]);
      expect(calls.recordDecision[0]?.editedBody).toBeUndefined();
    });
  });

  it('passes the edited body with the approval', async () => {
    await withConversation({ ...risky, recordAs: 'edit-and-approve' }, async ({ handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, editedBody: 'Edited reply' }] });
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.recordDecision[0]).toEqual(expect.objectContaining({ kind: 'approve', editedBody: 'Edited reply' }));
      expect(calls.sendReply).toHaveLength(1);
    });
  });

  it('sends an approval only once its edited text is stored', async () => {
    let store = () => {};
    const stored = new Promise<void>((resolve) => (store = resolve));
    const slowStore = { script: { ...risky.script, recordDecision: () => stored } };
    await withConversation(slowStore, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      const approval = handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, editedBody: 'Edited reply' }] });
      await waitFor(() => calls.recordDecision.length === 1, 'the decision being stored');
      await env.sleep('5 seconds');
      // The send reads the approved text from the store: nothing may go out before it is there.
      expect(calls.sendReply).toHaveLength(0);
      store();
      await approval;
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toHaveLength(1);
    });
  });

  it('reopens the draft when the approval cannot be stored, and sends a later one', async () => {
    let failing = true;
    const brokenStore = {
      script: {
        ...risky.script,
        recordDecision: async () => {
          if (failing) throw ApplicationFailure.nonRetryable('the database refused the write', 'StoreUnavailable');
        },
      },
    };
    await withConversation(brokenStore, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await expect(handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, editedBody: 'Lost edit' }] })).rejects.toThrow();
      await env.sleep('1 minute');
      expect(calls.sendReply).toHaveLength(0);
      await waitFor(awaitingReview, 'open for review again');
      failing = false;
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, editedBody: 'Kept edit' }] });
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toHaveLength(1);
      expect(calls.recordDecision.at(-1)).toEqual(expect.objectContaining({ editedBody: 'Kept edit' }));
    });
  });

  it('sends nothing on reject', async () => {
    await withConversation({ ...risky, recordAs: 'reject' }, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(rejectDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, reason: 'Wrong tone' }] });
      await waitFor(statusIs('rejected'), 'rejected');
      await env.sleep('1 hour');
      expect(calls.sendReply).toHaveLength(0);
      expect(calls.recordDecision[0]).toEqual(expect.objectContaining({ kind: 'reject', reason: 'Wrong tone' }));
    });
  });

  it('redrafts on revise and waits for review of version 2', async () => {
    await withConversation({ ...risky, recordAs: 'revise' }, async ({ handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(reviseDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, instructions: 'Offer a call' }] });
      await waitFor((state) => awaitingReview(state) && state.draftVersion === 2, 'version 2');
      expect(calls.draftReply[1]).toEqual(
        expect.objectContaining({ draftVersion: 2, revision: { instructions: 'Offer a call', previousVersion: 1 } }),
      );
      await expectRefusal(handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] }), /already decided/);
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 2, actor: AGENT }] });
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ draftVersion: 2 })]);
    });
  });

  it('escalates when nobody decides within the SLA, and keeps waiting', async () => {
    await withConversation({ ...risky, recordAs: 'sla-escalation' }, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await env.sleep('241 minutes');
      await waitFor(statusIs('escalated'), 'escalated');
      await waitFor(() => calls.notifyEscalation.length === 1, 'the escalation notice');
      expect(calls.notifyEscalation[0]).toEqual(expect.objectContaining({ draftVersion: 1, waitedMinutes: 240 }));
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      await waitFor(statusIs('sent'), 'sent after escalation');
    });
  });

  it('turns a double approval into one decision and one email', async () => {
    await withConversation(risky, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      const approve = (actor: typeof AGENT, updateId: string) =>
        handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor }], updateId });
      const first = await approve(AGENT, 'click-1');
      // The same click delivered again (a retry or double click) returns the same result...
      expect(await approve(AGENT, 'click-1')).toEqual(first);
      // ...and a second agent who approved a moment later is told it was already decided.
      await expectRefusal(approve(OTHER_AGENT, 'click-2'), /already decided/);
      await waitFor(statusIs('sent'), 'sent');
      await env.sleep('10 minutes');
      expect(calls.recordDecision).toHaveLength(1);
      expect(calls.sendReply).toHaveLength(1);
    });
  });

  it('refuses decisions from an unknown actor and on a stale version, recording nothing', async () => {
    await withConversation(risky, async ({ handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await expectRefusal(
        handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: { id: '', role: 'agent' } }] }),
        /unknown/,
      );
      await expectRefusal(handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 7, actor: AGENT }] }), /stale/);
      await expectRefusal(
        handle.executeUpdate(rejectDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, reason: '   ' }] }),
        /must not be empty/,
      );
      expect(calls.recordDecision).toHaveLength(0);
      const history = await handle.fetchHistory();
      const accepted = history.events?.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
      expect(accepted).toHaveLength(0);
    });
  });

  it('marks the conversation failed with the reason when the address is rejected', async () => {
    await withConversation({ script: { ...risky.script, sendFails: 'permanent' } }, async ({ handle, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      const state = await waitFor(statusIs('failed'), 'failed');
      expect(state.statusReason).toContain('550');
    });
  });

  it('refuses people who are not on the roster until the roster names them', async () => {
    await withConversation({ ...risky, actors: { [AGENT.id]: 'agent' } }, async ({ handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      // Claiming a role is not enough: the roster decides.
      await expectRefusal(
        handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: { ...OTHER_AGENT, role: 'admin' } }] }),
        /unknown/,
      );
      expect(calls.recordDecision).toHaveLength(0);
      await handle.signal(actorsChangedSignal, { actors: { [AGENT.id]: 'agent', [OTHER_AGENT.id]: 'agent' } });
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: OTHER_AGENT }] });
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.recordDecision).toEqual([expect.objectContaining({ actor: OTHER_AGENT })]);
    });
  });

  it('refuses a user removed from the roster while the draft waited', async () => {
    await withConversation({ ...risky, actors: { [AGENT.id]: 'agent' } }, async ({ handle, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.signal(actorsChangedSignal, { actors: {} });
      await expectRefusal(handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] }), /unknown/);
    });
  });
});
