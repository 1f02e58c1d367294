import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

/**
 * A token that changes whenever anything a live page shows changes: the newest conversation
 * update and timeline event (ordered, so a page can tell it is behind), then the team's side
 * (who is on which conversation and doing what, the newest note and notice) as one digest.
 * Live pages are woken by NOTIFY (../live/mirror-watcher.ts); this token is what a freshly
 * rendered page and the polling fallback compare against, so everything that notifies must be
 * in it: a colleague who opened the conversation between a page's render and its subscription
 * is otherwise never shown. A presence heartbeat that only extends its expiry changes nothing.
 */
export async function getMirrorVersion(db: DbClient = getDb()): Promise<string> {
  const rows = await db.$queryRaw<{ updated: Date | null; events: Date | null; team: string }[]>`
    SELECT (SELECT MAX("updatedAt") FROM "Conversation") AS updated,
           (SELECT MAX("createdAt") FROM "ConversationEvent") AS events,
           md5(concat_ws('|',
             (SELECT string_agg(concat_ws(' ', "conversationId", "userId", "tabId", "state"), ',' ORDER BY "conversationId", "userId", "tabId")
                FROM "ConversationPresence" WHERE "expiresAt" > now()),
             (SELECT MAX("createdAt") FROM "ConversationNote")::text,
             (SELECT MAX("createdAt") FROM "Notification")::text)) AS team`;
  const row = rows[0];
  return `${row?.updated?.toISOString() ?? '-'}|${row?.events?.toISOString() ?? '-'}|${row?.team ?? '-'}`;
}
