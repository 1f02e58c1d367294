import type { TokenUsage } from '../llm/observer';
import type { CostResult } from '../llm/pricing';

/**
 * LangFuse usage and cost keys for an Anthropic call. The keys are the ones LangFuse's own
 * Anthropic model definitions price (input, output, cache_read_input_tokens,
 * input_cache_creation_5m, input_cache_creation_1h), so the UI groups every `*input*` key as
 * input. `input` is the uncached remainder, as the API reports it, so the keys add up to the
 * real total instead of counting cached tokens twice. Cost is sent explicitly: LangFuse
 * prefers ingested cost over inferring its own, so its price table cannot double count.
 */

export type LangfuseDetails = Record<string, number>;

export function usageDetails(usage: TokenUsage): LangfuseDetails {
  const details: LangfuseDetails = {
    input: usage.inputTokens,
    output: usage.outputTokens,
    cache_read_input_tokens: usage.cacheReadTokens,
    input_cache_creation_5m: usage.cacheWrite5mTokens,
    input_cache_creation_1h: usage.cacheWrite1hTokens,
  };
  details.total = Object.values(details).reduce((sum, value) => sum + value, 0);
  return details;
}

/**
 * Per-type cost with the caller's total. When the observer cannot price the model itself but
 * the caller did, only the total is sent; when nobody priced it, nothing is (LangFuse may
 * then infer a cost from its own table, which is still better than a false zero).
 */
export function costDetails(costUsd: number, computed: CostResult): LangfuseDetails | undefined {
  if (!computed.priced) return costUsd > 0 ? { total: costUsd } : undefined;
  const { breakdown } = computed;
  return {
    input: breakdown.input,
    output: breakdown.output,
    cache_read_input_tokens: breakdown.cacheRead,
    input_cache_creation_5m: breakdown.cacheWrite5m,
    input_cache_creation_1h: breakdown.cacheWrite1h,
    total: costUsd,
  };
}
