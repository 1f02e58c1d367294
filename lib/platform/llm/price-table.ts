import { z } from 'zod';

/**
 * Claude list prices in USD per million tokens (MTok), from Anthropic's pricing page
 * (platform.claude.com/docs/en/about-claude/pricing). Cache rates are omitted where they
 * follow Anthropic's standard multipliers (see CACHE_MULTIPLIERS); an entry may still set
 * them explicitly. Keys are model ids without a date suffix; pricing.ts matches dated ids
 * and provider-prefixed ids against them. Operators override or extend the table with
 * CLAUDE_PRICES_JSON rather than waiting for a release when prices change.
 */

export const modelPriceSchema = z.strictObject({
  input: z.number().finite().nonnegative(),
  output: z.number().finite().nonnegative(),
  cacheWrite5m: z.number().finite().nonnegative().optional(),
  cacheWrite1h: z.number().finite().nonnegative().optional(),
  cacheRead: z.number().finite().nonnegative().optional(),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** Model id (lower case, no date suffix) → price. */
export const priceTableSchema = z.record(z.string().min(1).toLowerCase(), modelPriceSchema);
export type PriceTable = z.infer<typeof priceTableSchema>;

/** Prompt caching prices relative to base input: written for 5 minutes, for 1 hour, read. */
export const CACHE_MULTIPLIERS = { cacheWrite5m: 1.25, cacheWrite1h: 2, cacheRead: 0.1 } as const;

const opusCurrent: ModelPrice = { input: 5, output: 25 };
const opusLegacy: ModelPrice = { input: 15, output: 75 };
const sonnet: ModelPrice = { input: 3, output: 15 };

export const DEFAULT_PRICE_TABLE: Readonly<PriceTable> = Object.freeze({
  'claude-opus-4-7': opusCurrent,
  'claude-opus-4-6': opusCurrent,
  'claude-opus-4-5': opusCurrent,
  'claude-opus-4-1': opusLegacy,
  'claude-opus-4-0': opusLegacy,
  'claude-opus-4': opusLegacy,
  'claude-sonnet-4-6': sonnet,
  'claude-sonnet-4-5': sonnet,
  'claude-sonnet-4-0': sonnet,
  'claude-sonnet-4': sonnet,
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
});

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
