import { z } from 'zod';
import { CONNECTION_SECURITY } from './connection-security';
import { OAUTH_PROVIDERS } from './oauth/providers';

export const INBOUND_CHANNELS = ['imap', 'smtp', 'postmark', 'sendgrid', 'mailgun', 'api'] as const;
export type InboundChannel = (typeof INBOUND_CHANNELS)[number];
export { CONNECTION_SECURITY, type ConnectionSecurity } from './connection-security';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const optionalPort = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65_535).optional());
// Passwords are never trimmed (a space may be part of one) and never echoed back.
const optionalSecret = z.preprocess(blankToUndefined, z.string().max(1024).optional());
const flag = z.preprocess((value) => (value === undefined || value === '' ? undefined : value === true || value === 'true' || value === 'on'), z.boolean().default(true));

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * A mailbox as an admin (or MAILBOXES_JSON) describes it. Passwords left empty keep the stored
 * ones. Plain-text connections are refused except to this machine: a password would cross
 * the network readable.
 */
export const mailboxInputSchema = z
  .object({
    id: z.preprocess(blankToUndefined, z.string().min(1).optional()),
    address: z.string().trim().toLowerCase().pipe(z.email('Enter the mailbox address, e.g. support@example.com.')),
    displayName: z.string().trim().min(1, 'Enter the name replies are signed with.').max(100),
    inboundChannel: z.enum(INBOUND_CHANNELS),
    enabled: flag,
    imapHost: optionalText(255),
    imapPort: optionalPort,
    imapSecurity: z.enum(CONNECTION_SECURITY).default('tls'),
    imapUser: optionalText(320),
    imapPassword: optionalSecret,
    imapFolder: z.preprocess(blankToUndefined, z.string().trim().min(1).max(255).default('INBOX')),
    imapProcessedFolder: optionalText(255),
    // A copy of each reply is appended here (e.g. "Sent"); empty: none (Gmail and Microsoft 365 file their own).
    imapSentFolder: optionalText(255),
    smtpHost: optionalText(255),
    smtpPort: optionalPort,
    smtpSecurity: z.enum(CONNECTION_SECURITY).default('tls'),
    smtpUser: optionalText(320),
    smtpPassword: optionalSecret,
    // What {{signature}} becomes in saved replies.
    signature: z.preprocess(blankToUndefined, z.string().max(2000).optional()),
  })
  .superRefine((input, context) => {
    if (input.inboundChannel === 'imap') {
      if (!input.imapHost) context.addIssue({ code: 'custom', path: ['imapHost'], message: 'Enter the IMAP server, e.g. imap.gmail.com.' });
      if (!input.imapUser) context.addIssue({ code: 'custom', path: ['imapUser'], message: 'Enter the IMAP user name (usually the address).' });
    }
    for (const side of ['imap', 'smtp'] as const) {
      const host = input[`${side}Host`];
      if (input[`${side}Security`] === 'none' && host && !LOOPBACK.test(host)) {
        context.addIssue({
          code: 'custom',
          path: [`${side}Security`],
          message: `Unencrypted ${side.toUpperCase()} is allowed only to this machine: the password would cross the network readable.`,
        });
      }
    }
    if (input.smtpUser && !input.smtpHost) context.addIssue({ code: 'custom', path: ['smtpHost'], message: 'Enter the SMTP server for this user.' });
  });

export type MailboxInput = z.output<typeof mailboxInputSchema>;

export const mailboxListJsonSchema = z.array(mailboxInputSchema);

export const deleteMailboxSchema = z.object({ id: z.string().min(1) });

/** "Connect with Google / Microsoft": a new mailbox (address and name), or an existing one to reconnect. */
export const oauthConnectSchema = z.union([
  z.object({ provider: z.enum(OAUTH_PROVIDERS), mailboxId: z.string().min(1) }),
  z.object({
    provider: z.enum(OAUTH_PROVIDERS),
    address: z.string().trim().toLowerCase().pipe(z.email('Enter the mailbox address, e.g. support@example.com.')),
    displayName: z.string().trim().min(1, 'Enter the name replies are signed with.').max(100),
  }),
]);
