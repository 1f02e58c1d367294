import type { Db } from '../../../../platform/db/client';

const KEEP_MS = 24 * 60 * 60_000;

/**
 * Remembers a signature's one-time key (Mailgun's token). False when it was seen before: a
 * replayed request. Keys older than a day are pruned; signatures that old fail the timestamp
 * check anyway.
 */
export async function recordReplayKey(key: string, db: Db): Promise<boolean> {
  try {
    await db.webhookReplay.create({ data: { key } });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
  await db.webhookReplay.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  return true;
}

/** Forgets a key whose request failed before its mail was stored, so the provider's retry is let in. */
export async function forgetReplayKey(key: string, db: Db): Promise<void> {
  await db.webhookReplay.deleteMany({ where: { key } });
}
