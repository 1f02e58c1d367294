import { describe, expect, it } from 'vitest';
import { cancelAutoSendUpdate, approveDraftUpdate } from '../../lib/core/contract';
import { HIGH_RISK, LOW_RISK } from './fake-activities';
import { AGENT, awaitingReview, mirroredReason, statusIs, withConversation } from './harness';

describe('auto-send path', () => {
  it('holds a low-risk reply, then sends it once when nobody cancels', async () => {
    await withConversation({ recordAs: 'auto-send' }, async ({ env, calls, waitFor }) => {
      const held = await waitFor(statusIs('auto_send_hold'), 'the hold');
      // A real instant: the hold the dashboard counts down (undefined or garbage fails).
      expect(Date.parse(held.autoSendHoldUntil ?? '')).toBeGreaterThan(Date.parse('2000-01-01'));
      expect(calls.sendReply).toHaveLength(0);
      await env.sleep('2 minutes');
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ draftVersion: 1, auto: true })]);
      // The decision mirrors the status sending in the same write (folded-sending): no mirror write of its own.
      expect(calls.recordDecision).toEqual([expect.objectContaining({ kind: 'auto_send', draftVersion: 1, sending: true })]);
      expect(calls.mirrorStatus.map((call) => call.status)).toEqual(['classifying', 'drafting', 'auto_send_hold', 'sending', 'sent']);
      // Decided on live facts when routed (before the model checks and again after them: nothing is
      // stored before them), and when the hold ran out.
      expect(calls.readSendFacts).toHaveLength(3);
    });
  });

  it('goes to review when an agent cancels during the hold, and nothing is sent until approved', async () => {
    await withConversation({ recordAs: 'auto-send-cancelled' }, async ({ env, handle, calls, waitFor }) => {
      await waitFor(statusIs('auto_send_hold'), 'the hold');
      const result = await handle.executeUpdate(cancelAutoSendUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      expect(result.outcome).toBe('auto_send_cancelled');
      await waitFor(awaitingReview, 'review');
      await env.sleep('5 minutes');
      expect(calls.sendReply).toHaveLength(0);
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
      await waitFor(statusIs('sent'), 'sent');
      expect(calls.sendReply).toEqual([expect.objectContaining({ draftVersion: 1, auto: false })]);
    });
  });

  it('does not send when the kill switch is flipped during the hold', async () => {
    const script = { autoSendAllowed: () => ({ allowed: false, reasons: ['Auto-send was switched off (kill switch)'] }) };
    await withConversation({ script }, async ({ env, calls, waitFor }) => {
      await waitFor(statusIs('auto_send_hold'), 'the hold');
      await env.sleep('2 minutes');
      await waitFor(awaitingReview, 'review');
      expect(mirroredReason(calls)).toContain('kill switch');
      expect(calls.sendReply).toHaveLength(0);
    });
  });

  it('routes risky, injected and screened mail to review with reasons', async () => {
    const cases = [
      { script: { classify: () => HIGH_RISK }, reason: 'Risk 85' },
      { script: { classify: () => ({ ...LOW_RISK, injectionSuspected: true }) }, reason: 'prompt injection' },
      { script: { screening: () => ['payment_details_change'] }, reason: 'payment or bank details' },
      { script: { draftProblems: ['The draft links to evil.example'] }, reason: 'evil.example' },
    ];
    for (const { script, reason } of cases) {
      await withConversation({ script }, async ({ calls, waitFor }) => {
        await waitFor(awaitingReview, `review (${reason})`);
        expect(calls.recordRouting[0]?.route).toBe('review');
        expect(calls.recordRouting[0]?.reasons.join(' ')).toContain(reason);
        expect(calls.readSendFacts).toHaveLength(1);
        expect(calls.sendReply).toHaveLength(0);
      });
    }
  });

  it('records automated mail but never answers it', async () => {
    await withConversation({ script: { automated: () => true } }, async ({ calls, waitFor }) => {
      await waitFor(statusIs('closed'), 'closed');
      expect(calls.classifyMessage).toHaveLength(0);
      expect(calls.sendReply).toHaveLength(0);
    });
  });
});
