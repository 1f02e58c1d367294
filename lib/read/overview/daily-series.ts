import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { AUTO_SENT } from '../../features/figures/auto-sent-sql';
import { num, type OverviewWindow } from './overview-window';
import { getDb } from '../../platform/db';

export interface DayPoint {
  day: string;
  received: number;
  sent: number;
  autoSent: number;
  costUsd: number;
}

/**
 * Per-day volume and cost. Timestamps are stored in UTC (Prisma's `timestamp(3)`), so
 * to_char gives the UTC day; each query is a range scan over a (…, createdAt) index.
 */
export async function readDailySeries(window: OverviewWindow, db: DbClient = getDb()): Promise<DayPoint[]> {
  const [received, sent, cost] = await Promise.all([
    db.$queryRaw<{ day: string; n: bigint }[]>`
      SELECT to_char("createdAt", 'YYYY-MM-DD') AS day, COUNT(*) AS n FROM "Message"
      WHERE "direction" = 'inbound' AND "createdAt" >= ${window.since} GROUP BY day`,
    db.$queryRaw<{ day: string; n: bigint; auto: bigint | null }[]>`
      SELECT to_char(s."sentAt", 'YYYY-MM-DD') AS day, COUNT(*) AS n, COUNT(*) FILTER (WHERE ${AUTO_SENT}) AS auto
      FROM "OutboundSend" s WHERE s."status" = 'sent' AND s."sentAt" >= ${window.since} GROUP BY day`,
    db.$queryRaw<{ day: string; cost: number | null }[]>`
      SELECT to_char("createdAt", 'YYYY-MM-DD') AS day, SUM("costUsd") AS cost FROM "LlmCall"
      WHERE "createdAt" >= ${window.since} GROUP BY day`,
  ]);
  const receivedByDay = new Map(received.map((row) => [row.day, row.n]));
  const sentByDay = new Map(sent.map((row) => [row.day, row]));
  const costByDay = new Map(cost.map((row) => [row.day, row.cost]));
  return window.days.map((day) => ({
    day,
    received: num(receivedByDay.get(day)),
    sent: num(sentByDay.get(day)?.n),
    autoSent: num(sentByDay.get(day)?.auto),
    costUsd: num(costByDay.get(day)),
  }));
}
