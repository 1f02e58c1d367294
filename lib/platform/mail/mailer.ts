import nodemailer from 'nodemailer';
import { canonicalMessageId, messageIdList } from '../../core/mail/message-id';
import { addressOf } from './addresses';
import { usableAddress, type Mailbox } from './mailbox';

export interface OutgoingMail {
  from: string;
  /** Exactly one recipient, as a structured mailbox: never a string a library could read as a list. */
  to: Mailbox;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
}

export interface DeliveryResult {
  accepted: string[];
  rejected: string[];
  response: string;
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
  };
}

export function createSmtpMailer(smtpUrl: string): Mailer {
  // Timeouts shorter than the activity's start-to-close, so a hung relay fails the attempt
  // cleanly instead of racing a retry.
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail(toNodemailerMessage(mail));
      return {
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        response: info.response,
      };
    },
    close: () => transport.close(),
  };
}
