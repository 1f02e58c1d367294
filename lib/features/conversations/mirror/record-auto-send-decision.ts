import { randomUUID } from 'node:crypto';
import { getDb, type DbClient } from '../../../platform/db';
import { Prisma } from '../../../platform/db/generated/client';
import type { RecordedDecision } from './record-decision';
import type { ConversationSearchFacts } from '../../../core/conversation/search-attributes';
import { searchFactsOf } from './read-search-facts';

/**
 * recordDecision (record-decision.ts) for the policy's own auto-send, in one statement: the
 * decision, the draft approved with its text, the shadow record's outcome (`auto_sent`, its
 * review pending, on the conversation too), all or nothing, once per idempotency key. The reads
 * and transaction it replaces cost ten round trips per automatic reply. An auto-send is no
 * trust evidence until reviewed, so the evidence category is the record's as it stood.
 * Times are stored as UTC, as Prisma stores them. With `sending` (runs with the
 * folded-sending patch) the same statement mirrors the status the send starts with, as the
 * workflow's own mirror write of `sending` did (reason, deadline and hold cleared), and returns
 * the search facts that write returned; nothing when the draft is missing.
 */
export async function recordAutoSendDecision(
  input: { conversationId: string; draftVersion: number; idempotencyKey: string },
  db: DbClient = getDb(),
  options: { sending?: boolean } = {},
): Promise<RecordedDecision & { sending?: ConversationSearchFacts }> {
  const now = new Date().toISOString();
  const sending = Prisma.sql`(${Boolean(options.sending)}::boolean AND EXISTS (SELECT 1 FROM draft))`;
  type FactsRow = Parameters<typeof searchFactsOf>[0];
  const rows = await db.$queryRaw<({ basedOnMessageId: string | null; evidenceCategory: string | null; moved: boolean } & FactsRow)[]>`
    WITH draft AS (
      SELECT d."id", d."basedOnMessageId" FROM "Draft" AS d WHERE d."conversationId" = ${input.conversationId} AND d."version" = ${input.draftVersion}
    ), fresh AS (
      -- A retried activity finds its decision already stored and writes nothing twice.
      SELECT EXISTS (SELECT 1 FROM draft) AND NOT EXISTS (SELECT 1 FROM "Decision" WHERE "idempotencyKey" = ${input.idempotencyKey}) AS "go"
    ), shadow AS (
      -- The first outcome stands.
      UPDATE "DraftShadow" AS s SET "outcome" = 'auto_sent', "outcomeAt" = ${now}::timestamptz AT TIME ZONE 'UTC', "review" = 'pending',
             "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE s."conversationId" = ${input.conversationId} AND s."draftVersion" = ${input.draftVersion} AND s."outcome" IS NULL AND (SELECT "go" FROM fresh)
   RETURNING s."id"
    ), review AS (
      -- One update of the conversation per statement: the review pending, and the status when asked.
      UPDATE "Conversation" AS c
         SET "autoSentReview" = CASE WHEN EXISTS (SELECT 1 FROM shadow) THEN 'pending' ELSE c."autoSentReview" END,
             "status" = CASE WHEN ${sending} THEN 'sending' ELSE c."status" END,
             "statusReason" = CASE WHEN ${sending} THEN NULL ELSE c."statusReason" END,
             "slaDueAt" = CASE WHEN ${sending} THEN NULL ELSE c."slaDueAt" END,
             "holdUntil" = CASE WHEN ${sending} THEN NULL ELSE c."holdUntil" END,
             "snoozedUntil" = CASE WHEN ${sending} THEN NULL ELSE c."snoozedUntil" END,
             "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE c."id" = ${input.conversationId} AND (EXISTS (SELECT 1 FROM shadow) OR ${sending})
   RETURNING c."category", c."priority", c."assigneeId", c."slaDueAt",
             (SELECT m."address" FROM "Mailbox" AS m WHERE m."id" = c."mailboxId") AS "mailbox",
             (SELECT s."dueAt" FROM "ConversationSla" AS s WHERE s."conversationId" = c."id") AS "responseDueAt"
    ), decision AS (
      INSERT INTO "Decision" ("id", "conversationId", "draftVersion", "kind", "actorType", "idempotencyKey", "createdAt")
      SELECT ${randomUUID()}, ${input.conversationId}, ${input.draftVersion}::int, 'auto_send', 'system', ${input.idempotencyKey},
             ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE (SELECT "go" FROM fresh)
    ), approved AS (
      UPDATE "Draft" AS d SET "status" = 'approved', "finalBody" = d."aiBody", "decidedAt" = ${now}::timestamptz AT TIME ZONE 'UTC',
             "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE d."id" = (SELECT "id" FROM draft) AND (SELECT "go" FROM fresh)
    )
    SELECT (SELECT "basedOnMessageId" FROM draft) AS "basedOnMessageId", ${sending} AS "moved",
           (SELECT "category" FROM review) AS "category", (SELECT "priority" FROM review) AS "priority",
           (SELECT "assigneeId" FROM review) AS "assigneeId", (SELECT "slaDueAt" FROM review) AS "slaDueAt",
           (SELECT "mailbox" FROM review) AS "mailbox", (SELECT "responseDueAt" FROM review) AS "responseDueAt",
           (SELECT CASE WHEN s."evidenceAt" IS NOT NULL THEN s."category" END FROM "DraftShadow" AS s
             WHERE s."conversationId" = ${input.conversationId} AND s."draftVersion" = ${input.draftVersion}) AS "evidenceCategory"`;
  const row = rows[0];
  if (!row?.basedOnMessageId) throw new Error(`Draft ${input.conversationId} v${input.draftVersion} does not exist`);
  return { basedOnMessageId: row.basedOnMessageId, edited: false, evidenceCategory: row.evidenceCategory, ...(row.moved ? { sending: searchFactsOf(row) } : {}) };
}
