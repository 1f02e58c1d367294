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
  return searchFactsOf({ ...row, mailbox: row.mailbox?.address ?? null, responseDueAt: row.sla?.dueAt ?? null });
}

/** The store's columns as the facts the workflow indexes; also for a write that returns them. */
export function searchFactsOf(row: {
  category: string | null;
  priority: string | null;
  assigneeId: string | null;
  mailbox: string | null;
  slaDueAt: Date | null;
  responseDueAt: Date | null;
}): ConversationSearchFacts {
  const deadlines = [row.slaDueAt, row.responseDueAt].filter((due): due is Date => due instanceof Date);
  const earliest = deadlines.length > 0 ? new Date(Math.min(...deadlines.map((due) => due.getTime()))) : null;
  return { category: row.category, priority: row.priority, mailbox: row.mailbox, assigneeId: row.assigneeId, slaDueAt: earliest?.toISOString() ?? null };
}
