import type { DbClient } from '../../platform/db/client';
import { appendEvent } from '../timeline/append-event';

/** Drafts still waiting for a decision or inside their auto-send hold. */
const PENDING = ['pending', 'auto_send_hold'];

/**
 * Marks every pending draft that cited the article as written on knowledge that has since
 * changed: the page says so and offers a redraft. Returns how many it flagged.
 */
export async function flagStaleDrafts(input: { articleId: string; reason: string }, tx: DbClient): Promise<number> {
  const drafts = await tx.draft.findMany({
    where: { status: { in: PENDING }, passages: { some: { cited: true, passage: { articleId: input.articleId } } } },
    select: { id: true, conversationId: true, version: true },
  });
  const at = new Date();
  for (const draft of drafts) {
    await tx.draft.update({ where: { id: draft.id }, data: { staleReason: input.reason } });
    await appendEvent(
      { conversationId: draft.conversationId, key: `knowledge_changed:v${draft.version}:${at.getTime()}`, type: 'knowledge_changed', data: { draftVersion: draft.version, reason: input.reason }, at },
      tx,
    );
  }
  return drafts.length;
}
