import { htmlToText } from './html-to-text';
import type { InboundEmail, InboundJson } from './inbound-email';

export const MAX_BODY_CHARS = 100_000;

/** "<a@b>" stays "<a@b>"; "a@b" becomes "<a@b>", so lookups match however senders wrote it. */
export function normalizeMessageId(value: string): string {
  const trimmed = value.trim();
  const inner = trimmed.replace(/^<|>$/g, '').trim();
  return `<${inner}>`;
}

/** Message-IDs in a References/In-Reply-To header or array, in order. */
export function parseIdList(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const raw = Array.isArray(value) ? value.join(' ') : value;
  return (raw.match(/<[^<>\s]+>|[^\s<>,]+@[^\s<>,]+/g) ?? []).map(normalizeMessageId);
}

export function parseAddress(value: string): { address: string; name?: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/.exec(value);
  if (match) return { address: (match[2] ?? '').trim().toLowerCase(), name: match[1]?.trim() || undefined };
  return { address: value.trim().toLowerCase() };
}

/** Normalises the JSON form; bodies over the limit are truncated and flagged, never refused. */
export function normalizeJson(input: InboundJson, sizeBytes: number): InboundEmail {
  const from = parseAddress(input.from);
  const problems: InboundEmail['parseProblems'] = [];
  let text = input.text ?? (input.html ? htmlToText(input.html) : '');
  let html = input.html;
  if (text.length > MAX_BODY_CHARS || (html?.length ?? 0) > MAX_BODY_CHARS) {
    problems.push('oversized');
    text = text.slice(0, MAX_BODY_CHARS);
    html = html?.slice(0, MAX_BODY_CHARS);
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(from.address)) problems.push('malformed');
  return {
    fromAddress: from.address,
    fromName: from.name,
    to: (Array.isArray(input.to) ? input.to : input.to ? [input.to] : []).map((item) => parseAddress(item).address),
    subject: input.subject.trim() || '(no subject)',
    text,
    html,
    messageId: normalizeMessageId(input.messageId),
    inReplyTo: input.inReplyTo ? normalizeMessageId(input.inReplyTo) : undefined,
    references: parseIdList(input.references),
    sentAt: input.date ?? new Date(),
    headers: Object.fromEntries(Object.entries(input.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value])),
    attachmentCount: input.attachmentCount ?? 0,
    sizeBytes,
    parseProblems: problems,
  };
}
