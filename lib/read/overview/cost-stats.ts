import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { num, type OverviewWindow } from './overview-window';
import { getDb } from '../../platform/db';

export interface CostStats {
  totalUsd: number;
  calls: number;
  /** Conversations with at least one model call in the window. */
  conversations: number;
  perConversationUsd: number | null;
}

export async function readCostStats(window: OverviewWindow, db: DbClient = getDb()): Promise<CostStats> {
  const rows = await db.$queryRaw<{ cost: number | null; calls: bigint; conversations: bigint }[]>`
    SELECT SUM("costUsd") AS cost, COUNT(*) AS calls, COUNT(DISTINCT "conversationId") AS conversations
    FROM "LlmCall" WHERE "createdAt" >= ${window.since}`;
  const totalUsd = num(rows[0]?.cost);
  const conversations = num(rows[0]?.conversations);
  return {
    totalUsd,
    calls: num(rows[0]?.calls),
    conversations,
    perConversationUsd: conversations > 0 ? totalUsd / conversations : null,
  };
}
