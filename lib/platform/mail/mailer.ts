import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { canonicalMessageId, messageIdList } from '../../core/mail/message-id';
import { addressOf } from './addresses';
import { usableAddress, type Mailbox } from './mailbox';

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingMail {
  from: string;
  /** Exactly one recipient, as a structured mailbox: never a string a library could read as a list. */
  to: Mailbox;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: OutgoingAttachment[];
}

/** Where a mailbox's replies go out: an smtp(s):// URL, or host, port and credentials. */
export type SmtpTarget =
  | string
  | {
      host: string;
      port: number;
      security: 'tls' | 'starttls' | 'none';
      user?: string;
      password?: string;
      /** XOAUTH2 instead of a password: asked for a token at every login (`renew`: the last one was refused). */
      oauth?: { accessToken(renew: boolean): Promise<string> };
    };

export interface DeliveryResult {
  accepted: string[];
  rejected: string[];
  response: string;
  /** The exact bytes that left (for a copy in the mailbox's Sent folder). */
  raw?: Buffer;
}

/** SMTP delivery; errors keep nodemailer's `responseCode` so callers can tell 4xx from 5xx. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<DeliveryResult>;
  close(): void;
}

/** Refused before SMTP: the code marks it permanent (553: mailbox name not allowed). */
export class UnsafeRecipientError extends Error {
  override name = 'UnsafeRecipientError';
  readonly responseCode = 553;
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f]+/g;

/**
 * The nodemailer message for one reply. The recipient is nodemailer's `{ name, address }`
 * object (taken as one address, never parsed as a list) and the SMTP envelope names that
 * one address explicitly; ids that are not one bounded Message-ID are left out, so
 * nothing a sender wrote is echoed into our headers unchecked.
 */
export function toNodemailerMessage(mail: OutgoingMail) {
  const usable = usableAddress(mail.to.address);
  if ('problem' in usable) throw new UnsafeRecipientError(`Refusing to send: ${usable.problem}`);
  const name = mail.to.name?.replace(CONTROLS, ' ').trim() ?? '';
  const references = messageIdList(mail.references ?? []).ids;
  return {
    from: mail.from,
    to: { name, address: usable.address },
    envelope: { from: addressOf(mail.from), to: [usable.address] },
    subject: mail.subject.replace(CONTROLS, ' '),
    text: mail.text,
    messageId: mail.messageId,
    inReplyTo: canonicalMessageId(mail.inReplyTo),
    references: references.length > 0 ? references : undefined,
    // Bytes as stored (base64 on the wire); the name is ours, never a path.
    attachments: mail.attachments?.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
      contentDisposition: 'attachment' as const,
    })),
  };
}

export function createSmtpMailer(target: SmtpTarget): Mailer {
  // Timeouts shorter than the activity's start-to-close, so a hung relay fails the attempt
  // cleanly instead of racing a retry.
  const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
  const transport =
    typeof target === 'string'
      ? nodemailer.createTransport(target, timeouts)
      : nodemailer.createTransport({
          host: target.host,
          port: target.port,
          secure: target.security === 'tls',
          // STARTTLS required when asked for, never silently skipped; 'none' is loopback only (schema).
          requireTLS: target.security === 'starttls',
          ignoreTLS: target.security === 'none',
          auth: target.oauth && target.user ? { type: 'OAuth2', user: target.user } : target.user ? { user: target.user, pass: target.password ?? '' } : undefined,
          ...timeouts,
        });
  if (typeof target !== 'string' && target.oauth) {
    const source = target.oauth;
    // Expiry 1 (long past): nodemailer keeps no token of its own and asks at every login; the
    // source answers from its store and refreshes before expiry.
    transport.set('oauth2_provision_cb', (_user: string, renew: boolean, callback: (error: Error | null, token?: string, expires?: number) => void) => {
      source.accessToken(renew).then(
        (token) => callback(null, token, 1),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }
  return {
    async send(mail) {
      const message = toNodemailerMessage(mail);
      // Composed once, so a Sent copy is byte for byte what the recipient got.
      const raw = await new MailComposer(message).compile().build();
      const info = await transport.sendMail({ envelope: message.envelope, raw });
      return {
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        response: info.response,
        raw,
      };
    },
    close: () => transport.close(),
  };
}
