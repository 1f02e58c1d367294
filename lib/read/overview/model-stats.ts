import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { num, type OverviewWindow } from './overview-window';
import { getDb } from '../../platform/db';

export interface PurposeCacheStats {
  purpose: string;
  calls: number;
  /** All prompt tokens: uncached input plus cache reads and writes (`promptTokens` in lib/platform/llm/pricing.ts, summed in SQL below). */
  promptTokens: number;
  cacheReadTokens: number;
  /** cacheReadTokens / promptTokens; null without calls. */
  cacheReadShare: number | null;
}

export interface ModelStats {
  byPurpose: PurposeCacheStats[];
  /** Calls whose model is missing from the price table (priced at the fallback rates). */
  unpricedCalls: number;
  unpricedModels: string[];
  /** Conversations waiting for a person because Claude could not answer. */
  needsPersonNow: number;
}

/** How much of the prompt came from the cache per request kind, and calls with an unknown model. */
export async function readModelStats(window: OverviewWindow, db: DbClient = getDb()): Promise<ModelStats> {
  const [purposes, unpriced, needsPerson] = await Promise.all([
    db.$queryRaw<{ purpose: string; calls: bigint; prompt: number | bigint | null; cacheRead: number | bigint | null }[]>`
      SELECT "purpose", COUNT(*) AS calls,
        SUM("inputTokens" + "cacheReadTokens" + "cacheWrite5mTokens" + "cacheWrite1hTokens") AS prompt,
        SUM("cacheReadTokens") AS "cacheRead"
      FROM "LlmCall" WHERE "createdAt" >= ${window.since} GROUP BY "purpose" ORDER BY "purpose"`,
    db.$queryRaw<{ model: string; n: bigint }[]>`
      SELECT "model", COUNT(*) AS n FROM "LlmCall"
      WHERE "createdAt" >= ${window.since} AND "priceEstimated" GROUP BY "model" ORDER BY "model"`,
    db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "Conversation" WHERE "status" = 'needs_person'`,
  ]);
  return {
    byPurpose: purposes.map((row) => {
      const promptTokens = num(row.prompt);
      const cacheReadTokens = num(row.cacheRead);
      return { purpose: row.purpose, calls: num(row.calls), promptTokens, cacheReadTokens, cacheReadShare: promptTokens > 0 ? cacheReadTokens / promptTokens : null };
    }),
    unpricedCalls: unpriced.reduce((sum, row) => sum + num(row.n), 0),
    unpricedModels: unpriced.map((row) => row.model),
    needsPersonNow: num(needsPerson[0]?.n),
  };
}
