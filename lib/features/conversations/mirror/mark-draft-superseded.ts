import { randomUUID } from 'node:crypto';
import { getDb, type DbClient } from '../../../platform/db';

export interface MarkDraftSupersededInput {
  conversationId: string;
  draftVersion: number;
  byMessageId: string;
}

/**
 * A newer customer message replaced this draft: it can no longer be decided or sent. The draft,
 * its shadow record's outcome (the first outcome stands; `superseded` is no trust evidence) and
 * the timeline event, in one statement (the transaction it replaces cost six round trips).
 * Times are stored as UTC, as Prisma stores them.
 */
export async function markDraftSuperseded(input: MarkDraftSupersededInput, db: DbClient = getDb()): Promise<void> {
  const now = new Date().toISOString();
  const data = { draftVersion: input.draftVersion, byMessageId: input.byMessageId };
  await db.$executeRaw`
    WITH draft AS (
      UPDATE "Draft" SET "status" = 'superseded', "decidedAt" = ${now}::timestamptz AT TIME ZONE 'UTC', "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE "conversationId" = ${input.conversationId} AND "version" = ${input.draftVersion}
    ), shadow AS (
      UPDATE "DraftShadow" SET "outcome" = 'superseded', "outcomeAt" = ${now}::timestamptz AT TIME ZONE 'UTC', "review" = NULL,
             "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE "conversationId" = ${input.conversationId} AND "draftVersion" = ${input.draftVersion} AND "outcome" IS NULL
    )
    INSERT INTO "ConversationEvent" ("id", "conversationId", "eventKey", "type", "data", "actorId", "at", "createdAt")
    VALUES (${randomUUID()}, ${input.conversationId}, ${`${input.conversationId}:superseded:v${input.draftVersion}`}, 'superseded', ${JSON.stringify(data)}::jsonb,
            NULL, ${now}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("eventKey") DO NOTHING`;
}
