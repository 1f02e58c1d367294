import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

/**
 * A token that changes whenever the workflow mirror changes: the newest conversation
 * update and the newest timeline event. Both are index lookups (updatedAt index; rowid
 * for an append-only table), cheap enough to poll every second or two.
 */
export async function getMirrorVersion(db: DbClient = getDb()): Promise<string> {
  const rows = await db.$queryRaw<{ updated: string | null; events: number | bigint | null }[]>`
    SELECT (SELECT MAX("updatedAt") FROM "Conversation") AS updated,
           (SELECT MAX(rowid) FROM "ConversationEvent") AS events`;
  const row = rows[0];
  return `${row?.updated ?? '-'}|${row?.events ?? 0}`;
}
