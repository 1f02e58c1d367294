import { createSecretBox, type SecretBox } from '../../platform/crypto/secret-box';
import { env } from '../../platform/config/env';

export type MailboxSecretField = 'imapPassword' | 'smtpPassword' | 'oauthRefreshToken' | 'oauthAccessToken';

/** The associated data of a mailbox secret: it decrypts only in its own row and column. */
export function secretContext(mailboxId: string, field: MailboxSecretField): string {
  return `mailbox:${mailboxId}:${field}`;
}

let box: SecretBox | undefined;

/** This process's secret box, keyed by MAILBOX_SECRET_KEY. */
export function mailboxSecretBox(): SecretBox {
  box ??= createSecretBox(env().MAILBOX_SECRET_KEY);
  return box;
}
