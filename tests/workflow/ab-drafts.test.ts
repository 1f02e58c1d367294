import { describe, expect, it } from 'vitest';
import { approveDraftUpdate } from '../../lib/core/contract';
import { MODEL_FAILURES } from '../../lib/core/failures';
import type { LabelledVariant } from '../../lib/core/ab/variants';
import type { DraftReplyResult } from '../../worker/activities/draft-reply';
import type { FakeScript, ModelBehaviour } from './fake-activities';
import { AGENT, awaitingReview, expectRefusal, statusIs, withConversation } from './harness';

// 'account' auto-sends in the harness's policy: an A/B draft must still wait for an agent.
const VARIANTS: LabelledVariant[] = [
  { label: 'A', promptVersion: 3 },
  { label: 'B', model: 'claude-haiku-4-5' },
];
const abOnAccount: FakeScript['abTest'] = (category) => (category === 'account' ? VARIANTS : undefined);

describe('live A/B of drafts', () => {
  it('drafts both sides in parallel, keeps the draft for an agent, and sends the side the agent picked once', async () => {
    await withConversation({ script: { abTest: abOnAccount }, actors: { [AGENT.id]: 'agent' }, recordAs: 'ab-drafts-pick-b' }, async (run) => {
      await run.waitFor(awaitingReview, 'review of the A/B draft');
      expect(run.calls.readAbTest).toEqual([{ category: 'account' }]);
      // Both run at once: the worker may pick them up in either order.
      const drafted = run.calls.draftReply.map((call) => [call.draftVersion, call.variant] as const).sort((a, b) => (a[1]?.label ?? '').localeCompare(b[1]?.label ?? ''));
      expect(drafted).toEqual([
        [1, VARIANTS[0]],
        [1, VARIANTS[1]],
      ]);
      expect(run.calls.offerDraftVariants).toEqual([expect.objectContaining({ draftVersion: 1, primary: 'A', failures: [] })]);
      expect(run.calls.recordRouting[0]).toMatchObject({ route: 'review' });
      expect(run.calls.recordRouting[0]?.reasons.join(' ')).toMatch(/A\/B test: an agent picks one of two variants/);
      // The second model checks are not paid for a draft that cannot be sent automatically.
      expect(run.calls.verifyDraft).toHaveLength(0);

      const result = await run.handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, variant: 'B', editedBody: 'Variant B, lightly edited.' }] });
      expect(result.outcome).toBe('approved');
      await run.waitFor(statusIs('sent'), 'sent');
      expect(run.calls.recordDecision).toEqual([expect.objectContaining({ draftVersion: 1, kind: 'approve', variant: 'B', editedBody: 'Variant B, lightly edited.' })]);
      expect(run.calls.sendReply).toEqual([expect.objectContaining({ draftVersion: 1, auto: false })]);
    });
  });

  it('offers the other side alone when one fails, with the failure shown; the failed side cannot be picked', async () => {
    const script: FakeScript = {
      abTest: abOnAccount,
      draft: (input): ModelBehaviour | Partial<DraftReplyResult> => (input.variant?.label === 'B' ? { fail: MODEL_FAILURES.modelNotFound, message: 'model: claude-haiku-4-5' } : {}),
    };
    await withConversation({ script, actors: { [AGENT.id]: 'agent' }, recordAs: 'ab-drafts-one-fails' }, async (run) => {
      const state = await run.waitFor(awaitingReview, 'review of the side that worked');
      expect(state.needsPerson).toBe(false);
      expect(run.calls.offerDraftVariants).toEqual([
        expect.objectContaining({ primary: 'A', failures: [{ label: 'B', model: 'claude-haiku-4-5', reason: expect.stringMatching(/Model unavailable: model: claude-haiku-4-5/) }] }),
      ]);
      expect(run.calls.recordRouting[0]?.reasons.join(' ')).toMatch(/A\/B variant B failed: Model unavailable/);
      await expectRefusal(run.handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, variant: 'B' }] }), /variant B was not offered/);
      await run.handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, variant: 'A' }] });
      await run.waitFor(statusIs('sent'), 'sent');
      expect(run.calls.sendReply).toHaveLength(1);
    });
  });

  it('offers the other side when one times out (its retry window runs out)', async () => {
    const script: FakeScript = { abTest: abOnAccount, draft: (input): ModelBehaviour | Partial<DraftReplyResult> => (input.variant?.label === 'A' ? { transient: 'ModelHttp529' } : {}) };
    await withConversation({ script }, async (run) => {
      await run.env.sleep('31 minutes');
      await run.waitFor(awaitingReview, 'review of side B');
      expect(run.calls.offerDraftVariants).toEqual([expect.objectContaining({ primary: 'B', failures: [expect.objectContaining({ label: 'A', reason: expect.stringMatching(/Model unavailable for 30 min/) })] })]);
    });
  });

  it('hands the conversation to a person when both sides fail', async () => {
    const script: FakeScript = { abTest: abOnAccount, draft: () => ({ fail: MODEL_FAILURES.billing }) };
    await withConversation({ script }, async (run) => {
      const state = await run.waitFor(statusIs('needs_person'), 'needs a person');
      expect(state.statusReason).toMatch(/Billing limit reached/);
      expect(run.calls.offerDraftVariants).toHaveLength(0);
      expect(run.calls.recordRouting).toHaveLength(0);
      expect(run.calls.sendReply).toHaveLength(0);
    });
  });

  it('drafts once, as before, in a category without an A/B test', async () => {
    await withConversation({ script: { abTest: abOnAccount, classify: () => ({ ok: true, category: 'orders', priority: 'normal', riskScore: 10, confidence: 0.95, requiresHuman: false, injectionSuspected: false }) } }, async (run) => {
      await run.waitFor(statusIs('auto_send_hold'), 'the usual auto-send hold');
      expect(run.calls.draftReply).toEqual([expect.not.objectContaining({ variant: expect.anything() })]);
      expect(run.calls.offerDraftVariants).toHaveLength(0);
    });
  });
});
