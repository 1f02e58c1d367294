import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import {
  approveDraftUpdate,
  closeConversationUpdate,
  reopenConversationUpdate,
  snoozeConversationUpdate,
  waitOnCustomerUpdate,
} from '../../lib/core/contract';
import { HIGH_RISK } from './fake-activities';
import { AGENT, awaitingReview, expectRefusal, statusIs, withConversation, type Run } from './harness';

const risky = { script: { classify: () => HIGH_RISK }, actors: { [AGENT.id]: 'agent' as const } };

/** Brings the conversation to rest: the risky draft approved and sent. */
async function sent({ handle, waitFor }: Run): Promise<void> {
  await waitFor(awaitingReview, 'review');
  await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
  await waitFor(statusIs('sent'), 'sent');
}

describe('lifecycle: close, reopen, snooze, waiting on the customer', () => {
  it('snoozes until a time and wakes then, back to where it was', async () => {
    await withConversation({ ...risky, recordAs: 'snooze-until-time' }, async (run) => {
      const { env, handle, calls, waitFor } = run;
      await sent(run);
      const now = await env.currentTimeMs();
      await expectRefusal(
        handle.executeUpdate(snoozeConversationUpdate, { args: [{ actor: AGENT, until: new Date(now - 60_000).toISOString() }] }),
        /in the past/,
      );
      expect(calls.recordLifecycle).toHaveLength(0);

      const until = new Date(now + 3 * 3_600_000).toISOString();
      const result = await handle.executeUpdate(snoozeConversationUpdate, { args: [{ actor: AGENT, until }] });
      expect(result.status).toBe('snoozed');
      expect(await waitFor(statusIs('snoozed'), 'snoozed')).toEqual(expect.objectContaining({ snoozedUntil: until }));
      await env.sleep('2 hours');
      expect((await waitFor(() => true, 'state')).status).toBe('snoozed');
      await env.sleep('90 minutes');
      const woken = await waitFor(statusIs('sent'), 'the snooze to end');
      expect(woken.statusReason).toBe('The snooze ended');
      expect(calls.recordLifecycle.map((call) => [call.action, call.status])).toEqual([
        ['snooze', 'snoozed'],
        ['snooze_ended', 'sent'],
      ]);
      expect(calls.sendReply).toHaveLength(1);
    });
  });

  it('snoozes until the customer replies: the reply wakes it and is answered', async () => {
    await withConversation({ ...risky, recordAs: 'snooze-until-reply' }, async (run) => {
      const { env, handle, calls, deliver, waitFor } = run;
      await sent(run);
      await handle.executeUpdate(snoozeConversationUpdate, { args: [{ actor: AGENT }] });
      await waitFor(statusIs('snoozed'), 'snoozed');
      await env.sleep('3 days');
      expect((await waitFor(() => true, 'state')).status).toBe('snoozed');
      await deliver('msg-2');
      await waitFor((state) => awaitingReview(state) && state.draftVersion === 2, 'the reply drafted and in review');
      expect(calls.classifyMessage.map((call) => call.messageId)).toEqual(['msg-1', 'msg-2']);
    });
  });

  it('refuses closing twice and closing an open draft; a closed conversation reopens when the customer writes', async () => {
    await withConversation(risky, async (run) => {
      const { handle, calls, deliver, waitFor } = run;
      await waitFor(awaitingReview, 'review');
      await expectRefusal(handle.executeUpdate(closeConversationUpdate, { args: [{ actor: AGENT }] }), /decide on its draft first/);
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      await waitFor(statusIs('sent'), 'sent');
      await handle.executeUpdate(closeConversationUpdate, { args: [{ actor: AGENT }] });
      await waitFor(statusIs('closed'), 'closed');
      await expectRefusal(handle.executeUpdate(closeConversationUpdate, { args: [{ actor: AGENT }] }), /already closed/);
      await expectRefusal(handle.executeUpdate(snoozeConversationUpdate, { args: [{ actor: AGENT }] }), /reopen it first/);
      expect(calls.recordLifecycle).toHaveLength(1);
      await deliver('msg-2');
      await waitFor((state) => awaitingReview(state) && state.draftVersion === 2, 'the new message answered');
    });
  });

  it('reopens to the status it had, and marks waiting on the customer', async () => {
    await withConversation(risky, async (run) => {
      const { handle, waitFor } = run;
      await sent(run);
      await handle.executeUpdate(waitOnCustomerUpdate, { args: [{ actor: AGENT }] });
      await waitFor(statusIs('waiting_on_customer'), 'waiting');
      await expectRefusal(handle.executeUpdate(waitOnCustomerUpdate, { args: [{ actor: AGENT }] }), /already waiting/);
      await handle.executeUpdate(closeConversationUpdate, { args: [{ actor: AGENT }] });
      const reopened = await handle.executeUpdate(reopenConversationUpdate, { args: [{ actor: AGENT }] });
      expect(reopened.status).toBe('sent');
      await expectRefusal(handle.executeUpdate(reopenConversationUpdate, { args: [{ actor: AGENT }] }), /not closed, snoozed/);
    });
  });

  it('applies nothing when the change cannot be stored', async () => {
    const broken = {
      ...risky,
      script: {
        ...risky.script,
        recordLifecycle: async () => {
          throw ApplicationFailure.nonRetryable('the database refused the write', 'StoreUnavailable');
        },
      },
    };
    await withConversation(broken, async (run) => {
      const { handle, waitFor } = run;
      await sent(run);
      await expect(handle.executeUpdate(closeConversationUpdate, { args: [{ actor: AGENT }] })).rejects.toThrow();
      expect((await waitFor(() => true, 'state')).status).toBe('sent');
    });
  });

  it('still closes after the idle timeout while waiting on the customer', async () => {
    await withConversation({ ...risky, policy: { idleCloseHours: 24 } }, async (run) => {
      const { env, handle, calls, waitFor } = run;
      await sent(run);
      await handle.executeUpdate(waitOnCustomerUpdate, { args: [{ actor: AGENT }] });
      await env.sleep('25 hours');
      await waitFor(statusIs('closed'), 'closed after the idle timeout');
      expect(calls.mirrorStatus.at(-1)).toEqual(expect.objectContaining({ status: 'closed' }));
    });
  });
});
