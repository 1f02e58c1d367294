import type { Db } from '../../platform/db/client';

export interface RateLimitRule {
  windowSeconds: number;
  max: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt under `key` in the RateLimit table, in fixed windows that start at
 * the first attempt. The table is shared with better-auth's own limiter (keys `ip|path`),
 * which prunes rows whose `lastRequest` is older than its longest window; for keys owned
 * here `lastRequest` therefore holds the window's END, so pruning only removes rows that
 * have already expired. The transaction makes read-and-increment atomic on SQLite.
 */
export async function consumeRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now = Date.now(),
): Promise<RateLimitDecision> {
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const windowEnd = row ? Number(row.lastRequest) : 0;
    if (!row || now >= windowEnd) {
      const fresh = { count: 1, lastRequest: BigInt(now + rule.windowSeconds * 1000) };
      await tx.rateLimit.upsert({ where: { key }, create: { key, ...fresh }, update: fresh });
      return { allowed: true, retryAfterSeconds: 0 };
    }
    if (row.count >= rule.max) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
    }
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { allowed: true, retryAfterSeconds: 0 };
  });
}
