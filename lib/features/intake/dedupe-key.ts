import { createHash } from 'node:crypto';
import { mailboxKey } from '../../platform/mail/mailbox';
import type { InboundEmail } from './inbound-email';

/**
 * What makes two deliveries the same message: the sender, the Message-ID and the content.
 * A relay delivering twice is one message; someone else's mail (or other content) under
 * the same Message-ID is a message of its own, so a stranger who sends first with a
 * customer's future Message-ID cannot make the customer's real mail look like a duplicate.
 */
export function inboundDedupeKey(email: Pick<InboundEmail, 'sender' | 'messageId' | 'subject' | 'text' | 'html'>): string {
  const sender = email.sender.mailbox ? mailboxKey(email.sender.mailbox.address) : `unverified:${email.sender.header}`;
  const digest = createHash('sha256')
    .update(JSON.stringify([sender, email.messageId, email.subject, email.text, email.html ?? '']))
    .digest('hex');
  return `in:${digest}`;
}

export function outboundDedupeKey(messageIdHeader: string): string {
  return `out:${messageIdHeader}`;
}
