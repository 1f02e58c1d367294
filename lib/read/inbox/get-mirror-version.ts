import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

/**
 * A token that changes whenever the workflow mirror changes: the newest conversation update
 * and the newest timeline event, two index lookups. Live pages are woken by NOTIFY
 * (../live/mirror-watcher.ts); this token is what a freshly rendered page and the polling
 * fallback compare against.
 */
export async function getMirrorVersion(db: DbClient = getDb()): Promise<string> {
  const rows = await db.$queryRaw<{ updated: Date | null; events: Date | null }[]>`
    SELECT (SELECT MAX("updatedAt") FROM "Conversation") AS updated,
           (SELECT MAX("createdAt") FROM "ConversationEvent") AS events`;
  const row = rows[0];
  return `${row?.updated?.toISOString() ?? '-'}|${row?.events?.toISOString() ?? '-'}`;
}
