import type Anthropic from '@anthropic-ai/sdk';

/**
 * The prompt-cache lifetime (CLAUDE_CACHE_TTL). A 5-minute entry costs 1.25× input to write, a
 * 1-hour one 2×; reads cost 0.1× either way and refresh the lifetime. Low-volume inboxes (mail
 * further apart than 5 minutes) read far more often with 1 hour; see the cost benchmark.
 */
export type CacheTtl = '5m' | '1h';

export function cacheControl(ttl: CacheTtl = '5m'): Anthropic.CacheControlEphemeral {
  // The API's default is 5 minutes: the marker stays as short as the docs show it.
  return ttl === '1h' ? { type: 'ephemeral', ttl: '1h' } : { type: 'ephemeral' };
}
