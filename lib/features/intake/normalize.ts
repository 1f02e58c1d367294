import { buildInbound } from './build-inbound';
import type { InboundEmail, InboundJson } from './inbound-email';
import { inboundJsonSchema } from './inbound-email';

export { MAX_BODY_CHARS } from './build-inbound';

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Normalises the JSON form; bodies over the limit are truncated and flagged, never refused. */
export function normalizeJson(input: InboundJson, sizeBytes: number): InboundEmail {
  const json = inboundJsonSchema.parse(input);
  return buildInbound({
    fromValues: [json.from],
    toValues: list(json.to),
    subject: json.subject,
    text: json.text,
    html: json.html,
    messageId: json.messageId,
    inReplyTo: json.inReplyTo,
    references: json.references,
    sentAt: json.date,
    headers: Object.fromEntries(Object.entries(json.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value])),
    attachmentCount: json.attachmentCount ?? 0,
    sizeBytes,
    fingerprint: JSON.stringify([json.from, json.subject, json.text ?? '', json.html ?? '']),
  });
}
