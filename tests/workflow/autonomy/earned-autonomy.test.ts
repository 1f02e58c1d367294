import { describe, expect, it } from 'vitest';
import { approveDraftUpdate, cancelAutoSendUpdate, rejectDraftUpdate } from '../../../lib/core/contract';
import { getCategoryState } from '../../../lib/features/autonomy/category-state';
import { reviewAutoSentReply } from '../../../lib/features/autonomy/review-auto-sent-reply';
import { enableCategoryAutoSend } from '../../../lib/features/autonomy/set-category-auto-send';
import { AutonomyError } from '../../../lib/features/autonomy/autonomy-error';
import { MANAGERS, withRealStack, type RealStack } from './real-stack';

// Small numbers so the story runs in seconds; production defaults are 30 decisions and 20 recent.
const THRESHOLDS = { windowDays: 30, halfLifeDays: 14, minDecisions: 8, promoteAt: 0.9, demoteBelow: 0.8, recentDecisions: 10, minRecentDecisions: 4 };
const CATEGORIES = ['account', 'billing', 'technical', 'orders', 'feedback', 'other'];

let counter = 0;
const passwordQuestion = () => {
  counter += 1;
  return {
    from: `Customer ${counter} <customer${counter}@example.com>`,
    subject: 'Password reset email never arrives',
    text: `Hi, I forgot my password and the reset email never arrived, even in spam. How do I reset my password? Thanks (${counter})`,
  };
};

const audits = (stack: RealStack, action: string) =>
  stack.store.db.auditLog.findMany({ where: { action, target: 'category:account' }, orderBy: { createdAt: 'asc' } });

async function reachReview(stack: RealStack, count: number): Promise<string[]> {
  const ids = await Promise.all(Array.from({ length: count }, () => stack.deliver(passwordQuestion())));
  for (const id of ids) await stack.waitFor(id, (state) => state.status === 'awaiting_approval' && state.awaitingDecision, 'review');
  return ids;
}

async function approve(stack: RealStack, id: string): Promise<void> {
  await stack.env.client.workflow.getHandle(id).executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: stack.agent }] });
  await stack.waitFor(id, (state) => state.status === 'sent', 'sent');
}

describe('earned autonomy through the conversation workflow', () => {
  it('records shadow verdicts, promotes a category on agreement, auto-sends once enabled, and takes it back after a run of bad decisions', async () => {
    await withRealStack(THRESHOLDS, async (stack) => {
      const { db } = stack.store;
      const options = { thresholds: THRESHOLDS, categories: CATEGORIES };

      // 1. Shadow mode: nothing auto-sends on a fresh install; every draft records what the policy would have done.
      const ids = await reachReview(stack, 8);
      const risky = await stack.deliver({
        from: 'Richard Hale <r.hale@halecorp.example>',
        subject: 'FINAL NOTICE: full refund or my lawyer',
        text: 'Your software lost our data. I want a full refund of $4,800 by Friday or my lawyer will take this to court.',
      });
      await stack.waitFor(risky, (state) => state.status === 'awaiting_approval', 'review');
      const first = await db.conversation.findUniqueOrThrow({ where: { id: ids[0] } });
      expect(first.statusReason).toContain('Auto-send is not enabled for "account" (shadow mode: 0 of 8 decisions needed');
      const shadows = await db.draftShadow.findMany({ where: { conversationId: { in: ids } } });
      expect(shadows).toHaveLength(8);
      for (const shadow of shadows) {
        expect(shadow).toMatchObject({ category: 'account', wouldAutoSend: true, route: 'review', verificationStatus: 'passed', outcome: null });
      }
      const riskyShadow = await db.draftShadow.findFirstOrThrow({ where: { conversationId: risky } });
      expect(riskyShadow.wouldAutoSend).toBe(false);
      expect((riskyShadow.reasons as string[]).join(' ')).toMatch(/Risk \d+ is above the auto-send limit/);
      expect(riskyShadow.verificationStatus).toBeNull(); // no second model call for a draft another layer already stopped
      expect(stack.simulator.stats().byPurpose.verify).toBe(8);
      expect(stack.mail).toHaveLength(0);

      // Not eligible yet: the manager's click is refused with the figures.
      await expect(enableCategoryAutoSend(stack.manager, 'account', options, db)).rejects.toThrow(AutonomyError);

      // 2. Promotion: agents send the drafts unchanged; the eighth agreeing decision makes it eligible (audited).
      for (const id of ids.slice(0, 7)) await approve(stack, id);
      expect((await getCategoryState('account', { thresholds: THRESHOLDS }, db)).figures).toMatchObject({ decisions: 7, eligible: false });
      expect(await audits(stack, 'autonomy.category.eligible')).toHaveLength(0);
      await approve(stack, ids[7] ?? '');
      const promoted = await getCategoryState('account', { thresholds: THRESHOLDS }, db);
      expect(promoted.figures).toMatchObject({ decisions: 8, agreement: 1, eligible: true, blockers: [] });
      expect(promoted.active).toBe(false); // eligible is not on: a manager decides
      const [eligibleAudit] = await audits(stack, 'autonomy.category.eligible');
      expect(eligibleAudit?.after).toMatchObject({ eligible: true, decisions: 8, agreement: 1 });
      const settled = await db.draftShadow.findMany({ where: { conversationId: { in: ids } } });
      expect(settled).toHaveLength(8); // the same eight shadows, now each with its outcome
      expect(settled.every((row) => row.outcome === 'sent_unchanged' && row.evidenceAt)).toBe(true);

      // 3. Enabling: one click by a manager, audited with the figures; the next draft goes out after the hold.
      await enableCategoryAutoSend(stack.manager, 'account', options, db);
      const [enableAudit] = await audits(stack, 'autonomy.category.enable');
      expect(enableAudit).toMatchObject({ actorId: stack.manager.id });
      expect(enableAudit?.before).toMatchObject({ active: false, decisions: 8, eligible: true });
      const auto = await stack.deliver(passwordQuestion());
      await stack.waitFor(auto, (state) => state.status === 'auto_send_hold', 'the hold');
      await stack.env.sleep('2 minutes');
      await stack.waitFor(auto, (state) => state.status === 'sent', 'sent automatically');
      expect(await db.draftShadow.findFirstOrThrow({ where: { conversationId: auto } })).toMatchObject({ route: 'auto_send', outcome: 'auto_sent', review: 'pending' });
      expect((await db.conversation.findUniqueOrThrow({ where: { id: auto } })).autoSentReview).toBe('pending');
      expect(stack.mail.filter((mail) => mail.to.address.startsWith('customer'))).toHaveLength(9);

      // 4. Demotion by a run of bad decisions: two held replies cancelled and rejected (still at the threshold) ...
      const held = await Promise.all([stack.deliver(passwordQuestion()), stack.deliver(passwordQuestion())]);
      for (const id of held) {
        await stack.waitFor(id, (state) => state.status === 'auto_send_hold', 'the hold');
        const handle = stack.env.client.workflow.getHandle(id);
        await handle.executeUpdate(cancelAutoSendUpdate, { args: [{ draftVersion: 1, actor: stack.agent }] });
        await stack.waitFor(id, (state) => state.status === 'awaiting_approval' && state.awaitingDecision, 'review');
        await handle.executeUpdate(rejectDraftUpdate, { args: [{ draftVersion: 1, actor: stack.agent, reason: 'Wrong: this customer uses SSO' }] });
      }
      const strained = await getCategoryState('account', { thresholds: THRESHOLDS }, db);
      expect(strained.active).toBe(true);
      expect(strained.figures.recent.agreement).toBeCloseTo(0.8, 2);
      expect(strained.figures.eligible).toBe(false);
      expect(await audits(stack, 'autonomy.category.ineligible')).toHaveLength(1);

      // ... then the automatic reply marked "should not have gone out": auto-send switches off by itself.
      const notify = { mailer: { send: async (mail: (typeof stack.mail)[number]) => (stack.mail.push(mail), { accepted: [], rejected: [], response: '250' }), close() {} }, mailFrom: 'Support <support@countersign.local>', to: MANAGERS };
      const { demotion } = await reviewAutoSentReply(
        stack.agent,
        { conversationId: auto, draftVersion: 1, verdict: 'should_not_have_gone_out', reason: 'Promised a reset link to an address we cannot verify' },
        { thresholds: THRESHOLDS, notify },
        db,
      );
      expect(demotion?.summary).toMatch(/^Auto-send for "account" was switched off: agents agreed with [\d.]+% of its 10 most recent decisions/);
      const demoted = await getCategoryState('account', { thresholds: THRESHOLDS }, db);
      expect(demoted).toMatchObject({ active: false, enabled: false, demoted: true, noticeEmailedTo: MANAGERS });
      const [demoteAudit] = await audits(stack, 'autonomy.category.demote');
      expect(demoteAudit?.actorId).toBeNull();
      expect(demoteAudit?.after).toMatchObject({ active: false, threshold: 0.8, figures: { recent: { decisions: 10, counts: { rejected: 2, auto_sent_bad: 1 } } } });
      expect((demoteAudit?.after as { figures: { recent: { agreement: number } } }).figures.recent.agreement).toBeLessThan(0.8);
      expect(stack.mail.find((mail) => mail.to.address === MANAGERS)?.subject).toBe('[Countersign] Auto-send switched off for "account"');
      const review = await db.auditLog.findFirstOrThrow({ where: { action: 'autonomy.auto_sent.review' } });
      expect(review).toMatchObject({ actorId: stack.agent.id, target: `${auto}#v1` });

      // The next draft in the category waits for a person again, and says why.
      const after = await stack.deliver(passwordQuestion());
      await stack.waitFor(after, (current) => current.status === 'awaiting_approval', 'review after the demotion');
      // The reason is in the store (the workflow holds the stored decision's id, not its text).
      await expect.poll(async () => (await stack.store.db.conversation.findUniqueOrThrow({ where: { id: after } })).statusReason).toContain('Auto-send for "account" was switched off');
    });
  });
});
