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
 * have already expired.
 *
 * Exact under concurrency (many web nodes, one guesser firing in parallel): every step is
 * one conditional UPDATE or INSERT, which PostgreSQL orders on the row, never a read
 * followed by a write that another request could slip between.
 */
export async function consumeRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now = Date.now(),
): Promise<RateLimitDecision> {
  const windowEnd = BigInt(now + rule.windowSeconds * 1000);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    // An open window: count this attempt; the returned row says where it fell.
    const counted = await orNull(db.rateLimit.update({ where: { key, lastRequest: { gt: BigInt(now) } }, data: { count: { increment: 1 } } }), 'P2025');
    if (counted) {
      if (counted.count <= rule.max) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(counted.lastRequest) - now) / 1000)) };
    }
    // No open window: restart an expired one, or create the row. Losing either race to a
    // concurrent request means its window is open now: go round and count in it.
    const restarted = await orNull(db.rateLimit.update({ where: { key, lastRequest: { lte: BigInt(now) } }, data: { count: 1, lastRequest: windowEnd } }), 'P2025');
    if (restarted) return { allowed: true, retryAfterSeconds: 0 };
    const created = await orNull(db.rateLimit.create({ data: { key, count: 1, lastRequest: windowEnd } }), 'P2002');
    if (created) return { allowed: true, retryAfterSeconds: 0 };
  }
  throw new Error(`rate limit for ${key}: no stable window after 5 attempts`);
}

/** The result, or null when the query failed with the Prisma error code that means "lost the race". */
async function orNull<T>(query: Promise<T>, code: 'P2025' | 'P2002'): Promise<T | null> {
  try {
    return await query;
  } catch (error) {
    if ((error as { code?: string }).code === code) return null;
    throw error;
  }
}
