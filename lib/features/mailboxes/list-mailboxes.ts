import { getDb, type DbClient } from '../../platform/db';

/** Mailboxes for the admin page and the inbox filter: settings and reader state, never a secret. */
export async function listMailboxes(db: DbClient = getDb()) {
  const rows = await db.mailbox.findMany({ orderBy: { address: 'asc' }, omit: { imapPassword: true, smtpPassword: true, oauthRefreshToken: true, oauthAccessToken: true } });
  const secrets = await db.mailbox.findMany({
    select: { id: true, imapPassword: true, smtpPassword: true },
  });
  const stored = new Map(secrets.map((row) => [row.id, { imap: row.imapPassword !== null, smtp: row.smtpPassword !== null }]));
  return rows.map((row) => ({ ...row, hasImapPassword: stored.get(row.id)?.imap ?? false, hasSmtpPassword: stored.get(row.id)?.smtp ?? false }));
}

export type MailboxListItem = Awaited<ReturnType<typeof listMailboxes>>[number];
