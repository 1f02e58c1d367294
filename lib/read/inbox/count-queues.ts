import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { QUEUES, queueFilter, type QueueKey } from '../../core/conversation/queues';

export type QueueCounts = Record<QueueKey, number>;

/**
 * Conversations per inbox tab. One GROUP BY over the status index (a covering scan, no
 * table reads); tabs are sums of status counts, "all" is the total; "Sent automatically"
 * counts unreviewed automatic replies on its own index.
 */
export async function countQueues(db: DbClient = getDb()): Promise<QueueCounts> {
  const [rows, [unreviewed]] = await Promise.all([
    db.$queryRaw<{ status: string; n: number | bigint }[]>`SELECT "status", COUNT(*) AS n FROM "Conversation" GROUP BY "status"`,
    // An index range of (autoSentReview, ...): automatic replies no agent has reviewed yet.
    db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Conversation" WHERE "autoSentReview" = 'pending'`,
  ]);
  const byStatus = new Map(rows.map((row) => [row.status, Number(row.n)]));
  const total = [...byStatus.values()].reduce((sum, n) => sum + n, 0);
  const entries = QUEUES.map((queue) => {
    if (queueFilter(queue.key) === 'auto_sent_unreviewed') return [queue.key, Number(unreviewed?.n ?? 0)] as const;
    const statuses: readonly string[] = queue.statuses;
    const count = statuses.length === 0 ? total : statuses.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
    return [queue.key, count] as const;
  });
  return Object.fromEntries(entries) as QueueCounts;
}
