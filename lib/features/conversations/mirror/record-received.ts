import { getDb, type Db, type DbClient } from '../../../platform/db';
import { mailboxKey } from '../../../platform/mail/mailbox';
import { screenStructure } from '../../../core/safety/screen-structure';
import { appendEvent } from '../../timeline/append-event';
import { readReceived } from './read-received';

export interface RecordReceivedInput {
  conversationId: string;
  messageId: string;
  /** Domains of our own mailboxes: addresses there are never third parties or new recipients. */
  ownDomains?: string[];
}

export interface RecordReceivedResult {
  automated: boolean;
  /** Intake screening plus checks that need the conversation (e.g. sender mismatch). */
  screeningFlags: string[];
}

/** Puts a stored inbound message on the timeline and returns what routing needs to know. */
export async function recordReceived(input: RecordReceivedInput, db: Db = getDb()): Promise<RecordReceivedResult> {
  const { message, conversation, ourMailboxes, ourReplies } = await readReceived(input, db);
  const flags = new Set(message.screening as string[]);
  // Intake only threads mail from the customer or a participant; this holds that line for
  // anything older or stored another way.
  const sender = message.senderAddress ? mailboxKey(message.senderAddress) : undefined;
  const belongs =
    sender !== undefined &&
    ((conversation.customerAddress !== null && mailboxKey(conversation.customerAddress) === sender) ||
      conversation.participants.some((participant) => participant.address === sender));
  if (!belongs) flags.add('sender_mismatch');
  const stored = flags.size;
  // Every mailbox we read is ours: mail to support@ that copies billing@ adds nobody new.
  // Exact addresses, not their domains: a team on a shared provider must not vouch for it.
  for (const flag of screenStructure({
    text: message.textBody ?? '',
    html: message.htmlBody,
    senderAddress: message.senderAddress,
    knownAddresses: [
      conversation.customerAddress ?? '',
      ...conversation.participants.map((participant) => participant.address),
      ...ourMailboxes,
    ].filter(Boolean),
    ownDomains: input.ownDomains ?? [],
    recipients: message.toAddresses as string[],
    ourReplies: ourReplies.map((reply) => reply ?? ''),
  })) {
    flags.add(flag);
  }
  const screeningFlags = [...flags].sort();

  const grew = flags.size > stored;
  // One write needs no transaction (a statement is atomic): BEGIN and COMMIT are two round trips.
  const writeAll = async (tx: DbClient) => {
    // The structural flags join intake's on the message, so the agent sees them beside the mail.
    if (grew) {
      const kept = new Set([...(message.screening as string[]), ...screeningFlags.filter((flag) => flag !== 'sender_mismatch')]);
      await tx.message.update({ where: { id: message.id }, data: { screening: [...kept].sort() } });
    }
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `received:${message.id}`,
        type: 'received',
        data: {
          messageId: message.id,
          fromAddress: message.fromAddress,
          subject: message.subject,
          automated: message.automated,
          screening: screeningFlags,
        },
        at: message.createdAt,
      },
      tx,
    );
    if (message.automated) {
      await appendEvent(
        {
          conversationId: input.conversationId,
          key: `ignored:${message.id}`,
          type: 'ignored',
          data: { messageId: message.id, reason: message.automatedReason ?? 'automated sender' },
        },
        tx,
      );
    }
  };
  if (grew || message.automated) await db.$transaction(writeAll);
  else await writeAll(db);
  return { automated: message.automated, screeningFlags };
}
