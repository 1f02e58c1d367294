import type { ConversationSearchFacts } from '../../../core/conversation/search-attributes';
import { getDb, type Db } from '../../../platform/db';

/**
 * What the conversation workflow indexes and only the store knows: the classifier's category
 * and priority, the mailbox, the owner, and the earliest reply deadline (the review SLA the
 * workflow set, or the response SLA the sweep keeps).
 */
export async function readSearchFacts(conversationId: string, db: Pick<Db, 'conversation'> = getDb()): Promise<ConversationSearchFacts> {
  const row = await db.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { category: true, priority: true, assigneeId: true, slaDueAt: true, mailbox: { select: { address: true } }, sla: { select: { dueAt: true } } },
  });
  const deadlines = [row.slaDueAt, row.sla?.dueAt].filter((due): due is Date => due instanceof Date);
  const earliest = deadlines.length > 0 ? new Date(Math.min(...deadlines.map((due) => due.getTime()))) : null;
  return {
    category: row.category,
    priority: row.priority,
    mailbox: row.mailbox?.address ?? null,
    assigneeId: row.assigneeId,
    slaDueAt: earliest?.toISOString() ?? null,
  };
}
