import { mailboxKey, usableAddress, type Mailbox } from '../../../platform/mail/mailbox';

export interface RecipientFacts {
  conversation: { id: string; customerAddress: string | null };
  participants: ReadonlyArray<{ address: string }>;
  answering: {
    conversationId: string;
    direction: string;
    senderAddress: string | null;
    senderProblem: string | null;
    fromName: string | null;
    screening: unknown;
  };
}

export type ReplyRecipient = { ok: true; mailbox: Mailbox } | { ok: false; reason: string };

/**
 * The one person a reply goes to: the single sender mailbox of the message it answers,
 * who must be this conversation's customer or a participant an agent added. Built from
 * the structured address stored at intake, never from a header string.
 */
export function replyRecipient({ conversation, participants, answering }: RecipientFacts): ReplyRecipient {
  if (answering.conversationId !== conversation.id || answering.direction !== 'inbound') {
    return { ok: false, reason: 'No reply was sent: the draft does not answer a customer message of this conversation' };
  }
  const address = answering.senderAddress;
  if (!address) {
    return { ok: false, reason: `No reply was sent: the message has no single verified sender (${answering.senderProblem ?? 'its From header was not one mailbox'})` };
  }
  const key = mailboxKey(address);
  const belongs =
    (conversation.customerAddress !== null && mailboxKey(conversation.customerAddress) === key) ||
    participants.some((participant) => participant.address === key);
  if (!belongs) return { ok: false, reason: `No reply was sent: ${address} is neither this conversation's customer nor a participant` };
  const usable = usableAddress(address);
  if ('problem' in usable) return { ok: false, reason: `No reply was sent: ${usable.problem}` };
  const flags = Array.isArray(answering.screening) ? answering.screening : [];
  // A name that impersonates someone else is not repeated back in our own To header.
  const name = flags.includes('display_name_spoof') ? undefined : (answering.fromName ?? undefined);
  return { ok: true, mailbox: name ? { address: usable.address, name } : { address: usable.address } };
}
