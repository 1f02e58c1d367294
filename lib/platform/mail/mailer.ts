import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
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
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
      });
      return {
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        response: info.response,
      };
    },
    close: () => transport.close(),
  };
}
