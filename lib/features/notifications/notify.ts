import { getDb } from '../../platform/db';
import type { DbClient } from '../../platform/db/client';
import { env } from '../../platform/config/env';
import { domainOf } from '../../platform/mail/addresses';
import { createSmtpMailer, type Mailer } from '../../platform/mail/mailer';
import type { SecretBox } from '../../platform/crypto/secret-box';
import { mailboxSecretBox } from '../mailboxes/mailbox-secrets';
import type { NotificationChannel } from '../../core/team/notification-kinds';
import { describeEvent } from './describe-event';
import type { Notice, NotifyEvent } from './notify-event';
import { postWebhook } from './post-webhook';
import { getNotificationPreferences } from './preferences';
import { recipientsOf } from './recipients';
import { readWebhookUrl } from './webhook-url';

export type { NotifyEvent } from './notify-event';

export interface NotifyDeps {
  /** The process's client or a transaction's (notices then commit with the change). */
  db: DbClient;
  /** SMTP for the email channel; default: one opened from SMTP_URL for this call. */
  mailer?: Mailer;
  mailFrom?: string;
  /** The dashboard's address, for links in email and webhook text (APP_URL). */
  appUrl?: string;
  secrets?: SecretBox;
  fetch?: typeof fetch;
  webhookTimeoutMs?: number;
}

export interface NotifyResult {
  /** People given a new notice (a repeated event gives none). */
  notified: string[];
  /** Copies by email or webhook that could not be sent, with why (also stored on the notice). */
  failures: { userId: string; channel: NotificationChannel; error: string }[];
}

/**
 * The one way to tell people something: `notify(event)`. It decides who (recipients.ts),
 * writes one in-app notice each (the bell, live through the mirror channel's NOTIFY), then
 * sends the copies each person asked for by email and webhook (preferences.ts), recording
 * how each went. Idempotent per event: a retried caller notifies nobody twice. Never throws
 * for a failed copy; the notice in the app is the record.
 */
export async function notify(event: NotifyEvent, deps: Partial<NotifyDeps> = {}): Promise<NotifyResult> {
  const db = deps.db ?? getDb();
  const recipients = await recipientsOf(event, db);
  const result: NotifyResult = { notified: [], failures: [] };
  if (recipients.length === 0) return result;
  const notice = await describeEvent(event, db);
  let ownMailer: Mailer | undefined;
  const mailer = () => deps.mailer ?? (ownMailer ??= createSmtpMailer(env().SMTP_URL));
  try {
    for (const userId of recipients) {
      const channels = (await getNotificationPreferences(userId, db))[event.kind];
      const created = await createNotice(userId, event, notice, channels.includes('in_app'), db);
      if (!created) continue;
      result.notified.push(userId);
      for (const channel of channels) {
        if (channel === 'in_app') continue;
        const error = await deliver(channel, userId, notice, { ...deps, db, mailer });
        await db.notificationDelivery.create({ data: { notificationId: created, channel, status: error ? 'failed' : 'sent', error } });
        if (error) result.failures.push({ userId, channel, error });
      }
    }
  } finally {
    ownMailer?.close();
  }
  return result;
}

/**
 * The notice row: the record that this person was told, and the bell's entry unless they
 * turned in-app off for this kind (then it is stored already read). Null when it exists.
 */
async function createNotice(userId: string, event: NotifyEvent, notice: Notice, inApp: boolean, db: DbClient): Promise<string | null> {
  const row = await db.notification.createManyAndReturn({
    data: [{ userId, kind: event.kind, title: notice.title, body: notice.body.slice(0, 2000), href: notice.href, conversationId: notice.conversationId, dedupeKey: notice.dedupeKey, readAt: inApp ? null : new Date() }],
    skipDuplicates: true,
    select: { id: true },
  });
  return row[0]?.id ?? null;
}

type DeliverDeps = Omit<NotifyDeps, 'mailer'> & { mailer: () => Mailer };

/** Sends one copy; the error's message when it failed (safe to store: it never holds the URL). */
async function deliver(channel: Exclude<NotificationChannel, 'in_app'>, userId: string, notice: Notice, deps: DeliverDeps): Promise<string | null> {
  const link = notice.href ? `${(deps.appUrl ?? env().APP_URL ?? '').replace(/\/$/, '')}${notice.href}` : '';
  try {
    switch (channel) {
      case 'email': {
        const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
        const from = deps.mailFrom ?? env().MAIL_FROM;
        await deps.mailer().send({
          from,
          to: { address: user.email, name: user.name },
          subject: `[Countersign] ${notice.title}`,
          text: `${notice.body}\n${link ? `\n${link}\n` : ''}`,
          messageId: `<notice.${encodeURIComponent(notice.dedupeKey).replace(/%/g, '=')}.${userId}@${domainOf(from)}>`,
        });
        return null;
      }
      case 'webhook': {
        const url = await readWebhookUrl(userId, deps.db, deps.secrets ?? mailboxSecretBox());
        if (!url) return 'no webhook URL is set';
        await postWebhook(url, [notice.title, notice.body, link].filter(Boolean).join('\n'), { timeoutMs: deps.webhookTimeoutMs ?? 5_000, fetch: deps.fetch });
        return null;
      }
    }
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 500);
  }
}
