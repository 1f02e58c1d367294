import { describe, expect, it } from 'vitest';
import { approveDraftUpdate, resendReplyUpdate } from '../../lib/core/contract';
import { HIGH_RISK } from './fake-activities';
import { AGENT, awaitingReview, expectRefusal, statusIs, withConversation } from './harness';

const risky = { classify: () => HIGH_RISK };

describe('resending a failed or uncertain reply', () => {
  it('resends an uncertain send once, after the agent confirms what the outbox shows', async () => {
    const script = { ...risky, send: (_input: unknown, call: number) => (call === 0 ? ('uncertain' as const) : undefined) };
    await withConversation({ script, recordAs: 'resend-uncertain' }, async ({ env, handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      const failed = await waitFor(statusIs('failed'), 'failed (uncertain)');
      expect(failed.failedSendVersion).toBe(1);
      expect(failed.statusReason).toMatch(/check the outbox/);
      // Waiting for a person: a failed send never closes on its own.
      await env.sleep('400 hours');
      expect((await waitFor(statusIs('failed'), 'still failed')).status).toBe('failed');

      await expectRefusal(
        handle.executeUpdate(resendReplyUpdate, { args: [{ actor: AGENT, draftVersion: 2, confirmedLedgerStatus: 'sending' }] }),
        /no failed or uncertain send/,
      );
      await expectRefusal(
        handle.executeUpdate(resendReplyUpdate, { args: [{ actor: AGENT, draftVersion: 1, confirmedLedgerStatus: 'maybe' as 'sending' }] }),
        /confirm what the outbox shows/,
      );
      const result = await handle.executeUpdate(resendReplyUpdate, { args: [{ actor: AGENT, draftVersion: 1, confirmedLedgerStatus: 'sending' }] });
      expect(result).toMatchObject({ draftVersion: 1, outcome: 'resend_queued' });
      const sent = await waitFor(statusIs('sent'), 'sent');
      expect(sent.failedSendVersion).toBeUndefined();
      expect(calls.sendReply).toEqual([
        expect.objectContaining({ draftVersion: 1, auto: false }),
        expect.objectContaining({ draftVersion: 1, auto: false, resend: true }),
      ]);
      expect(calls.recordResendRequest).toEqual([expect.objectContaining({ draftVersion: 1, confirmedLedgerStatus: 'sending', actor: AGENT })]);
      await expectRefusal(
        handle.executeUpdate(resendReplyUpdate, { args: [{ actor: AGENT, draftVersion: 1, confirmedLedgerStatus: 'sending' }] }),
        /no failed or uncertain send/,
      );
    });
  });

  it('resends after the relay refused the reply for good', async () => {
    const script = { ...risky, send: (_input: unknown, call: number) => (call === 0 ? ('permanent' as const) : undefined) };
    await withConversation({ script }, async ({ handle, calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      const failed = await waitFor(statusIs('failed'), 'failed');
      expect(failed.statusReason).toMatch(/550/);
      await handle.executeUpdate(resendReplyUpdate, { args: [{ actor: AGENT, draftVersion: 1, confirmedLedgerStatus: 'failed' }] });
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toHaveLength(2);
      expect(calls.sendReply[1]).toMatchObject({ resend: true });
    });
  });
});
