import { z } from 'zod';

/** SMTP envelope: who the client said it was sending from/to, which can differ from the headers (Bcc). */
export const envelopeSchema = z.object({
  /** MAIL FROM address; empty string for the null sender (bounces). */
  from: z.string(),
  /** Accepted RCPT TO addresses, in the order the client sent them. */
  to: z.array(z.string()),
});
export type CaughtEnvelope = z.infer<typeof envelopeSchema>;

/**
 * The JSON sidecar stored next to each `.eml`. It is read back from disk, so it is parsed
 * with zod: a hand-edited or truncated file is skipped instead of crashing the listing.
 */
export const sidecarSchema = z.object({
  id: z.string(),
  receivedAt: z.iso.datetime(),
  envelope: envelopeSchema,
});
export type Sidecar = z.infer<typeof sidecarSchema>;

/** Summary shown in lists (dashboard outbox, GET /api/messages); bodies are left out to keep it cheap. */
export interface CaughtMessageSummary {
  id: string;
  /** ISO timestamp of when the catcher accepted the message. */
  receivedAt: string;
  envelope: CaughtEnvelope;
  /** Message-ID header including angle brackets, e.g. `<abc@example.com>`. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Bare address of the From header. */
  from: string | null;
  /** Bare addresses of the To header (groups flattened). */
  to: string[];
  subject: string | null;
  /** ISO timestamp from the Date header. */
  date: string | null;
  /** Size of the raw RFC 822 message in bytes. */
  sizeBytes: number;
  /** First 160 characters of the text body, whitespace collapsed. */
  preview: string;
}

/** Full parsed message (GET /api/messages/:id). */
export interface CaughtMessage extends Omit<CaughtMessageSummary, 'preview'> {
  /** Plain-text body without trailing line breaks; derived from the HTML part when there is no text part. */
  text: string;
  html: string | null;
  /** Raw header values keyed by lower-case name; repeated headers are joined with "\n". */
  headers: Record<string, string>;
}

export type MessagePredicate = (message: CaughtMessageSummary) => boolean;

export interface MailCatcher {
  /** e.g. `smtp://127.0.0.1:1025`; usable directly as a nodemailer transport URL. */
  smtpUrl: string;
  /** e.g. `http://127.0.0.1:1080`; base of the JSON API and the web page. */
  httpUrl: string;
  /** Newest first. */
  list(): Promise<CaughtMessageSummary[]>;
  get(id: string): Promise<CaughtMessage | null>;
  clear(): Promise<void>;
  count(): Promise<number>;
  /** Resolves with the first message (already stored or arriving later) matching the predicate. */
  waitFor(predicate: MessagePredicate, timeoutMs: number): Promise<CaughtMessageSummary>;
  close(): Promise<void>;
}
