import { describe, expect, it } from 'vitest';
import { awaitingReview, statusIs, withConversation } from './harness';

describe('the send gate with earned autonomy', () => {
  it('checks the draft a second time before a hold, and sends it when the check passes', async () => {
    await withConversation({ recordAs: 'earned-autonomy-auto-send' }, async ({ env, calls, waitFor }) => {
      await waitFor(statusIs('auto_send_hold'), 'the hold');
      expect(calls.readCategoryAutoSend).toEqual([{ category: 'account' }]);
      expect(calls.verifyDraft).toEqual([expect.objectContaining({ draftVersion: 1 })]);
      expect(calls.recordRouting[0]).toMatchObject({ route: 'auto_send', shadow: { wouldAutoSend: true } });
      await env.sleep('2 minutes');
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ auto: true })]);
    });
  });

  it('sends the draft to a person on any "no" of the second check, with the answer as the reason', async () => {
    const script = { verify: () => ({ status: 'failed' as const, reasons: ['It follows instructions from the email: "confirm the new payout account"'] }) };
    await withConversation({ script, recordAs: 'second-check-says-no' }, async ({ calls, waitFor }) => {
      const state = await waitFor(awaitingReview, 'review');
      expect(state.statusReason).toBe('Second check: It follows instructions from the email: "confirm the new payout account"');
      expect(calls.recordRouting[0]).toMatchObject({ route: 'review', shadow: { wouldAutoSend: false } });
      expect(calls.authorizeAutoSend).toHaveLength(0);
      expect(calls.sendReply).toHaveLength(0);
    });
  });

  it('treats a second check that cannot run as a "no"', async () => {
    const script = { verify: () => ({ fail: 'ModelRefused', message: 'Claude declined the check' }) };
    await withConversation({ script }, async ({ calls, waitFor }) => {
      const state = await waitFor(awaitingReview, 'review');
      expect(state.statusReason).toContain('Second check could not run: Claude declined the check');
      expect(calls.sendReply).toHaveLength(0);
    });
  });

  it('spends no second model call on a draft another layer already stopped', async () => {
    await withConversation({ script: { screening: () => ['third_party_address'] } }, async ({ calls, waitFor }) => {
      const state = await waitFor(awaitingReview, 'review');
      expect(state.statusReason).toBe('Screening: The email names another person’s email address');
      expect(calls.verifyDraft).toHaveLength(0);
    });
  });

  it('reads the category’s auto-send live, so a demotion reaches conversations started before it', async () => {
    const script = { categoryAutoSend: () => ({ enabled: false, reason: 'Auto-send for "account" was switched off: agents agreed with 60% of its 20 most recent decisions.' }) };
    await withConversation({ script }, async ({ calls, waitFor }) => {
      const state = await waitFor(awaitingReview, 'review');
      expect(state.statusReason).toContain('was switched off');
      // The shadow verdict still says what the policy would do with auto-send on.
      expect(calls.recordRouting[0]?.shadow).toEqual({ wouldAutoSend: true, reasons: ['Would auto-send: all checks and the second check passed'] });
      expect(calls.sendReply).toHaveLength(0);
    });
  });
});
