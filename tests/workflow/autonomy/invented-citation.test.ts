import { describe, expect, it } from 'vitest';
import { AUTOMATION_POLICY_KEY } from '../../../lib/features/settings/automation-policy';
import { withRealStack } from './real-stack';

const THRESHOLDS = { windowDays: 30, halfLifeDays: 14, minDecisions: 8, promoteAt: 0.9, demoteBelow: 0.8, recentDecisions: 10, minRecentDecisions: 4 };
const question = (n: number) => ({
  from: `Customer ${n} <citer${n}@example.com>`,
  subject: 'Password reset email never arrives',
  text: `Hi, I forgot my password and the reset email never arrived, even in spam. How do I reset my password? Thanks (${n})`,
});

describe('citations through the conversation workflow', () => {
  it('auto-sends a draft whose citations were all given, and holds the same draft for a person once it cites a passage it was never given', async () => {
    await withRealStack(THRESHOLDS, async (stack) => {
      const { db } = stack.store;
      // Auto-send listed explicitly for the category, no hold: only the draft's own problems can stop it.
      const saved = await db.setting.findUnique({ where: { key: AUTOMATION_POLICY_KEY } });
      const value = { ...(saved?.value as object | undefined), autoSendEnabled: true, autoSendCategories: ['account'], holdSeconds: 0 };
      await db.setting.upsert({ where: { key: AUTOMATION_POLICY_KEY }, create: { key: AUTOMATION_POLICY_KEY, value, updatedBy: stack.manager.id }, update: { value } });

      const honest = await stack.deliver(question(1));
      await stack.waitFor(honest, (state) => state.status === 'sent', 'the honest draft sent automatically');
      const sent = await db.draft.findFirstOrThrow({ where: { conversationId: honest }, include: { passages: true } });
      expect(sent.passages.some((row) => row.cited)).toBe(true);
      expect(sent.inventedCitations).toEqual([]);

      stack.simulator.configure({ rules: [{ purpose: 'draft', fault: 'invented_citation', times: 1 }] });
      const invented = await stack.deliver(question(2));
      await stack.waitFor(invented, (s) => s.status === 'awaiting_approval', 'the invented citation held for review');
      // The reason is in the store (the workflow holds the stored decision's id, not its text).
      await expect.poll(async () => (await db.conversation.findUniqueOrThrow({ where: { id: invented } })).statusReason).toContain('cites a passage it was not given (goodwill-refunds@v1#1)');
      const held = await db.draft.findFirstOrThrow({ where: { conversationId: invented } });
      expect(held).toMatchObject({ status: 'pending', inventedCitations: ['goodwill-refunds@v1#1'] });
      expect(held.aiBody).not.toContain('[[cite:');
      expect(stack.mail.filter((mail) => mail.to.address === 'citer2@example.com')).toHaveLength(0);
    });
  });
});
