import { randomUUID } from 'node:crypto';
import { getDb, type DbClient } from '../../../platform/db';
import { outboundDedupeKey } from '../../intake/dedupe-key';

export interface RecordSentInput {
  ledgerKey: string;
  conversationId: string;
  draftId: string;
  draftVersion: number;
  draftDecidedAt: Date | null;
  smtpResponse: string;
  messageIdHeader: string;
  inReplyTo: string;
  references: string[];
  fromAddress: string;
  toAddress: string;
  subject: string;
  body: string;
  auto: boolean;
}

/**
 * The relay accepted the reply: complete the ledger, mark the draft sent, mirror the outbound
 * message (once per Message-ID), hand the draft's files to it, count it on the conversation
 * and write the `sent` event, in one statement: all of it or, when the ledger row, draft or
 * conversation is gone, none of it (an error). The transaction it replaces cost ten round
 * trips. Times are stored as UTC, as Prisma stores them.
 */
export async function recordSent(input: RecordSentInput, db: DbClient = getDb()): Promise<void> {
  const sentAt = new Date().toISOString();
  const decidedAt = input.draftDecidedAt?.toISOString() ?? sentAt;
  const dedupeKey = outboundDedupeKey(input.messageIdHeader);
  const event = { draftVersion: input.draftVersion, messageIdHeader: input.messageIdHeader, toAddress: input.toAddress, auto: input.auto };
  const rows = await db.$queryRaw<{ ok: boolean }[]>`
    WITH ok AS (
      SELECT EXISTS (SELECT 1 FROM "OutboundSend" WHERE "ledgerKey" = ${input.ledgerKey})
         AND EXISTS (SELECT 1 FROM "Draft" WHERE "id" = ${input.draftId})
         AND EXISTS (SELECT 1 FROM "Conversation" WHERE "id" = ${input.conversationId}) AS "ok"
    ), ledger AS (
      UPDATE "OutboundSend" SET "status" = 'sent', "smtpResponse" = ${input.smtpResponse}, "sentAt" = ${sentAt}::timestamptz AT TIME ZONE 'UTC',
             "error" = NULL, "updatedAt" = ${sentAt}::timestamptz AT TIME ZONE 'UTC'
       WHERE "ledgerKey" = ${input.ledgerKey} AND (SELECT "ok" FROM ok)
    ), draft AS (
      UPDATE "Draft" SET "status" = 'sent', "finalBody" = ${input.body}, "decidedAt" = ${decidedAt}::timestamptz AT TIME ZONE 'UTC',
             "updatedAt" = ${sentAt}::timestamptz AT TIME ZONE 'UTC'
       WHERE "id" = ${input.draftId} AND (SELECT "ok" FROM ok)
    ), inserted AS (
      INSERT INTO "Message" ("id", "conversationId", "direction", "messageIdHeader", "dedupeKey", "inReplyTo", "references", "fromAddress",
                             "toAddresses", "subject", "textBody", "sizeBytes", "sentAt", "deliveredAt", "createdAt")
      SELECT ${randomUUID()}, ${input.conversationId}, 'outbound', ${input.messageIdHeader}, ${dedupeKey}, ${input.inReplyTo},
             ${JSON.stringify(input.references)}::jsonb, ${input.fromAddress}, ${JSON.stringify([input.toAddress])}::jsonb, ${input.subject},
             ${input.body}, ${Buffer.byteLength(input.body)}::int, ${sentAt}::timestamptz AT TIME ZONE 'UTC',
             ${sentAt}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       WHERE (SELECT "ok" FROM ok)
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id"
    ), message AS (
      SELECT "id" FROM inserted UNION ALL SELECT "id" FROM "Message" WHERE "dedupeKey" = ${dedupeKey}
    ), files AS (
      -- Files the agent attached now belong to the message that carried them.
      UPDATE "Attachment" SET "messageId" = (SELECT "id" FROM message LIMIT 1)
       WHERE "draftId" = ${input.draftId} AND (SELECT "ok" FROM ok)
    ), counted AS (
      UPDATE "Conversation" SET "messageCount" = "messageCount" + 1, "lastMessageAt" = ${sentAt}::timestamptz AT TIME ZONE 'UTC',
             "updatedAt" = ${sentAt}::timestamptz AT TIME ZONE 'UTC'
       WHERE "id" = ${input.conversationId} AND (SELECT "ok" FROM ok)
    ), event AS (
      INSERT INTO "ConversationEvent" ("id", "conversationId", "eventKey", "type", "data", "actorId", "at", "createdAt")
      SELECT ${randomUUID()}, ${input.conversationId}, ${`${input.conversationId}:sent:v${input.draftVersion}`}, 'sent', ${JSON.stringify(event)}::jsonb,
             NULL, ${sentAt}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       WHERE (SELECT "ok" FROM ok)
      ON CONFLICT ("eventKey") DO NOTHING
    )
    SELECT "ok" FROM ok`;
  if (!rows[0]?.ok) throw new Error(`The send ${input.ledgerKey} could not be recorded: its ledger row, draft or conversation is gone`);
}
