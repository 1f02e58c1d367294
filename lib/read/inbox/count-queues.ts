import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { QUEUES, type QueueKey } from '../../core/conversation/queues';

export type QueueCounts = Record<QueueKey, number>;

/**
 * Conversations per inbox tab. One GROUP BY over the status index (a covering scan, no
 * table reads); tabs are sums of status counts, "all" is the total.
 */
export async function countQueues(db: DbClient = getDb()): Promise<QueueCounts> {
  const rows = await db.$queryRaw<{ status: string; n: number | bigint }[]>`
    SELECT "status", COUNT(*) AS n FROM "Conversation" GROUP BY "status"`;
  const byStatus = new Map(rows.map((row) => [row.status, Number(row.n)]));
  const total = [...byStatus.values()].reduce((sum, n) => sum + n, 0);
  const entries = QUEUES.map((queue) => {
    const statuses: readonly string[] = queue.statuses;
    const count = statuses.length === 0 ? total : statuses.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
    return [queue.key, count] as const;
  });
  return Object.fromEntries(entries) as QueueCounts;
}
