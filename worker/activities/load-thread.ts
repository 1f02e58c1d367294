import { Prisma } from '../../lib/platform/db/generated/client';
import type { DbClient } from '../../lib/platform/db/client';
import type { ThreadEntry } from '../../lib/features/prompts/thread';
import { threadJson, toThread, type RawThreadMessage } from './thread-sql';

/**
 * The conversation up to and including `untilMessageId`, oldest first, as prompt entries: the
 * newest messages, bounded in characters (thread-sql.ts), with their attachments, in one query.
 */
export async function loadThread(db: DbClient, conversationId: string, untilMessageId?: string): Promise<ThreadEntry[]> {
  const until = untilMessageId ? Prisma.sql`(SELECT "sentAt" FROM "Message" WHERE "id" = ${untilMessageId})` : undefined;
  const [row] = await db.$queryRaw<{ found: boolean; thread: RawThreadMessage[] }[]>`
    SELECT ${until ? Prisma.sql`EXISTS ${until}` : Prisma.sql`true`} AS "found", ${threadJson(conversationId, until)} AS "thread"`;
  if (!row?.found) {
    // An unknown message fails as it always did: Prisma's not-found error (rare: never retried for speed).
    await db.message.findUniqueOrThrow({ where: { id: untilMessageId }, select: { id: true } });
    return loadThread(db, conversationId, untilMessageId);
  }
  return toThread(row.thread);
}
