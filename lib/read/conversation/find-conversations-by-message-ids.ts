import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

/**
 * Which conversation each Message-ID header belongs to (sent replies and customer mail),
 * so the outbox can link a caught email back to its conversation. One indexed IN query.
 */
export async function findConversationsByMessageIds(messageIds: string[], db: DbClient = getDb()): Promise<Map<string, string>> {
  const wanted = [...new Set(messageIds.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db.message.findMany({
    where: { messageIdHeader: { in: wanted } },
    select: { messageIdHeader: true, conversationId: true },
  });
  return new Map(rows.map((row) => [row.messageIdHeader, row.conversationId]));
}
