import { z } from 'zod';
import type { ParsedSender } from '../../platform/mail/mailbox';
import type { SenderAuthResults } from './sender-auth/sender-auth-results';
import type { InboundAttachment } from '../../core/mail/inbound-attachment';

export type { InboundAttachment };

const idField = z.union([z.string(), z.array(z.string())]);

/**
 * The JSON shape of POST /api/inbound (the raw RFC 822 form is parsed into the same).
 * Only the shape is checked here: a bad From or Message-ID is mail to keep and flag for a
 * person, never a reason to refuse it.
 */
export const inboundJsonSchema = z.object({
  from: z.string().default(''),
  to: idField.optional(),
  subject: z.string().default(''),
  text: z.string().optional(),
  html: z.string().optional(),
  messageId: z.string().optional(),
  inReplyTo: z.string().optional(),
  references: idField.optional(),
  date: z.coerce.date().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  attachmentCount: z.number().int().min(0).optional(),
});

export type InboundJson = z.input<typeof inboundJsonSchema>;

export type ParseProblem = 'malformed' | 'oversized' | 'invalid_message_id';

/** How a message reached us; the same intake follows for all. */
export type IntakeChannel = 'api' | 'imap' | 'smtp' | 'postmark' | 'sendgrid' | 'mailgun';

/** The SMTP envelope, when a channel saw one (our listener, or a provider that reports it). */
export interface SmtpEnvelope {
  mailFrom?: string;
  rcptTo: string[];
  remoteAddress?: string;
  helo?: string;
}

/** A parsed, normalised inbound email, ready to store. */
export interface InboundEmail {
  /** The From header, parsed once: a reply may only ever go to `sender.mailbox`. */
  sender: ParsedSender;
  /** What the inbox shows (the mailbox address, or the From as received). */
  fromAddress: string;
  fromName?: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Canonical (lib/core/mail/message-id.ts); assigned by us when the sender's was unusable. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  sentAt: Date;
  headers: Record<string, string>;
  attachmentCount: number;
  /** The bytes as received (raw RFC 822 intake only). */
  rawMime?: Uint8Array<ArrayBuffer>;
  sizeBytes: number;
  /** Problems found while parsing; the email is kept and routed to a person. */
  parseProblems: ParseProblem[];
  attachments: InboundAttachment[];
  channel?: IntakeChannel;
  /** The configured mailbox it arrived at (routed by recipient), if any. */
  mailboxId?: string;
  envelope?: SmtpEnvelope;
  /** SPF/DKIM/DMARC; set by acceptInbound before storing. */
  authResults?: SenderAuthResults;
}
