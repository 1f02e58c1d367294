import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { AUTO_SENT } from '../../features/figures/auto-sent-sql';
import { num, type OverviewWindow } from './overview-window';
import { getDb } from '../../platform/db';

export interface SendStats {
  sent: number;
  autoSent: number;
  /** auto-sent / all sent; null when nothing was sent. */
  automationRate: number | null;
  failed: number;
}

export async function readSendStats(window: OverviewWindow, db: DbClient = getDb()): Promise<SendStats> {
  const [sent, failed] = await Promise.all([
    db.$queryRaw<{ n: bigint; auto: bigint | null }[]>`
      SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE ${AUTO_SENT}) AS auto FROM "OutboundSend" s
      WHERE s."status" = 'sent' AND s."sentAt" >= ${window.since}`,
    db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM "OutboundSend" WHERE "status" = 'failed' AND "updatedAt" >= ${window.since}`,
  ]);
  const total = num(sent[0]?.n);
  const auto = num(sent[0]?.auto);
  return { sent: total, autoSent: auto, automationRate: total > 0 ? auto / total : null, failed: num(failed[0]?.n) };
}
