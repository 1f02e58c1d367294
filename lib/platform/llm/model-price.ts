import { z } from 'zod';

/**
 * The shape of one model's price, in USD per million tokens: what the model table states and
 * what CLAUDE_PRICES_JSON may override (price-table.ts).
 */

const rate = z.number().finite().nonnegative();

/** Rates that replace the base ones for every token of a request whose prompt is larger. */
export const priceBandSchema = z.strictObject({
  /** Prompt size (input + cache reads + cache writes) above which the band applies. */
  abovePromptTokens: z.number().int().positive(),
  input: rate,
  output: rate,
  cacheWrite5m: rate.optional(),
  cacheWrite1h: rate.optional(),
  cacheRead: rate.optional(),
});
export type PriceBand = z.infer<typeof priceBandSchema>;

export const modelPriceSchema = z.strictObject({
  input: rate,
  output: rate,
  cacheWrite5m: rate.optional(),
  cacheWrite1h: rate.optional(),
  cacheRead: rate.optional(),
  bands: z.array(priceBandSchema).max(5).optional(),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;
