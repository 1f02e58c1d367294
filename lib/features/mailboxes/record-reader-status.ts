import { getDb, type DbClient } from '../../platform/db';

const MAX_ERROR = 500;

/** What a mailbox's reader last saw, for the admin page and /api/health. */
export async function recordReaderStatus(
  input: { mailboxId: string; status: 'connecting' | 'ok' | 'error'; error?: string },
  db: DbClient = getDb(),
): Promise<void> {
  const now = new Date();
  const data =
    input.status === 'error'
      ? { readerStatus: 'error', lastError: (input.error ?? 'unknown error').slice(0, MAX_ERROR), lastErrorAt: now }
      : input.status === 'ok'
        ? { readerStatus: 'ok', lastError: null, lastReadAt: now }
        : { readerStatus: 'connecting' };
  await db.mailbox.updateMany({ where: { id: input.mailboxId }, data });
}
