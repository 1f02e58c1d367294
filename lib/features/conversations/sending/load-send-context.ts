import { getDb, type DbClient } from '../../../platform/db';
import type { RecipientFacts } from './reply-recipient';

export interface SendContext {
  /** The ledger row of this draft version, if a send was claimed before. */
  existing: { status: string; body: string; messageIdHeader: string; error: string | null } | null;
  /** What the reply is built from; absent when a row is missing (the caller fails only when it needs them). */
  reply: {
    conversation: { id: string; customerAddress: string | null; subject: string; mailboxId: string | null };
    participants: { address: string }[];
    draft: { id: string; aiBody: string; finalBody: string | null; decidedAt: Date | null; origin: string; basedOnMessageId: string };
    // What the recipient rule reads (reply-recipient.ts), plus what threads the reply.
    answering: RecipientFacts['answering'] & { references: unknown; messageIdHeader: string };
    /** The files an agent attached to the draft, oldest first. */
    attachments: { sha256: string; filename: string; contentType: string }[];
  } | null;
}

interface Row {
  existing: SendContext['existing'];
  conversation: NonNullable<SendContext['reply']>['conversation'] | null;
  participants: { address: string }[];
  draftId: string | null;
  aiBody: string | null;
  finalBody: string | null;
  decidedAt: Date | null;
  origin: string | null;
  basedOnMessageId: string | null;
  answering: NonNullable<SendContext['reply']>['answering'] | null;
  attachments: NonNullable<SendContext['reply']>['attachments'];
}

/**
 * Everything sendReply reads before SMTP, in one statement: the ledger row, the conversation
 * and its participants, the draft, the message it answers and the draft's attachments (the six
 * reads it replaces were as many round trips per send).
 */
export async function loadSendContext(input: { ledgerKey: string; conversationId: string; draftVersion: number }, db: DbClient = getDb()): Promise<SendContext> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT
      (SELECT json_build_object('status', o."status", 'body', o."body", 'messageIdHeader', o."messageIdHeader", 'error', o."error")
         FROM "OutboundSend" AS o WHERE o."ledgerKey" = ${input.ledgerKey}) AS "existing",
      (SELECT json_build_object('id', c."id", 'customerAddress', c."customerAddress", 'subject', c."subject", 'mailboxId', c."mailboxId")
         FROM "Conversation" AS c WHERE c."id" = ${input.conversationId}) AS "conversation",
      COALESCE((SELECT json_agg(json_build_object('address', p."address")) FROM "ConversationParticipant" AS p WHERE p."conversationId" = ${input.conversationId}), '[]'::json) AS "participants",
      d."id" AS "draftId", d."aiBody", d."finalBody", d."decidedAt", d."origin", d."basedOnMessageId",
      (SELECT json_build_object('conversationId', m."conversationId", 'direction', m."direction", 'senderAddress', m."senderAddress",
                                'senderProblem', m."senderProblem", 'fromName', m."fromName", 'screening', m."screening",
                                'references', m."references", 'messageIdHeader', m."messageIdHeader")
         FROM "Message" AS m WHERE m."id" = d."basedOnMessageId") AS "answering",
      COALESCE((SELECT json_agg(json_build_object('sha256', a."sha256", 'filename', a."filename", 'contentType', a."contentType") ORDER BY a."createdAt")
                  FROM "Attachment" AS a WHERE a."draftId" = d."id"), '[]'::json) AS "attachments"
    FROM (SELECT 1) AS one
    LEFT JOIN "Draft" AS d ON d."conversationId" = ${input.conversationId} AND d."version" = ${input.draftVersion}`;
  const row = rows[0];
  if (!row) throw new Error('The send context query returned no row');
  const { conversation, answering, draftId, aiBody, origin, basedOnMessageId } = row;
  const reply =
    conversation && answering && draftId !== null && aiBody !== null && origin !== null && basedOnMessageId !== null
      ? {
          conversation,
          participants: row.participants,
          draft: { id: draftId, aiBody, finalBody: row.finalBody, decidedAt: row.decidedAt, origin, basedOnMessageId },
          answering,
          attachments: row.attachments,
        }
      : null;
  return { existing: row.existing, reply };
}
