import { UNKNOWN_MODEL_PRICE } from './model-table';
import { resolveModelKey } from './resolve-model';
import type { TokenUsage } from './observer';
import type { ModelPrice } from './model-price';
import { CACHE_MULTIPLIERS, DEFAULT_PRICE_TABLE, type PriceTable } from './price-table';

/**
 * What a Claude call cost, from its token usage and the price table. A model missing from the
 * table is never free: it is priced at UNKNOWN_MODEL_PRICE (the highest list rates) with
 * `priced: false`, so the call and the overview can flag it and budgets still count it.
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
  /** False when the model is not in the table: the cost is an estimate at fallback rates. */
  priced: boolean;
  /** The price-table key the model id matched, or null when unpriced. */
  pricedAs: string | null;
  /** The prompt-size band applied, if the model has bands and the prompt crossed one. */
  band: number | null;
  breakdown: CostBreakdown;
}

/** The longest table key that the model id is, or extends with a date/alias suffix. */
export function resolvePriceKey(model: string, table: Readonly<PriceTable> = DEFAULT_PRICE_TABLE): string | null {
  return resolveModelKey(model, Object.keys(table));
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

type Rates = Omit<ModelPrice, 'bands'>;

function picoPrices(price: Rates): PicoPrices {
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

/**
 * The one definition of "tokens in" everywhere we show or price them: the whole prompt Claude
 * read, uncached input plus cache reads and writes (the API's `input_tokens` is only the
 * uncached remainder). Price bands are chosen on it; the timeline, the model-calls table and
 * the overview show it as "prompt tokens".
 */
export function promptTokens(usage: TokenUsage): number {
  return usage.inputTokens + usage.cacheReadTokens + usage.cacheWrite5mTokens + usage.cacheWrite1hTokens;
}

/** The rates for this prompt size: the highest band crossed, else the base rates. */
function ratesFor(price: ModelPrice, prompt: number): { rates: Rates; band: number | null } {
  let chosen: { rates: Rates; band: number | null } = { rates: price, band: null };
  for (const band of price.bands ?? []) {
    if (prompt > band.abovePromptTokens && (chosen.band === null || band.abovePromptTokens > chosen.band)) {
      chosen = { rates: band, band: band.abovePromptTokens };
    }
  }
  return chosen;
}

export function computeCostUsd(model: string, usage: TokenUsage, table: Readonly<PriceTable> = DEFAULT_PRICE_TABLE): CostResult {
  const key = resolvePriceKey(model, table);
  const price = (key === null ? undefined : table[key]) ?? UNKNOWN_MODEL_PRICE;
  const { rates, band } = ratesFor(price, promptTokens(usage));
  const p = picoPrices(rates);
  const pico = {
    input: tokens(usage.inputTokens) * p.input,
    output: tokens(usage.outputTokens) * p.output,
    cacheRead: tokens(usage.cacheReadTokens) * p.cacheRead,
    cacheWrite5m: tokens(usage.cacheWrite5mTokens) * p.cacheWrite5m,
    cacheWrite1h: tokens(usage.cacheWrite1hTokens) * p.cacheWrite1h,
  };
  const total = pico.input + pico.output + pico.cacheRead + pico.cacheWrite5m + pico.cacheWrite1h;
  const priced = key !== null && table[key] !== undefined;
  return {
    costUsd: toUsd(total),
    priced,
    pricedAs: priced ? key : null,
    band,
    breakdown: {
      input: toUsd(pico.input),
      output: toUsd(pico.output),
      cacheRead: toUsd(pico.cacheRead),
      cacheWrite5m: toUsd(pico.cacheWrite5m),
      cacheWrite1h: toUsd(pico.cacheWrite1h),
    },
  };
}
