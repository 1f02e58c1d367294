import type { ConversationSearchFacts } from '../../../core/conversation/search-attributes';
import { getDb, type Db } from '../../../platform/db';
import { searchFactsOf } from './read-search-facts';
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../../platform/db/generated/client';
import type { SetConversationStatusInput, StatusEvent } from './set-conversation-status';

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
 * A status write, the timeline event that goes with it if any (statusEventOf), and the search
 * facts the workflow indexes (read-search-facts.ts), in one statement: the update, the event's
 * transaction and the three reads it replaces were four to seven round trips, on every status
 * of every email. The same fields as setConversationStatus (the event written once per key, as
 * appendEvent does); times stored as UTC, as Prisma stores them. With `reasonDecisionId` the
 * reason is that stored send decision's reasons (lib/features/sending-gate/stored-decision.ts),
 * read in the same statement; nothing is written when it is not this conversation's.
 */
export async function setStatusReadingFacts(
  input: Pick<SetConversationStatusInput, 'conversationId' | 'status' | 'reason' | 'slaDueAt' | 'holdUntil'>,
  db: Db = getDb(),
  options: { event?: StatusEvent; reasonDecisionId?: string } = {},
): Promise<ConversationSearchFacts> {
  const { event, reasonDecisionId } = options;
  const decision = reasonDecisionId
    ? Prisma.sql`FROM "SendDecisionRecord" AS r WHERE r."id" = ${reasonDecisionId} AND r."conversationId" = ${input.conversationId}`
    : undefined;
  const reason = decision ? Prisma.sql`(SELECT array_to_string(r."reasons", '; ') ${decision})` : Prisma.sql`${input.reason ?? null}`;
  const decided = decision ? Prisma.sql`AND EXISTS (SELECT 1 ${decision})` : Prisma.empty;
  const withEvent = event
    ? Prisma.sql`WITH event AS (
        INSERT INTO "ConversationEvent" ("id", "conversationId", "eventKey", "type", "data", "actorId", "at", "createdAt")
        SELECT ${randomUUID()}, e."id", ${`${input.conversationId}:${event.key}`}, ${event.type}, ${JSON.stringify(event.data)}::jsonb, NULL,
               ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM "Conversation" AS e WHERE e."id" = ${input.conversationId} ${decided}
        ON CONFLICT ("eventKey") DO NOTHING
      )`
    : Prisma.empty;
  const rows = await db.$queryRaw<FactsRow[]>`
    ${withEvent}
    UPDATE "Conversation" AS c
       SET "status" = ${input.status}, "statusReason" = ${reason},
           "slaDueAt" = ${utc(input.slaDueAt)}::timestamptz AT TIME ZONE 'UTC',
           "holdUntil" = ${utc(input.holdUntil)}::timestamptz AT TIME ZONE 'UTC',
           "snoozedUntil" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE c."id" = ${input.conversationId} ${decided}
 RETURNING c."category", c."priority", c."assigneeId", c."slaDueAt",
           (SELECT m."address" FROM "Mailbox" AS m WHERE m."id" = c."mailboxId") AS "mailbox",
           (SELECT s."dueAt" FROM "ConversationSla" AS s WHERE s."conversationId" = c."id") AS "responseDueAt"`;
  const row = rows[0];
  if (!row) throw new Error(`Conversation ${input.conversationId}${reasonDecisionId ? ` or its send decision ${reasonDecisionId}` : ''} does not exist`);
  return searchFactsOf(row);
}
