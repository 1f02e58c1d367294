import type { TokenUsage } from '../llm/observer';
import type { CostResult } from '../llm/pricing';

/**
 * LangFuse usage and cost keys for an Anthropic call. The keys are the ones LangFuse's own
 * Anthropic model definitions price (input, output, cache_read_input_tokens,
 * input_cache_creation_5m, input_cache_creation_1h), so the UI groups every `*input*` key as
 * input. `input` is the uncached remainder, as the API reports it, so the keys add up to the
 * real total instead of counting cached tokens twice.
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
 * Per-type cost with the caller's total, always: LangFuse uses ingested cost as it is and
 * prices nothing itself, so the dashboard and LangFuse agree. A model missing from the price
 * table is priced at the fallback rates (the highest list prices, as the store and budgets
 * count it) and flagged `priceEstimated` in the generation's metadata; sending nothing would
 * let LangFuse price it from its own table (or not at all) while the dashboard shows ours.
 */
export function costDetails(costUsd: number, computed: CostResult): LangfuseDetails {
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
