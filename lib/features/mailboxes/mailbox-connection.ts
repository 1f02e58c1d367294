import type { SecretBox } from '../../platform/crypto/secret-box';
import type { ConnectionSecurity } from './connection-security';
import { mailboxSecretBox, secretContext } from './mailbox-secrets';

/** The stored row's fields a connection needs. */
export interface MailboxRow {
  id: string;
  address: string;
  displayName: string;
  imapHost: string | null;
  imapPort: number | null;
  imapSecurity: string;
  imapUser: string | null;
  imapPassword: string | null;
  imapFolder: string;
  imapProcessedFolder: string | null;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecurity: string;
  smtpUser: string | null;
  smtpPassword: string | null;
  imapSentFolder: string | null;
  oauthProvider: string | null;
  updatedAt: Date;
}

export interface ImapSettings {
  host: string;
  port: number;
  security: ConnectionSecurity;
  user: string;
  /** Set for password mailboxes; OAuth ones log in with `accessToken` (XOAUTH2), filled in by the reader. */
  password?: string;
  accessToken?: string;
  folder: string;
  processedFolder?: string;
  /** Where copies of replies are appended (null: the provider files them itself). */
  sentFolder?: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  security: ConnectionSecurity;
  user?: string;
  password?: string;
  /** OAuth mailboxes: XOAUTH2 with tokens from the mailbox's grant. */
  oauth?: { accessToken(renew: boolean): Promise<string> };
}

const security = (value: string): ConnectionSecurity => (value === 'starttls' || value === 'none' ? value : 'tls');

/** Decrypted IMAP settings (held in memory only while connecting). */
export function imapSettingsOf(row: MailboxRow, box: SecretBox = mailboxSecretBox()): ImapSettings {
  if (!row.imapHost || !row.imapUser) throw new Error('IMAP server and user are not configured');
  if (!row.imapPassword && !row.oauthProvider) throw new Error('No IMAP password is stored: enter it in Admin → Mailboxes');
  const mode = security(row.imapSecurity);
  return {
    host: row.imapHost,
    port: row.imapPort ?? (mode === 'tls' ? 993 : 143),
    security: mode,
    user: row.imapUser,
    password: row.oauthProvider || !row.imapPassword ? undefined : box.open(row.imapPassword, secretContext(row.id, 'imapPassword')),
    folder: row.imapFolder,
    processedFolder: row.imapProcessedFolder ?? undefined,
    sentFolder: row.imapSentFolder ?? undefined,
  };
}

/** Decrypted SMTP settings, or undefined when the mailbox sends through the default relay. */
export function smtpSettingsOf(row: MailboxRow, box: SecretBox = mailboxSecretBox()): SmtpSettings | undefined {
  if (!row.smtpHost) return undefined;
  const mode = security(row.smtpSecurity);
  return {
    host: row.smtpHost,
    port: row.smtpPort ?? (mode === 'tls' ? 465 : 587),
    security: mode,
    user: row.smtpUser ?? undefined,
    password: row.smtpPassword && !row.oauthProvider ? box.open(row.smtpPassword, secretContext(row.id, 'smtpPassword')) : undefined,
  };
}
