import 'server-only';
import { canonicalMessageId } from '../../core/mail/message-id';
import { getDb, type DbClient } from '../../platform/db';

/**
 * Which conversation each of our sent replies belongs to, by Message-ID header, so the
 * outbox can link a caught email back to its conversation. Only outbound ids are ours and
 * unique; a customer's Message-ID may be reused by anyone. One indexed IN query.
 */
export async function findConversationsByMessageIds(messageIds: string[], db: DbClient = getDb()): Promise<Map<string, string>> {
  const wanted = new Map(messageIds.flatMap((id) => {
    const canonical = canonicalMessageId(id);
    return canonical ? [[canonical, id] as const] : [];
  }));
  if (wanted.size === 0) return new Map();
  const rows = await db.message.findMany({
    where: { direction: 'outbound', messageIdHeader: { in: [...wanted.keys()] } },
    select: { messageIdHeader: true, conversationId: true },
  });
  return new Map(rows.map((row) => [wanted.get(row.messageIdHeader) ?? row.messageIdHeader, row.conversationId]));
}
