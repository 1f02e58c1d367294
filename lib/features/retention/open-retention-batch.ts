import type { Db } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { getRetention } from './retention-setting';

/**
 * The next batch of conversations past the retention age (measured from their last message to
 * `asOf`), as an erasure request of kind `retention` that erasureWorkflow then carries out like
 * a customer's. None while retention is off, or when nothing is that old. Conversations
 * already in a running batch are left to it.
 */
export async function openRetentionBatch(input: { asOf: Date; limit: number }, db: Db = getDb()): Promise<{ erasureId: string; conversations: number } | undefined> {
  const { days } = await getRetention(db);
  if (days === null) return undefined;
  const cutoff = new Date(input.asOf.getTime() - days * 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    const running = await tx.erasureRequest.findMany({ where: { kind: 'retention', status: 'running' }, select: { conversationIds: true } });
    const taken = running.flatMap((row) => row.conversationIds as string[]);
    const expired = await tx.conversation.findMany({
      // Quiet on both counts: no mail and no activity (a reply, a decision) since the cutoff.
      where: { lastMessageAt: { lt: cutoff }, updatedAt: { lt: cutoff }, id: { notIn: taken } },
      orderBy: { lastMessageAt: 'asc' },
      take: input.limit,
      select: { id: true },
    });
    if (expired.length === 0) return undefined;
    const conversationIds = expired.map((row) => row.id);
    const created = await tx.erasureRequest.create({ data: { kind: 'retention', conversationIds, counts: { retentionDays: days } } });
    return { erasureId: created.id, conversations: conversationIds.length };
  });
}
