import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import type { InboundEmail } from './inbound-email';
import { MAX_BODY_CHARS, normalizeMessageId, parseIdList } from './normalize';
import { htmlToText } from './html-to-text';

function firstAddress(value: AddressObject | AddressObject[] | undefined): { address?: string; name?: string } {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const entry = list.flatMap((item) => item.value)[0];
  return { address: entry?.address?.toLowerCase(), name: entry?.name || undefined };
}

/**
 * Parses raw RFC 822 mail. What cannot be parsed is flagged rather than refused: the raw
 * bytes are kept and the message goes to a person.
 */
export async function parseRawEmail(raw: string, sizeBytes: number): Promise<InboundEmail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const problems: InboundEmail['parseProblems'] = [];
  const from = firstAddress(parsed.from);
  if (!from.address || !parsed.messageId) problems.push('malformed');
  let text = parsed.text ?? (typeof parsed.html === 'string' ? htmlToText(parsed.html) : '');
  let html = typeof parsed.html === 'string' ? parsed.html : undefined;
  if (text.length > MAX_BODY_CHARS || (html?.length ?? 0) > MAX_BODY_CHARS) {
    problems.push('oversized');
    text = text.slice(0, MAX_BODY_CHARS);
    html = html?.slice(0, MAX_BODY_CHARS);
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of parsed.headers) headers[key.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value);
  const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((item) => item.value);
  return {
    fromAddress: from.address ?? 'unknown@invalid',
    fromName: from.name,
    to: to.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
    subject: parsed.subject?.trim() || '(no subject)',
    text,
    html,
    // Without a Message-ID we derive one from the content so the same bytes dedupe.
    messageId: normalizeMessageId(parsed.messageId ?? `missing-${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@countersign.invalid`),
    inReplyTo: parsed.inReplyTo ? normalizeMessageId(parsed.inReplyTo) : undefined,
    references: parseIdList(parsed.references),
    sentAt: parsed.date ?? new Date(),
    headers,
    attachmentCount: parsed.attachments.length,
    rawMime: raw,
    sizeBytes,
    parseProblems: problems,
  };
}
