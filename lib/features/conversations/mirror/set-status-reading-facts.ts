import type { ConversationSearchFacts } from '../../../core/conversation/search-attributes';
import { getDb, type Db } from '../../../platform/db';
import { searchFactsOf } from './read-search-facts';
import type { SetConversationStatusInput } from './set-conversation-status';

interface FactsRow {
  category: string | null;
  priority: string | null;
  assigneeId: string | null;
  slaDueAt: Date | null;
  mailbox: string | null;
  responseDueAt: Date | null;
}

const utc = (iso: string | undefined) => iso ?? null;

/**
 * A status write that writes no timeline event, and the search facts the workflow indexes
 * (read-search-facts.ts), in one statement: the update and the three reads it replaces were
 * four to six round trips, on every status of every email. The same fields as
 * setConversationStatus; times stored as UTC, as Prisma stores them.
 */
export async function setStatusReadingFacts(
  input: Pick<SetConversationStatusInput, 'conversationId' | 'status' | 'reason' | 'slaDueAt' | 'holdUntil'>,
  db: Db = getDb(),
): Promise<ConversationSearchFacts> {
  const rows = await db.$queryRaw<FactsRow[]>`
    UPDATE "Conversation" AS c
       SET "status" = ${input.status}, "statusReason" = ${input.reason ?? null},
           "slaDueAt" = ${utc(input.slaDueAt)}::timestamptz AT TIME ZONE 'UTC',
           "holdUntil" = ${utc(input.holdUntil)}::timestamptz AT TIME ZONE 'UTC',
           "snoozedUntil" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE c."id" = ${input.conversationId}
 RETURNING c."category", c."priority", c."assigneeId", c."slaDueAt",
           (SELECT m."address" FROM "Mailbox" AS m WHERE m."id" = c."mailboxId") AS "mailbox",
           (SELECT s."dueAt" FROM "ConversationSla" AS s WHERE s."conversationId" = c."id") AS "responseDueAt"`;
  const row = rows[0];
  if (!row) throw new Error(`Conversation ${input.conversationId} does not exist`);
  return searchFactsOf(row);
}
