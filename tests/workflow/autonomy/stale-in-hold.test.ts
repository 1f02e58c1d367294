import { describe, expect, it } from 'vitest';
import { saveArticle } from '../../../lib/features/knowledge/save-article';
import { AUTOMATION_POLICY_KEY } from '../../../lib/features/settings/automation-policy';
import { withRealStack } from './real-stack';

const THRESHOLDS = { windowDays: 30, halfLifeDays: 14, minDecisions: 8, promoteAt: 0.9, demoteBelow: 0.8, recentDecisions: 10, minRecentDecisions: 4 };
const HOLD_SECONDS = 600;
const question = (n: number) => ({
  from: `Customer ${n} <holder${n}@example.com>`,
  subject: 'Password reset email never arrives',
  text: `Hi, I forgot my password and the reset email never arrived, even in spam. How do I reset my password? Thanks (${n})`,
});

describe('a draft inside its auto-send hold whose cited article changes', () => {
  it('is sent when the hold runs out untouched, and goes to a person instead, with the reason, once an article it cites is edited during the hold', async () => {
    await withRealStack(THRESHOLDS, async (stack) => {
      const { db } = stack.store;
      const saved = await db.setting.findUnique({ where: { key: AUTOMATION_POLICY_KEY } });
      const value = { ...(saved?.value as object | undefined), autoSendEnabled: true, autoSendCategories: ['account'], holdSeconds: HOLD_SECONDS };
      await db.setting.upsert({ where: { key: AUTOMATION_POLICY_KEY }, create: { key: AUTOMATION_POLICY_KEY, value, updatedBy: stack.manager.id }, update: { value } });

      // The control: the same question, nothing edited, is sent when the hold runs out.
      const untouched = await stack.deliver(question(1));
      await stack.waitFor(untouched, (state) => state.status === 'auto_send_hold', 'the first draft in its hold');
      await stack.env.sleep(HOLD_SECONDS * 1000);
      await stack.waitFor(untouched, (state) => state.status === 'sent', 'the untouched draft sent after its hold');
      expect(stack.mail.filter((mail) => mail.to.address === 'holder1@example.com')).toHaveLength(1);

      const edited = await stack.deliver(question(2));
      await stack.waitFor(edited, (state) => state.status === 'auto_send_hold', 'the second draft in its hold');
      const draft = await db.draft.findFirstOrThrow({ where: { conversationId: edited }, include: { passages: { where: { cited: true }, include: { passage: { include: { article: true } } } } } });
      const cited = draft.passages[0]?.passage.article;
      if (!cited) throw new Error('the draft cites no article');
      const current = await db.articleVersion.findFirstOrThrow({ where: { articleId: cited.id, version: cited.currentVersion } });
      // A manager edits the cited article while the draft waits out its hold.
      const result = await saveArticle({ slug: cited.slug, title: current.title, body: `${current.body}\n\nReset links now expire after 15 minutes.`, authorId: stack.manager.id, authorRole: 'manager' }, db);
      expect(result.staleDrafts).toBe(1);

      await stack.env.sleep(HOLD_SECONDS * 1000);
      await stack.waitFor(edited, (s) => s.status === 'awaiting_approval', 'the stale draft handed to a person');
      // The reason is in the store (the workflow holds the stored decision's id, not its text).
      await expect.poll(async () => (await db.conversation.findUniqueOrThrow({ where: { id: edited } })).statusReason).toContain(`The knowledge it cites changed: “${current.title}” changed (now version ${current.version + 1})`);
      expect(stack.mail.filter((mail) => mail.to.address === 'holder2@example.com')).toHaveLength(0);
      expect(await db.draft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ staleReason: expect.stringContaining('changed') });
    });
  });
});
