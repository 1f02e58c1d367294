import { getDb, type DbClient } from '../../platform/db';
import { mailboxKey } from '../../platform/mail/mailbox';
import type { InboundEmail } from './inbound-email';

export interface ThreadResolution {
  /** The conversation this message joins; undefined starts a new one. */
  conversationId?: string;
  /** Conversations it referenced but may not join (its sender is not theirs): shown to the agent. */
  claimed: string[];
}

/**
 * Which conversation a message belongs to. It joins one only when both hold: a Message-ID
 * it references (In-Reply-To first, then References newest first) is one Countersign
 * stored or sent, and its own sender is that conversation's customer or a participant an
 * agent added, and that sender is verified (lib/core/mail/verified-sender.ts: DMARC pass or an
 * operator's allow rule; a forged exact From would otherwise pass). Anything else starts its
 * own conversation, remembering what it claimed.
 */
/** The Message-IDs a message refers to, In-Reply-To first, then References newest first. */
export function threadReferences(email: Pick<InboundEmail, 'inReplyTo' | 'references'>): string[] {
  return [...new Set([...(email.inReplyTo ? [email.inReplyTo] : []), ...email.references.toReversed()])];
}

export async function resolveThread(
  email: Pick<InboundEmail, 'sender' | 'inReplyTo' | 'references'> & { senderVerified: boolean },
  db: DbClient = getDb(),
): Promise<ThreadResolution> {
  const wanted = threadReferences(email);
  if (wanted.length === 0) return { claimed: [] };
  const referenced = await db.message.findMany({
    where: { messageIdHeader: { in: wanted } },
    select: {
      messageIdHeader: true,
      conversationId: true,
      conversation: { select: { customerAddress: true, participants: { select: { address: true } } } },
    },
  });
  const order = (id: string) => wanted.indexOf(id);
  const candidates = referenced.toSorted((a, b) => order(a.messageIdHeader) - order(b.messageIdHeader));
  // An unverified From is not the customer's, however exactly it spells their address.
  const sender = email.sender.mailbox && email.senderVerified ? mailboxKey(email.sender.mailbox.address) : undefined;
  const mayJoin = (candidate: (typeof candidates)[number]) =>
    sender !== undefined &&
    ((candidate.conversation.customerAddress !== null && mailboxKey(candidate.conversation.customerAddress) === sender) ||
      candidate.conversation.participants.some((participant) => participant.address === sender));
  const joined = candidates.find(mayJoin);
  if (joined) return { conversationId: joined.conversationId, claimed: [] };
  return { claimed: [...new Set(candidates.map((candidate) => candidate.conversationId))] };
}
