import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { num, type OverviewWindow } from './overview-window';
import { getDb } from '../../platform/db';

export interface SlaStats {
  /** Conversations escalated in the window because nobody decided before the SLA. */
  breaches: number;
  /** Waiting for a decision right now with the SLA already passed. */
  overdueNow: number;
}

export async function readSlaStats(window: OverviewWindow, db: DbClient = getDb()): Promise<SlaStats> {
  const [breaches, overdue] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(DISTINCT "conversationId") AS n FROM "ConversationEvent"
      WHERE "type" = 'escalated' AND "at" >= ${window.since}`,
    // Two probes of the (status, slaDueAt, id) index.
    db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM "Conversation"
      WHERE "status" IN ('awaiting_approval', 'escalated') AND "slaDueAt" < ${window.now}`,
  ]);
  return { breaches: num(breaches[0]?.n), overdueNow: num(overdue[0]?.n) };
}
