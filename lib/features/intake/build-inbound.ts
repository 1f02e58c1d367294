import { createHash } from 'node:crypto';
import { canonicalMessageId, messageIdList } from '../../core/mail/message-id';
import { parseAddressList, parseSender } from '../../platform/mail/mailbox';
import { htmlToText } from './html-to-text';
import type { InboundAttachment, InboundEmail, ParseProblem } from './inbound-email';

export const MAX_BODY_CHARS = 100_000;
const MAX_SUBJECT_CHARS = 998;

/** What either intake form (JSON or raw MIME) found, before the shared normalisation. */
export interface InboundParts {
  fromValues: string[];
  toValues: string[];
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string | string[];
  references?: string | string[];
  sentAt?: Date;
  headers: Record<string, string>;
  attachmentCount: number;
  attachments?: InboundAttachment[];
  rawMime?: Uint8Array<ArrayBuffer>;
  sizeBytes: number;
  /** What identifies the content when no usable Message-ID came with it. */
  fingerprint: string | Uint8Array;
  malformed?: boolean;
  /** Problems the channel already knows of (a message too large to fetch). */
  problems?: ParseProblem[];
}

/**
 * One normalisation for both intake forms: the From parsed into one mailbox (or flagged),
 * ids canonical and bounded, bodies truncated and flagged when oversized. Never refuses.
 */
export function buildInbound(parts: InboundParts): InboundEmail {
  const problems: ParseProblem[] = [...(parts.problems ?? []), ...(parts.malformed ? (['malformed'] as const) : [])];
  const sender = parseSender(parts.fromValues);
  let text = parts.text ?? (parts.html ? htmlToText(parts.html) : '');
  let html = parts.html;
  if (text.length > MAX_BODY_CHARS || (html?.length ?? 0) > MAX_BODY_CHARS) {
    problems.push('oversized');
    text = text.slice(0, MAX_BODY_CHARS);
    html = html?.slice(0, MAX_BODY_CHARS);
  }
  let messageId = canonicalMessageId(parts.messageId);
  if (!messageId) {
    problems.push('invalid_message_id');
    // Derived from the content, so a redelivery of the same bytes is still one message.
    messageId = `<missing-${createHash('sha256').update(parts.fingerprint).digest('hex').slice(0, 32)}@countersign.invalid>`;
  }
  return {
    sender,
    fromAddress: sender.display.address,
    fromName: sender.display.name,
    to: parseAddressList(parts.toValues),
    subject: oneLine(parts.subject).slice(0, MAX_SUBJECT_CHARS) || '(no subject)',
    text,
    html,
    messageId,
    inReplyTo: messageIdList(parts.inReplyTo).ids[0],
    references: messageIdList(parts.references).ids,
    sentAt: parts.sentAt && !Number.isNaN(parts.sentAt.getTime()) ? parts.sentAt : new Date(),
    headers: parts.headers,
    attachmentCount: parts.attachmentCount,
    attachments: parts.attachments ?? [],
    rawMime: parts.rawMime,
    sizeBytes: parts.sizeBytes,
    parseProblems: problems,
  };
}

function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}
