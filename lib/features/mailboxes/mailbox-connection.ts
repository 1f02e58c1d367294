import type { SecretBox } from '../../platform/crypto/secret-box';
import type { ConnectionSecurity } from './schema';
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
  updatedAt: Date;
}

export interface ImapSettings {
  host: string;
  port: number;
  security: ConnectionSecurity;
  user: string;
  password: string;
  folder: string;
  processedFolder?: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  security: ConnectionSecurity;
  user?: string;
  password?: string;
}

const security = (value: string): ConnectionSecurity => (value === 'starttls' || value === 'none' ? value : 'tls');

/** Decrypted IMAP settings (held in memory only while connecting). */
export function imapSettingsOf(row: MailboxRow, box: SecretBox = mailboxSecretBox()): ImapSettings {
  if (!row.imapHost || !row.imapUser) throw new Error('IMAP server and user are not configured');
  if (!row.imapPassword) throw new Error('No IMAP password is stored: enter it in Admin → Mailboxes');
  const mode = security(row.imapSecurity);
  return {
    host: row.imapHost,
    port: row.imapPort ?? (mode === 'tls' ? 993 : 143),
    security: mode,
    user: row.imapUser,
    password: box.open(row.imapPassword, secretContext(row.id, 'imapPassword')),
    folder: row.imapFolder,
    processedFolder: row.imapProcessedFolder ?? undefined,
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
    password: row.smtpPassword ? box.open(row.smtpPassword, secretContext(row.id, 'smtpPassword')) : undefined,
  };
}
