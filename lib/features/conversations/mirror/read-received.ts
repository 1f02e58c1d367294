import { getDb, type DbClient } from '../../../platform/db';

export interface ReceivedReads {
  message: {
    id: string;
    screening: unknown;
    senderAddress: string | null;
    fromAddress: string;
    subject: string;
    textBody: string | null;
    htmlBody: string | null;
    toAddresses: unknown;
    automated: boolean;
    automatedReason: string | null;
    createdAt: Date;
  };
  conversation: { customerAddress: string | null; participants: { address: string }[] };
  /** Every mailbox address we read. */
  ourMailboxes: string[];
  /** Our 50 newest replies' text, newest first. */
  ourReplies: (string | null)[];
}

interface Row extends Omit<ReceivedReads['message'], 'createdAt'> {
  createdAtIso: string;
  customerAddress: string | null;
  participants: string[];
  ourMailboxes: string[];
  ourReplies: (string | null)[];
}

/**
 * What recordReceived reads, in one query (it was five): the stored message, the
 * conversation's customer and participants, our mailboxes and our newest replies. A missing
 * message or conversation fails with Prisma's not-found error, as before.
 */
export async function readReceived(input: { conversationId: string; messageId: string }, db: DbClient = getDb()): Promise<ReceivedReads> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT m."id", m."screening", m."senderAddress", m."fromAddress", m."subject", m."textBody", m."htmlBody", m."toAddresses",
           m."automated", m."automatedReason", to_char(m."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAtIso",
           c."customerAddress",
           (SELECT coalesce(json_agg(p."address"), '[]'::json) FROM "ConversationParticipant" p WHERE p."conversationId" = c."id") AS "participants",
           (SELECT coalesce(json_agg(mb."address"), '[]'::json) FROM "Mailbox" mb) AS "ourMailboxes",
           (SELECT coalesce(json_agg(r."textBody" ORDER BY r."sentAt" DESC), '[]'::json) FROM (
              SELECT o."textBody", o."sentAt" FROM "Message" o
               WHERE o."conversationId" = c."id" AND o."direction" = 'outbound' ORDER BY o."sentAt" DESC LIMIT 50) r) AS "ourReplies"
      FROM "Message" m CROSS JOIN "Conversation" c
     WHERE m."id" = ${input.messageId} AND c."id" = ${input.conversationId}`;
  if (!row) {
    await db.message.findUniqueOrThrow({ where: { id: input.messageId }, select: { id: true } });
    await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { id: true } });
    return readReceived(input, db);
  }
  const { createdAtIso, customerAddress, participants, ourMailboxes, ourReplies, ...message } = row;
  return {
    message: { ...message, createdAt: new Date(createdAtIso) },
    conversation: { customerAddress, participants: participants.map((address) => ({ address })) },
    ourMailboxes,
    ourReplies,
  };
}
