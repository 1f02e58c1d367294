import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/client';
import { createSmtpMailer, type Mailer } from '../../platform/mail/mailer';
import { smtpSettingsOf } from './mailbox-connection';
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
export function createMailboxMailers(deps: { db: Db; defaultMailer: Mailer; defaultFrom: string; tokens?: OAuthTokenSource; create?: typeof createSmtpMailer }): MailboxMailers {
  const cache = new Map<string, { fingerprint: string; mailer: Mailer }>();
  const create = deps.create ?? createSmtpMailer;
  return {
    async senderFor(mailboxId) {
      const row = mailboxId ? await deps.db.mailbox.findUnique({ where: { id: mailboxId } }) : null;
      if (!row) return { from: deps.defaultFrom, mailer: deps.defaultMailer };
      const from = `"${row.displayName.replace(/["\\\r\n]/g, '')}" <${row.address}>`;
      if (!row.smtpHost) return { from, mailer: deps.defaultMailer };
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([row.smtpHost, row.smtpPort, row.smtpSecurity, row.smtpUser, row.smtpPassword, row.oauthProvider]))
        .digest('hex');
      const cached = cache.get(row.id);
      if (cached?.fingerprint === fingerprint) return { from, mailer: cached.mailer };
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
      return { from, mailer };
    },
    close() {
      for (const entry of cache.values()) entry.mailer.close();
      cache.clear();
    },
  };
}
