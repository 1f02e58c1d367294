import { z } from 'zod';
import { getDb, type Db } from '../../platform/db';
import type { DbClient } from '../../platform/db/client';
import type { SecretBox } from '../../platform/crypto/secret-box';
import { mailboxSecretBox } from '../mailboxes/mailbox-secrets';
import { recordAudit } from '../audit/record-audit';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A Slack-compatible incoming webhook URL: https, or plain http to this machine only (a local
 * relay, the tests). The URL is a credential (whoever has it can post): it is sealed at rest
 * with the mailbox key, never shown again, never logged.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter the webhook URL your chat tool gave you (https://…).' }))
  .refine((value) => {
    // zod runs this even when the URL check above failed: never throw on what is not a URL.
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return url.protocol === 'https:' || LOOPBACK.has(url.hostname);
  }, 'The webhook URL must use https (plain http only to this machine).');

const context = (userId: string) => `user:${userId}:notificationWebhook`;

/** Stores (or, with null, removes) a person's webhook URL. */
export async function setWebhookUrl(userId: string, url: string | null, db: Db = getDb(), box: SecretBox = mailboxSecretBox()): Promise<void> {
  const sealed = url === null ? null : box.seal(webhookUrlSchema.parse(url), context(userId));
  await db.$transaction(async (tx) => {
    await tx.notificationChannelSettings.upsert({ where: { userId }, create: { userId, webhookUrlSealed: sealed }, update: { webhookUrlSealed: sealed } });
    // The URL itself never goes into the audit log: only that it changed.
    await recordAudit({ actorId: userId, action: sealed ? 'notifications.webhook.set' : 'notifications.webhook.clear', target: `user:${userId}` }, tx);
  });
}

/** The person's webhook URL, decrypted, or null when none is set. */
export async function readWebhookUrl(userId: string, db: DbClient | Db = getDb(), box: SecretBox = mailboxSecretBox()): Promise<string | null> {
  const row = await db.notificationChannelSettings.findUnique({ where: { userId } });
  return row?.webhookUrlSealed ? box.open(row.webhookUrlSealed, context(userId)) : null;
}

export async function hasWebhookUrl(userId: string, db: DbClient | Db = getDb()): Promise<boolean> {
  const row = await db.notificationChannelSettings.findUnique({ where: { userId }, select: { webhookUrlSealed: true } });
  return Boolean(row?.webhookUrlSealed);
}
