import { getDb, type DbClient } from '../../platform/db';
import { mailboxKey } from '../../platform/mail/mailbox';

/**
 * The mailbox mail to these recipients belongs to: the first address (envelope recipients
 * first, then To/Cc) that is a configured, enabled mailbox. Plus-addressing is ignored
 * (support+123@ is support@). None: undefined, and replies use MAIL_FROM.
 */
export async function findMailboxFor(recipients: readonly string[], db: DbClient = getDb()): Promise<{ id: string; address: string } | undefined> {
  const keys = mailboxKeysFor(recipients);
  if (keys.length === 0) return undefined;
  const found = await db.mailbox.findMany({ where: { address: { in: keys }, enabled: true }, select: { id: true, address: true } });
  return firstMailbox(keys, found);
}

/** The mailbox addresses these recipients may be, in the order they win. */
export function mailboxKeysFor(recipients: readonly string[]): string[] {
  return [...new Set(recipients.flatMap((recipient) => candidates(recipient)))];
}

/** Of the enabled mailboxes found for `keys`, the one the first key names. */
export function firstMailbox<T extends { address: string }>(keys: readonly string[], found: readonly T[]): T | undefined {
  return keys.map((key) => found.find((mailbox) => mailbox.address === key)).find((mailbox) => mailbox !== undefined);
}

function candidates(recipient: string): string[] {
  const address = mailboxKey(recipient.replace(/^.*<([^>]*)>.*$/, '$1').trim());
  const [local = '', domain] = address.split('@');
  if (!domain) return [];
  const plus = local.indexOf('+');
  return plus > 0 ? [address, `${local.slice(0, plus)}@${domain}`] : [address];
}
