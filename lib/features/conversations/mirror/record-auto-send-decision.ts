import { randomUUID } from 'node:crypto';
import { getDb, type DbClient } from '../../../platform/db';
import type { RecordedDecision } from './record-decision';

/**
 * recordDecision (record-decision.ts) for the policy's own auto-send, in one statement: the
 * decision, the draft approved with its text, the shadow record's outcome (`auto_sent`, its
 * review pending, on the conversation too), all or nothing, once per idempotency key. The reads
 * and transaction it replaces cost ten round trips per automatic reply. An auto-send is no
 * trust evidence until reviewed, so the evidence category is the record's as it stood.
 * Times are stored as UTC, as Prisma stores them.
 */
export async function recordAutoSendDecision(
  input: { conversationId: string; draftVersion: number; idempotencyKey: string },
  db: DbClient = getDb(),
): Promise<RecordedDecision> {
  const now = new Date().toISOString();
  const rows = await db.$queryRaw<{ basedOnMessageId: string | null; evidenceCategory: string | null }[]>`
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
      UPDATE "Conversation" SET "autoSentReview" = 'pending', "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE "id" = ${input.conversationId} AND EXISTS (SELECT 1 FROM shadow)
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
    SELECT (SELECT "basedOnMessageId" FROM draft) AS "basedOnMessageId",
           (SELECT CASE WHEN s."evidenceAt" IS NOT NULL THEN s."category" END FROM "DraftShadow" AS s
             WHERE s."conversationId" = ${input.conversationId} AND s."draftVersion" = ${input.draftVersion}) AS "evidenceCategory"`;
  const row = rows[0];
  if (!row?.basedOnMessageId) throw new Error(`Draft ${input.conversationId} v${input.draftVersion} does not exist`);
  return { basedOnMessageId: row.basedOnMessageId, edited: false, evidenceCategory: row.evidenceCategory };
}
