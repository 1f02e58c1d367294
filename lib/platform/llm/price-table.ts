import { z } from 'zod';
import { modelPriceSchema } from './model-price';
import { MODELS } from './model-table';

/**
 * Claude list prices in USD per million tokens (MTok), keyed by model id without a date
 * suffix; pricing.ts matches dated and provider-prefixed ids against the keys. The defaults
 * come from the model table (model-table.ts), where every cache rate is explicit. Operators
 * override or extend the table with CLAUDE_PRICES_JSON rather than waiting for a release
 * when prices change; an override may leave the cache rates out, and then the standard
 * multipliers (CACHE_MULTIPLIERS) apply.
 */

/** Model id (lower case, no date suffix) → price. */
export const priceTableSchema = z.record(z.string().min(1).toLowerCase(), modelPriceSchema);
export type PriceTable = z.infer<typeof priceTableSchema>;

/** Standard prompt caching prices relative to base input: written for 5 minutes, for 1 hour, read. */
export const CACHE_MULTIPLIERS = { cacheWrite5m: 1.25, cacheWrite1h: 2, cacheRead: 0.1 } as const;

export const DEFAULT_PRICE_TABLE: Readonly<PriceTable> = Object.freeze(Object.fromEntries(MODELS.map((model) => [model.id, model.price])));

/** The default table with overrides applied: an override replaces a model's whole entry. */
export function withPriceOverrides(overrides: PriceTable | undefined, base: Readonly<PriceTable> = DEFAULT_PRICE_TABLE): PriceTable {
  const merged: PriceTable = { ...base };
  for (const [model, price] of Object.entries(overrides ?? {})) merged[model.toLowerCase()] = price;
  return merged;
}

/** Parses the CLAUDE_PRICES_JSON format: a JSON object of model id → ModelPrice. */
export const priceTableJsonSchema = z.string().transform((text, ctx): PriceTable => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON such as {"claude-sonnet-4-5":{"input":3,"output":15}}' });
    return z.NEVER;
  }
  const parsed = priceTableSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
  }
  return z.NEVER;
});
