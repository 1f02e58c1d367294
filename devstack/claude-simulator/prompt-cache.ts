// Simulated prompt caching with the API's accounting: the prefix up to a cache_control breakpoint
// is written on first sight (cache_creation_input_tokens) and read while unexpired
// (cache_read_input_tokens); input_tokens is only the uncached remainder.
import { createHash } from 'node:crypto';
import type { CacheControl } from './messages-api';
import type { PromptUnit } from './prompt-units';

const TTL_MS: Record<NonNullable<CacheControl['ttl']>, number> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };

export interface CacheUsage {
  cacheCreation: number;
  cacheRead: number;
  creation5m: number;
  creation1h: number;
}

const NO_CACHE: CacheUsage = { cacheCreation: 0, cacheRead: 0, creation5m: 0, creation1h: 0 };

interface Checkpoint {
  hash: string;
  tokens: number;
  ttl: keyof typeof TTL_MS;
}

function checkpoints(model: string, units: readonly PromptUnit[]): Checkpoint[] {
  const found: Checkpoint[] = [];
  let hash = createHash('sha256').update(`model:${model}`).digest('hex');
  let tokens = 0;
  for (const unit of units) {
    // A running hash makes each checkpoint's key depend on everything before it, like the real cache.
    hash = createHash('sha256').update(hash).update(unit.key).digest('hex');
    tokens += unit.tokens;
    if (unit.cacheControl) found.push({ hash, tokens, ttl: unit.cacheControl.ttl ?? '5m' });
  }
  return found;
}

export class PromptCache {
  private readonly expiresAt = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * `minimum` is the model's minimum cacheable prefix (model table: Haiku 4.5 4096, Sonnet 4.6
   * 2048, ...). Shorter prefixes are silently not cached, as the API does; prefix sizes use the
   * simulator's token estimate, so a prompt meant to be cached should clear it with room to spare.
   */
  apply(model: string, minimum: number, units: readonly PromptUnit[]): CacheUsage {
    const now = this.now();
    this.evictExpired(now);
    const eligible = checkpoints(model, units).filter((checkpoint) => checkpoint.tokens >= minimum);
    if (eligible.length === 0) return { ...NO_CACHE };

    // The longest still-cached prefix wins; a hit refreshes its lifetime, as the API does.
    let hitIndex = -1;
    eligible.forEach((checkpoint, index) => {
      if (this.expiresAt.has(checkpoint.hash)) hitIndex = index;
    });
    const hit = eligible[hitIndex];
    if (hit) this.expiresAt.set(hit.hash, now + TTL_MS[hit.ttl]);

    const usage: CacheUsage = { ...NO_CACHE, cacheRead: hit?.tokens ?? 0 };
    let covered = usage.cacheRead;
    for (const checkpoint of eligible.slice(hitIndex + 1)) {
      const written = checkpoint.tokens - covered;
      if (checkpoint.ttl === '1h') usage.creation1h += written;
      else usage.creation5m += written;
      usage.cacheCreation += written;
      covered = checkpoint.tokens;
      this.expiresAt.set(checkpoint.hash, now + TTL_MS[checkpoint.ttl]);
    }
    return usage;
  }

  clear(): void {
    this.expiresAt.clear();
  }

  private evictExpired(now: number): void {
    for (const [hash, expiry] of this.expiresAt) {
      if (expiry <= now) this.expiresAt.delete(hash);
    }
  }
}
