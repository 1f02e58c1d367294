import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/client';
import { createSmtpMailer, type Mailer } from '../../platform/mail/mailer';
import { appendSentCopy } from './append-sent-copy';
import { imapSettingsOf, smtpSettingsOf, type MailboxRow } from './mailbox-connection';
import type { OAuthTokenSource } from './oauth/oauth-token-source';

/** Who a reply is from and the relay it leaves through. */
export interface ReplySender {
  from: string;
  mailer: Mailer;
}

export interface MailboxMailers {
  /** The conversation's mailbox (its display name, address and relay), or the defaults. */
  senderFor(mailboxId: string | null): Promise<ReplySender>;
  close(): void;
}

/**
 * One SMTP transport per mailbox, built on first use and rebuilt when its settings change. A
 * mailbox without SMTP settings sends from its own address through the default relay
 * (SMTP_URL); a conversation without a mailbox (or whose mailbox was deleted) uses MAIL_FROM.
 */
export function createMailboxMailers(deps: {
  db: Db;
  defaultMailer: Mailer;
  defaultFrom: string;
  tokens?: OAuthTokenSource;
  create?: typeof createSmtpMailer;
  log?: (line: string) => void;
}): MailboxMailers {
  const cache = new Map<string, { fingerprint: string; mailer: Mailer }>();
  const create = deps.create ?? createSmtpMailer;
  const log = deps.log ?? ((line: string) => console.warn(line));

  // The reply has left: a copy that cannot be filed is logged, never thrown (a throw would
  // make the send look failed and be retried: the customer would get it twice).
  const fileCopy = async (row: MailboxRow, folder: string, raw: Buffer) => {
    try {
      const settings = imapSettingsOf(row);
      if (row.oauthProvider) {
        if (!deps.tokens) throw new Error('no OAuth settings in this worker');
        settings.accessToken = await deps.tokens.accessToken(row.id);
      }
      await appendSentCopy({ ...settings, sentFolder: folder }, raw);
    } catch (error) {
      log(`Mailbox ${row.address}: the reply was sent, but its copy could not be filed in "${folder}": ${(error as Error).message}`);
    }
  };
  const withSentCopy = (row: MailboxRow, mailer: Mailer): Mailer => {
    const folder = row.imapSentFolder;
    if (!folder || !row.imapHost) return mailer;
    return {
      async send(mail) {
        const result = await mailer.send(mail);
        if (result.raw) await fileCopy(row, folder, result.raw);
        return result;
      },
      close: () => mailer.close(),
    };
  };

  return {
    async senderFor(mailboxId) {
      const row = mailboxId ? await deps.db.mailbox.findUnique({ where: { id: mailboxId } }) : null;
      if (!row) return { from: deps.defaultFrom, mailer: deps.defaultMailer };
      const from = `"${row.displayName.replace(/["\\\r\n]/g, '')}" <${row.address}>`;
      if (!row.smtpHost) return { from, mailer: withSentCopy(row, deps.defaultMailer) };
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([row.smtpHost, row.smtpPort, row.smtpSecurity, row.smtpUser, row.smtpPassword, row.oauthProvider]))
        .digest('hex');
      const cached = cache.get(row.id);
      if (cached?.fingerprint === fingerprint) return { from, mailer: withSentCopy(row, cached.mailer) };
      cached?.mailer.close();
      const settings = smtpSettingsOf(row);
      if (settings && row.oauthProvider) {
        const tokens = deps.tokens;
        const id = row.id;
        settings.user ??= row.address;
        settings.oauth = {
          accessToken: async (renew) => {
            if (!tokens) throw new Error('OAuth mailboxes need the worker’s OAuth settings (GOOGLE_OAUTH_* / MICROSOFT_OAUTH_*).');
            return tokens.accessToken(id, { force: renew });
          },
        };
      }
      const mailer = create(settings ?? '');
      cache.set(row.id, { fingerprint, mailer });
      return { from, mailer: withSentCopy(row, mailer) };
    },
    close() {
      for (const entry of cache.values()) entry.mailer.close();
      cache.clear();
    },
  };
}
