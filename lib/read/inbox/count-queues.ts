import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { FINISHED_STATUSES, QUEUES, queueFilter, type QueueKey } from '../../core/conversation/queues';
import { Prisma } from '../../platform/db/generated/client';

export type QueueCounts = Record<QueueKey, number>;

/**
 * Conversations per inbox tab. One GROUP BY over the status index (a covering scan, no
 * table reads); tabs are sums of status counts, "all" is the total; "Sent automatically"
 * counts unreviewed automatic replies on its own index.
 */
export async function countQueues(options: { viewerId?: string } = {}, db: DbClient = getDb()): Promise<QueueCounts> {
  const { viewerId } = options;
  const finished = Prisma.join([...FINISHED_STATUSES]);
  const [rows, [unreviewed], [owners]] = await Promise.all([
    db.$queryRaw<{ status: string; n: number | bigint }[]>`SELECT "status", COUNT(*) AS n FROM "Conversation" GROUP BY "status"`,
    // An index range of (autoSentReview, ...): automatic replies no agent has reviewed yet.
    db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Conversation" WHERE "autoSentReview" = 'pending'`,
    // Open conversations by owner: the viewer's and nobody's.
    db.$queryRaw<{ mine: number | bigint; unassigned: number | bigint }[]>`SELECT
        COUNT(*) FILTER (WHERE "assigneeId" = ${viewerId ?? ''}) AS mine,
        COUNT(*) FILTER (WHERE "assigneeId" IS NULL) AS unassigned
      FROM "Conversation" WHERE "status" NOT IN (${finished})`,
  ]);
  const byStatus = new Map(rows.map((row) => [row.status, Number(row.n)]));
  const total = [...byStatus.values()].reduce((sum, n) => sum + n, 0);
  const entries = QUEUES.map((queue) => {
    const filter = queueFilter(queue.key);
    if (filter === 'auto_sent_unreviewed') return [queue.key, Number(unreviewed?.n ?? 0)] as const;
    if (filter === 'mine') return [queue.key, Number(owners?.mine ?? 0)] as const;
    if (filter === 'unassigned') return [queue.key, Number(owners?.unassigned ?? 0)] as const;
    const statuses: readonly string[] = queue.statuses;
    const count = statuses.length === 0 ? total : statuses.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
    return [queue.key, count] as const;
  });
  return Object.fromEntries(entries) as QueueCounts;
}
