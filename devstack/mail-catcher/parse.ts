import { simpleParser, type AddressObject, type EmailAddress, type HeaderLines } from 'mailparser';
import type { CaughtMessage, CaughtMessageSummary, Sidecar } from './types';

const PREVIEW_LENGTH = 160;

/** Turns the raw RFC 822 bytes plus the stored sidecar into the API shape. */
export async function parseCaughtMessage(raw: Buffer, sidecar: Sidecar): Promise<CaughtMessage> {
  const parsed = await simpleParser(raw, {
    // Only text and html are exposed; skip the work mailparser would do for textAsHtml/links.
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  return {
    id: sidecar.id,
    receivedAt: sidecar.receivedAt,
    envelope: sidecar.envelope,
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: toArray(parsed.references),
    from: bareAddresses(parsed.from)[0] ?? null,
    to: bareAddresses(parsed.to),
    subject: parsed.subject ?? null,
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    // A single-part body keeps the line break that ends SMTP DATA, a multipart one does not;
    // dropping trailing breaks makes the same text compare equal either way.
    text: (parsed.text ?? '').replace(/(\r?\n)+$/, ''),
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers: rawHeaders(parsed.headerLines),
    sizeBytes: raw.byteLength,
  };
}

export function toSummary(message: CaughtMessage): CaughtMessageSummary {
  // Fields picked explicitly so a new body-sized field never leaks into list responses.
  const { id, receivedAt, envelope, messageId, inReplyTo, references, from, to, subject, date, sizeBytes } = message;
  const preview = message.text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH);
  return { id, receivedAt, envelope, messageId, inReplyTo, references, from, to, subject, date, sizeBytes, preview };
}

function toArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function bareAddresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects.flatMap((object) => flatten(object.value));
}

// Group syntax ("Team: a@x, b@x;") nests addresses; callers only care who receives it.
function flatten(addresses: EmailAddress[]): string[] {
  return addresses.flatMap((entry) => [
    ...(entry.address ? [entry.address] : []),
    ...flatten(entry.group ?? []),
  ]);
}

// mailparser's structured `headers` map mixes strings, Dates and address objects; the raw
// lines keep exactly what the app sent, which is what a test of outgoing headers wants.
function rawHeaders(lines: HeaderLines): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    const value = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    const previous = headers[key];
    headers[key] = previous === undefined ? value : `${previous}\n${value}`;
  }
  return headers;
}
