import type { ImapFlow, MailboxObject } from 'imapflow';
import type { Db } from '../../../../platform/db/client';
import type { AcceptInboundResult } from '../../accept-inbound';
import type { InboundEmail } from '../../inbound-email';
import { parseRawEmail } from '../../parse-raw';
import { oversizedNotice } from './oversized-notice';

export interface SyncContext {
  db: Db;
  mailboxId: string;
  mailboxAddress: string;
  folder: string;
  processedFolder?: string;
  maxBytes: number;
  accept: (email: InboundEmail) => Promise<AcceptInboundResult>;
  stopped: () => boolean;
}

/**
 * Reads what is new in the folder, oldest first, one message at a time: fetch, store through
 * intake, advance the durable cursor, and only then mark it \Seen (or move it). A crash at any
 * point re-reads from the cursor and intake's dedupe makes the re-read a no-op, so nothing is
 * lost and nothing is repeated. Returns how many messages it took in.
 */
export async function syncFolder(client: ImapFlow, context: SyncContext): Promise<number> {
  const lock = await client.getMailboxLock(context.folder);
  try {
    const folder = client.mailbox as MailboxObject;
    const uidValidity = String(folder.uidValidity);
    const cursor = await context.db.mailbox.findUniqueOrThrow({ where: { id: context.mailboxId }, select: { imapUidValidity: true, imapLastUid: true } });
    // A folder never read (or recreated: UIDVALIDITY changed) starts with what is unread in it
    // now; after that, every UID above the cursor is new, read elsewhere or not.
    const fresh = cursor.imapUidValidity !== uidValidity;
    const baseline = Math.max(0, (folder.uidNext ?? 1) - 1);
    const found = fresh
      ? ((await client.search({ seen: false }, { uid: true })) || [])
      : ((await client.search({ uid: `${cursor.imapLastUid + 1}:*` }, { uid: true })) || []).filter((uid) => uid > cursor.imapLastUid);
    const uids = [...new Set(found)].sort((a, b) => a - b);
    let taken = 0;
    for (const uid of uids) {
      if (context.stopped()) break;
      const stored = await takeMessage(client, context, uidValidity, uid);
      if (!fresh) await advanceCursor(context, uidValidity, uid);
      if (stored) taken += 1;
    }
    if (fresh && !context.stopped()) await advanceCursor(context, uidValidity, Math.max(baseline, ...uids), true);
    return taken;
  } finally {
    lock.release();
  }
}

async function takeMessage(client: ImapFlow, context: SyncContext, uidValidity: string, uid: number): Promise<boolean> {
  const meta = await client.fetchOne(String(uid), { uid: true, size: true, envelope: true }, { uid: true });
  if (!meta) return false; // expunged meanwhile
  if ((meta.size ?? 0) > context.maxBytes) {
    const from = meta.envelope?.from?.[0];
    await context.accept({
      ...oversizedNotice({
        mailboxAddress: context.mailboxAddress,
        folder: context.folder,
        uidValidity,
        uid,
        sizeBytes: meta.size ?? 0,
        maxBytes: context.maxBytes,
        from: from?.address ? `${from.name ? `"${from.name.replace(/"/g, '')}" ` : ''}<${from.address}>` : '',
        subject: meta.envelope?.subject ?? '',
        messageId: meta.envelope?.messageId,
        date: meta.envelope?.date ? new Date(meta.envelope.date) : undefined,
      }),
      channel: 'imap',
      mailboxId: context.mailboxId,
    });
    return true; // left unread on the server on purpose: the whole message is still there
  }
  const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
  if (!message || !message.source) return false;
  const raw = new Uint8Array(message.source.buffer, message.source.byteOffset, message.source.byteLength) as Uint8Array<ArrayBuffer>;
  const email = await parseRawEmail(raw);
  await context.accept({ ...email, channel: 'imap', mailboxId: context.mailboxId });
  // Stored: now the server may be told.
  if (context.processedFolder) {
    await ensureFolder(client, context.processedFolder);
    // imapflow answers a refused MOVE with false: said aloud, so the mailbox shows it (the mail
    // is stored and stays where it was; the cursor keeps it from being taken twice).
    const moved = await client.messageMove(String(uid), context.processedFolder, { uid: true });
    if (moved === false) throw new Error(`the server refused to move the message to "${context.processedFolder}"`);
  } else {
    await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  }
  return true;
}

const ensured = new WeakMap<ImapFlow, Set<string>>();

/** The processed folder is created the first time it is needed (once per connection). */
async function ensureFolder(client: ImapFlow, folder: string): Promise<void> {
  const known = ensured.get(client) ?? new Set<string>();
  ensured.set(client, known);
  if (known.has(folder)) return;
  const exists = (await client.list()).some((entry) => entry.path === folder);
  if (!exists) await client.mailboxCreate(folder);
  known.add(folder);
}

/** The cursor only moves forward (two readers racing after a lost lease cannot move it back). */
async function advanceCursor(context: SyncContext, uidValidity: string, uid: number, reset = false): Promise<void> {
  if (reset) {
    await context.db.mailbox.updateMany({ where: { id: context.mailboxId }, data: { imapUidValidity: uidValidity, imapLastUid: uid } });
    return;
  }
  await context.db.mailbox.updateMany({
    where: { id: context.mailboxId, imapUidValidity: uidValidity, imapLastUid: { lt: uid } },
    data: { imapLastUid: uid },
  });
}
