import type { TokenUsage } from './observer';
import { CACHE_MULTIPLIERS, DEFAULT_PRICE_TABLE, type ModelPrice, type PriceTable } from './price-table';

/**
 * What a Claude call cost, from its token usage and the price table. Unknown models cost 0
 * with `priced: false` rather than throwing: a missing price must never fail a model call.
 */

export interface CostBreakdown {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
}

export interface CostResult {
  costUsd: number;
  priced: boolean;
  /** The price-table key the model id matched, or null when unpriced. */
  pricedAs: string | null;
  breakdown: CostBreakdown;
}

// What may follow a table key: a date snapshot (-20251001, Vertex @20251001), -latest, or a
// Bedrock version (-v1:0). Anything else is a different model: claude-opus-4-8 must not be
// priced as claude-opus-4.
const SUFFIX = /^(?:-\d{8}|@\d{8}|-latest|-v\d+(?::\d+)?)*$/;
// Provider prefixes: Bedrock (anthropic., us.anthropic., global.anthropic.), gateways (anthropic/).
const PROVIDER_PREFIX = /^(?:[a-z]{2,6}\.)?anthropic[./]/;

/** The longest table key that the model id is, or extends with a date/alias suffix. */
export function resolvePriceKey(model: string, table: Readonly<PriceTable> = DEFAULT_PRICE_TABLE): string | null {
  const id = model.trim().toLowerCase().replace(PROVIDER_PREFIX, '');
  let best: string | null = null;
  for (const key of Object.keys(table)) {
    if (!id.startsWith(key) || !SUFFIX.test(id.slice(key.length))) continue;
    if (best === null || key.length > best.length) best = key;
  }
  return best;
}

// Prices are held as integer picodollars per token (USD/MTok × 1e6), so a token count times a
// price is an exact BigInt product; one division at the end rounds once, to the nearest double.
const PICO_PER_USD = 1e12;

function picoPerToken(usdPerMTok: number): bigint {
  return BigInt(Math.round(usdPerMTok * 1e6));
}

interface PicoPrices {
  input: bigint;
  output: bigint;
  cacheRead: bigint;
  cacheWrite5m: bigint;
  cacheWrite1h: bigint;
}

function picoPrices(price: ModelPrice): PicoPrices {
  return {
    input: picoPerToken(price.input),
    output: picoPerToken(price.output),
    cacheRead: picoPerToken(price.cacheRead ?? price.input * CACHE_MULTIPLIERS.cacheRead),
    cacheWrite5m: picoPerToken(price.cacheWrite5m ?? price.input * CACHE_MULTIPLIERS.cacheWrite5m),
    cacheWrite1h: picoPerToken(price.cacheWrite1h ?? price.input * CACHE_MULTIPLIERS.cacheWrite1h),
  };
}

function tokens(count: number): bigint {
  // Token counts come from an API response: guard against NaN, negatives and fractions.
  return Number.isFinite(count) && count > 0 ? BigInt(Math.floor(count)) : 0n;
}

const toUsd = (pico: bigint): number => Number(pico) / PICO_PER_USD;

const ZERO: CostBreakdown = { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };

export function computeCostUsd(model: string, usage: TokenUsage, table: Readonly<PriceTable> = DEFAULT_PRICE_TABLE): CostResult {
  const key = resolvePriceKey(model, table);
  const price = key === null ? undefined : table[key];
  if (key === null || price === undefined) return { costUsd: 0, priced: false, pricedAs: null, breakdown: { ...ZERO } };

  const p = picoPrices(price);
  const pico = {
    input: tokens(usage.inputTokens) * p.input,
    output: tokens(usage.outputTokens) * p.output,
    cacheRead: tokens(usage.cacheReadTokens) * p.cacheRead,
    cacheWrite5m: tokens(usage.cacheWrite5mTokens) * p.cacheWrite5m,
    cacheWrite1h: tokens(usage.cacheWrite1hTokens) * p.cacheWrite1h,
  };
  const total = pico.input + pico.output + pico.cacheRead + pico.cacheWrite5m + pico.cacheWrite1h;
  return {
    costUsd: toUsd(total),
    priced: true,
    pricedAs: key,
    breakdown: {
      input: toUsd(pico.input),
      output: toUsd(pico.output),
      cacheRead: toUsd(pico.cacheRead),
      cacheWrite5m: toUsd(pico.cacheWrite5m),
      cacheWrite1h: toUsd(pico.cacheWrite1h),
    },
  };
}
