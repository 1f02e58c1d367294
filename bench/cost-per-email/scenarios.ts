import type { TokenUsage } from '../../lib/platform/llm/observer';
import type { PriceTable } from '../../lib/platform/llm/price-table';
import { computeCostUsd } from '../../lib/platform/llm/pricing';
import type { EmailTokens } from './measure-tokens';

/**
 * Prices one token profile under different model choices. Token counts stay the same across
 * scenarios, so the difference is purely model prices and prompt caching.
 */

export interface Scenario {
  id: string;
  label: string;
  classifyModel: string;
  draftModel: string;
  caching: boolean;
  /** Which measured token profile it is priced from (see measure-tokens.ts). */
  prompts: 'designed' | 'lean';
  /** Price the cache writes as 1-hour entries (CLAUDE_CACHE_TTL=1h) instead of 5-minute ones. */
  ttl1h?: boolean;
}

export interface ScenarioCost {
  scenario: Scenario;
  perEmailUsd: number[];
  totalUsd: number;
  meanPerEmailUsd: number;
  firstEmailUsd: number;
  /** Mean over emails 2..n: the steady state once the prompt cache is warm. */
  laterEmailsMeanUsd: number;
  per1000EmailsUsd: number;
}

/** Without caching every prompt token is billed as plain input. */
export function uncached(usage: TokenUsage): TokenUsage {
  const input = usage.inputTokens + usage.cacheReadTokens + usage.cacheWrite5mTokens + usage.cacheWrite1hTokens;
  return { inputTokens: input, outputTokens: usage.outputTokens, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 };
}

/** The same writes, made as 1-hour cache entries. */
export function asOneHourWrites(usage: TokenUsage): TokenUsage {
  return { ...usage, cacheWrite5mTokens: 0, cacheWrite1hTokens: usage.cacheWrite1hTokens + usage.cacheWrite5mTokens };
}

function costOf(model: string, usage: TokenUsage, prices: PriceTable): number {
  const result = computeCostUsd(model, usage, prices);
  if (!result.priced) throw new Error(`No price for ${model}: add it to CLAUDE_PRICES_JSON`);
  return result.costUsd;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const mean = (values: readonly number[]) => (values.length === 0 ? 0 : sum(values) / values.length);

export function priceScenario(scenario: Scenario, profiles: Record<Scenario['prompts'], readonly EmailTokens[]>, prices: PriceTable): ScenarioCost {
  const emails = profiles[scenario.prompts];
  const adjust = !scenario.caching ? uncached : scenario.ttl1h ? asOneHourWrites : (usage: TokenUsage) => usage;
  const perEmailUsd = emails.map(
    (email) => costOf(scenario.classifyModel, adjust(email.classify), prices) + costOf(scenario.draftModel, adjust(email.draft), prices),
  );
  const meanPerEmailUsd = mean(perEmailUsd);
  return {
    scenario,
    perEmailUsd,
    totalUsd: sum(perEmailUsd),
    meanPerEmailUsd,
    firstEmailUsd: perEmailUsd[0] ?? 0,
    laterEmailsMeanUsd: mean(perEmailUsd.slice(1)),
    per1000EmailsUsd: meanPerEmailUsd * 1000,
  };
}
