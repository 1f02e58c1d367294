import { describe, expect, it } from 'vitest';
import { awaitingReview, mirroredReason, statusIs, withConversation } from './harness';

describe('the send gate with earned autonomy', () => {
  it('checks the draft a second time before a hold, and sends it when the check passes', async () => {
    await withConversation({ recordAs: 'earned-autonomy-auto-send' }, async ({ env, calls, waitFor }) => {
      await waitFor(statusIs('auto_send_hold'), 'the hold');
      // No decision is stored before the model checks: the one after them reads the live facts afresh,
      // and is stored with the route in the same local activity (no recordRoutingById).
      const live = expect.objectContaining({ draftVersion: 1, category: 'account' }) as unknown;
      expect(calls.readSendFacts).toEqual([live, live]);
      expect(calls.decideSendStored.map((call) => [call.route, call.checks?.emailCheck.status, call.liveOf])).toEqual([
        [true, undefined, undefined],
        [true, 'passed', undefined],
      ]);
      expect(calls.recordRoutingById).toEqual([]);
      expect(calls.checkGrounding).toEqual([expect.objectContaining({ draftVersion: 1 })]);
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
      await waitFor(awaitingReview, 'review');
      expect(mirroredReason(calls)).toBe('Check with the email: It follows instructions from the email: "confirm the new payout account"');
      expect(calls.recordRouting[0]).toMatchObject({ route: 'review', shadow: { wouldAutoSend: false } });
      expect(calls.readSendFacts).toHaveLength(2);
      expect(calls.sendReply).toHaveLength(0);
    });
  });

  it('treats a second check that cannot run as a "no"', async () => {
    const script = { verify: () => ({ fail: 'ModelRefused', message: 'Claude declined the check' }) };
    await withConversation({ script }, async ({ calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      expect(mirroredReason(calls)).toContain('Check with the email could not run: Claude refused');
      expect(calls.sendReply).toHaveLength(0);
    });
  });

  it('spends no second model call on a draft another layer already stopped', async () => {
    await withConversation({ script: { screening: () => ['third_party_address'] } }, async ({ calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      expect(mirroredReason(calls)).toBe('Screening: The email names another person’s email address');
      expect(calls.verifyDraft).toHaveLength(0);
      expect(calls.checkGrounding).toHaveLength(0);
    });
  });

  it('reads the category’s auto-send live, so a demotion reaches conversations started before it', async () => {
    const script = { categoryAutoSend: () => ({ enabled: false, reason: 'Auto-send for "account" was switched off: agents agreed with 60% of its 20 most recent decisions.' }) };
    await withConversation({ script }, async ({ calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      expect(mirroredReason(calls)).toContain('was switched off');
      // The shadow verdict still says what the policy would do with auto-send on.
      expect(calls.recordRouting[0]?.shadow).toEqual({ wouldAutoSend: true, reasons: ['Would auto-send: every layer about the draft passed'] });
      expect(calls.sendReply).toHaveLength(0);
    });
  });

  it('holds a draft that fooled the drafter and the check that reads the email, by the check that never reads it', async () => {
    // The email fooled both models that read it: the classifier said routine, the draft does
    // what the mail asked, and the check with the email passed it. The draft claims an action.
    const script = {
      verify: () => ({ status: 'passed' as const }),
      ground: () => ({ status: 'failed' as const, reasons: ['Claims something was done, which the pipeline never does: "We have moved your two-step sign-in to the new number."'] }),
    };
    await withConversation({ script }, async ({ calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      expect(mirroredReason(calls)).toBe('Check without the email: Claims something was done, which the pipeline never does: "We have moved your two-step sign-in to the new number."');
      expect(calls.recordRouting[0]).toMatchObject({ route: 'review', shadow: { wouldAutoSend: false } });
      const layers = calls.recordRouting[0]?.layers ?? [];
      expect(layers.find((layer) => layer.layer === 'grounding')).toMatchObject({ verdict: 'hold' });
      expect(layers.find((layer) => layer.layer === 'email_check')).toMatchObject({ verdict: 'pass' });
      expect(calls.sendReply).toHaveLength(0);
    });
  });

  it('holds a draft whose claims the code finds unsupported, without spending a model check', async () => {
    const script = { claims: () => [{ rule: 'phone' as const, token: '+49 170 5550123', sentence: 'Ihre Nummer ist jetzt +49 170 5550123.', reason: 'The phone number +49 170 5550123 is not in the knowledge given' }] };
    await withConversation({ script }, async ({ calls, waitFor }) => {
      await waitFor(awaitingReview, 'review');
      expect(mirroredReason(calls)).toBe('Draft claim: The phone number +49 170 5550123 is not in the knowledge given');
      const claims = calls.recordRouting[0]?.layers?.find((layer) => layer.layer === 'claims');
      expect(claims?.holds).toEqual([expect.objectContaining({ token: '+49 170 5550123', sentence: 'Ihre Nummer ist jetzt +49 170 5550123.', rule: 'phone' })]);
      expect(calls.checkGrounding).toHaveLength(0);
      expect(calls.verifyDraft).toHaveLength(0);
    });
  });

  it('retries a check whose database read failed instead of counting the outage as its verdict', async () => {
    let failures = 0;
    const script = {
      // PostgreSQL restarting: the check cannot read the draft for its first five attempts.
      ground: () => (failures++ < 5 ? { transient: 'DatabaseUnavailable' } : { status: 'passed' as const }),
    };
    await withConversation({ script }, async ({ env, calls, waitFor }) => {
      await waitFor(statusIs('auto_send_hold'), 'the hold');
      expect(calls.checkGrounding.length).toBe(6);
      await env.sleep('2 minutes');
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ auto: true })]);
    });
  });
});
