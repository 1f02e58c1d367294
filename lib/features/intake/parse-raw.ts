import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { safeFilename } from '../../core/mail/attachment-policy';
import { buildInbound } from './build-inbound';
import type { InboundAttachment, InboundEmail } from './inbound-email';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Raw header values by lower-case name, as received. mailparser hands header lines over
 * byte for byte (as latin1); 8-bit UTF-8 (RFC 6532) is read as UTF-8, anything else stays.
 */
function rawHeaderValues(parsed: ParsedMail): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const { key, line } of parsed.headerLines) {
    const bytes = Buffer.from(line, 'latin1');
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      text = line;
    }
    const value = text.slice(text.indexOf(':') + 1);
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return values;
}

/**
 * Parses raw RFC 822 bytes. mailparser decodes every part's transfer encoding and charset
 * (8bit, quoted-printable, base64; ISO-8859-1, Windows-1252, Shift_JIS...); addresses and
 * ids are read from the raw headers by our own one parser. What cannot be parsed is
 * flagged rather than refused: the bytes are kept and the message goes to a person.
 */
export async function parseRawEmail(raw: Uint8Array<ArrayBuffer>, sizeBytes = raw.byteLength): Promise<InboundEmail> {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let parsed: ParsedMail | undefined;
  try {
    parsed = await simpleParser(bytes, { skipImageLinks: true, skipTextLinks: true });
  } catch (error) {
    console.warn(`Intake: MIME parser gave up (${(error as Error).message}); keeping the bytes for a person`);
  }
  const header = parsed ? rawHeaderValues(parsed) : new Map<string, string[]>();
  // A line that is not `Name: value` means this was not a header block at all.
  const malformed = !parsed || parsed.headerLines.length === 0 || parsed.headerLines.some((line) => line.key === '');
  const headers: Record<string, string> = {};
  for (const [key, value] of parsed?.headers ?? []) headers[key.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value);
  return buildInbound({
    fromValues: header.get('from') ?? [],
    toValues: [...(header.get('to') ?? []), ...(header.get('cc') ?? [])],
    subject: parsed?.subject ?? '',
    // What could not be parsed is shown as it came, so the agent can still read it.
    text: parsed?.text ?? (malformed ? bytes.toString('utf8') : undefined),
    html: typeof parsed?.html === 'string' ? parsed.html : undefined,
    messageId: header.get('message-id')?.[0],
    inReplyTo: header.get('in-reply-to'),
    references: header.get('references'),
    sentAt: parsed?.date,
    headers,
    attachmentCount: parsed?.attachments.length ?? 0,
    attachments: (parsed?.attachments ?? []).map(toInboundAttachment),
    rawMime: raw,
    sizeBytes,
    fingerprint: raw,
    malformed,
  });
}

/** A decoded MIME part as intake keeps it: a safe name, the declared type, the bytes, its cid. */
function toInboundAttachment(part: Attachment): InboundAttachment {
  const contentId = part.contentId?.replace(/^<|>$/g, '').trim() || undefined;
  return {
    filename: safeFilename(part.filename ?? (contentId ? `inline-${contentId}` : undefined)),
    contentType: (part.contentType || 'application/octet-stream').toLowerCase().slice(0, 100),
    content: new Uint8Array(part.content.buffer, part.content.byteOffset, part.content.byteLength),
    contentId,
    inline: part.contentDisposition === 'inline' || Boolean(part.related),
  };
}
