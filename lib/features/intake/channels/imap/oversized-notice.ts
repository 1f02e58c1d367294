import { formatBytes } from '../../../../core/mail/attachment-policy';
import { buildInbound } from '../../build-inbound';
import type { InboundEmail } from '../../inbound-email';

export interface OversizedMessage {
  mailboxAddress: string;
  folder: string;
  uidValidity: string;
  uid: number;
  sizeBytes: number;
  maxBytes: number;
  from: string;
  subject: string;
  messageId?: string;
  date?: Date;
}

/**
 * A message too large to take in whole is not dropped: a notice in its place tells the agent
 * where it is (left unread on the server), flagged oversized so a person handles it.
 */
export function oversizedNotice(message: OversizedMessage): InboundEmail {
  const text =
    `This message is ${formatBytes(message.sizeBytes)}, over the intake limit of ${formatBytes(message.maxBytes)} (INBOUND_MAX_BYTES). ` +
    `It was left unread in ${message.mailboxAddress}, folder ${message.folder} (UID ${message.uid}); open it there.`;
  return buildInbound({
    fromValues: [message.from],
    toValues: [message.mailboxAddress],
    subject: message.subject,
    text,
    messageId: message.messageId,
    sentAt: message.date,
    headers: {},
    attachmentCount: 0,
    sizeBytes: message.sizeBytes,
    fingerprint: `imap-oversized:${message.mailboxAddress}:${message.folder}:${message.uidValidity}:${message.uid}`,
    problems: ['oversized'],
  });
}
