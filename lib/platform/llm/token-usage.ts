import type Anthropic from '@anthropic-ai/sdk';
import type { TokenUsage } from './observer';

/**
 * The API's usage block in our terms. Input tokens are the uncached remainder only; cache
 * writes are split by TTL (they are priced differently), falling back to the total when the
 * API omits the split.
 */
export function tokenUsageOf(usage: Anthropic.Usage | undefined): TokenUsage {
  return {
    inputTokens: usage?.input_tokens ?? 0,
    outputTokens: usage?.output_tokens ?? 0,
    cacheReadTokens: usage?.cache_read_input_tokens ?? 0,
    cacheWrite5mTokens: usage?.cache_creation?.ephemeral_5m_input_tokens ?? usage?.cache_creation_input_tokens ?? 0,
    cacheWrite1hTokens: usage?.cache_creation?.ephemeral_1h_input_tokens ?? 0,
  };
}
