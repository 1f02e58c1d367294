import type { ModelPrice } from './model-price';

/**
 * Every Claude model the app knows: list prices with explicit cache rates (the multipliers
 * are not the same on every model), price bands, the minimum cacheable prefix, limits and
 * what a request may use. Sources: platform.claude.com model overviews and pricing page,
 * models.md in anthropics/skills (see /work/notes/anthropic.md when in doubt). Model ids stay
 * configurable (CLAUDE_CLASSIFY_MODEL, CLAUDE_DRAFT_MODEL); prices can be overridden with
 * CLAUDE_PRICES_JSON. An id not in this table is flagged and priced at UNKNOWN_MODEL_PRICE.
 */

export type ModelStatus = 'active' | 'legacy' | 'deprecated' | 'retired';

/**
 * How a forced tool call (`tool_choice: {type: "tool"}`) fares: allowed as is; allowed only
 * with thinking switched off (models whose adaptive thinking is on by default); or rejected
 * (thinking always on, or the model refuses forced tool use), where structured output
 * (`output_config.format`) is the documented alternative.
 */
export type ForcedToolUse = 'allowed' | 'needs_thinking_disabled' | 'rejected';

export interface ModelSpec {
  /** The API id or alias; the price-table key. */
  id: string;
  /** Dated snapshot ids the API also accepts for it. */
  snapshots?: readonly string[];
  status: ModelStatus;
  price: ModelPrice;
  /** Shorter prefixes are silently not cached by the API. */
  cacheMinTokens: number;
  maxOutputTokens: number;
  contextWindow: number;
  forcedToolUse: ForcedToolUse;
  /** Whether a final assistant message (prefill) is accepted; 400 on 4.6 and later. */
  prefill: boolean;
  /** Thinking without a `thinking` parameter: off, on (can be disabled), or always on. */
  thinking: 'off_by_default' | 'on_by_default' | 'always_on';
}

/** Standard cache rates: 5m write 1.25×, 1h write 2×, read 0.1× of input. */
function standard(input: number, output: number): ModelPrice {
  return { input, output, cacheWrite5m: input * 1.25, cacheWrite1h: input * 2, cacheRead: input * 0.1 };
}

const K = 1_000;
const M = 1_000_000;

const base = { status: 'active', prefill: false, forcedToolUse: 'allowed', thinking: 'off_by_default', contextWindow: 1 * M, maxOutputTokens: 128 * K } as const;

export const MODELS: readonly ModelSpec[] = Object.freeze([
  // Current generation. Thinking is on by default on Opus 5, Sonnet 5 and Haiku 5.5 (off with
  // thinking: disabled); always on for Fable and Opus 5.5; Sonnet 5.5 rejects forced tool use.
  { ...base, id: 'claude-fable-5-1', price: { input: 10, output: 50, cacheWrite5m: 12.5, cacheWrite1h: 20, cacheRead: 0.25 }, cacheMinTokens: 4096, forcedToolUse: 'rejected', thinking: 'always_on' },
  { ...base, id: 'claude-fable-5', price: standard(10, 50), cacheMinTokens: 2048, forcedToolUse: 'rejected', thinking: 'always_on' },
  { ...base, id: 'claude-opus-5-5', price: { input: 4, output: 20, cacheWrite5m: 5, cacheWrite1h: 8, cacheRead: 0.2 }, cacheMinTokens: 4096, forcedToolUse: 'rejected', thinking: 'always_on' },
  { ...base, id: 'claude-sonnet-5-5', price: { input: 2, output: 10, cacheWrite5m: 2.5, cacheWrite1h: 4, cacheRead: 0.2 }, cacheMinTokens: 4096, forcedToolUse: 'rejected', thinking: 'on_by_default' },
  {
    ...base,
    id: 'claude-haiku-5-5',
    // Prompts over 100K tokens (cache reads and writes included) bill every token at 5×.
    price: {
      input: 0.1,
      output: 0.5,
      cacheWrite5m: 0.125,
      cacheWrite1h: 0.2,
      cacheRead: 0.01,
      bands: [{ abovePromptTokens: 100 * K, input: 0.5, output: 2.5, cacheWrite5m: 0.625, cacheWrite1h: 1, cacheRead: 0.05 }],
    },
    cacheMinTokens: 4096,
    forcedToolUse: 'needs_thinking_disabled', thinking: 'on_by_default',
  },
  { ...base, id: 'claude-opus-5', price: standard(5, 25), cacheMinTokens: 4096, forcedToolUse: 'needs_thinking_disabled', thinking: 'on_by_default' },
  { ...base, id: 'claude-sonnet-5', price: { input: 2, output: 10, cacheWrite5m: 2.5, cacheWrite1h: 4, cacheRead: 0.2 }, cacheMinTokens: 4096, forcedToolUse: 'needs_thinking_disabled', thinking: 'on_by_default' },
  { ...base, id: 'claude-opus-4-8', status: 'legacy', price: standard(5, 25), cacheMinTokens: 4096 },
  { ...base, id: 'claude-opus-4-7', status: 'legacy', price: standard(5, 25), cacheMinTokens: 4096 },
  { ...base, id: 'claude-opus-4-6', status: 'legacy', price: standard(5, 25), cacheMinTokens: 4096 },
  // The two models this app uses by default.
  { ...base, id: 'claude-sonnet-4-6', status: 'legacy', price: standard(3, 15), cacheMinTokens: 2048 },
  {
    ...base,
    id: 'claude-haiku-4-5', snapshots: ['claude-haiku-4-5-20251001'],
    status: 'legacy',
    price: standard(1, 5),
    cacheMinTokens: 4096,
    contextWindow: 200 * K,
    maxOutputTokens: 64 * K,
    prefill: true,
  },
  { ...base, id: 'claude-opus-4-5', snapshots: ['claude-opus-4-5-20251101'], status: 'legacy', price: standard(5, 25), cacheMinTokens: 4096, contextWindow: 200 * K, maxOutputTokens: 64 * K, prefill: true },
  { ...base, id: 'claude-sonnet-4-5', snapshots: ['claude-sonnet-4-5-20250929'], status: 'deprecated', price: standard(3, 15), cacheMinTokens: 1024, contextWindow: 200 * K, maxOutputTokens: 64 * K, prefill: true },
  // Retired: requests fail (404); kept so stored calls keep their price.
  { ...base, id: 'claude-opus-4-1', snapshots: ['claude-opus-4-1-20250805'], status: 'retired', price: standard(15, 75), cacheMinTokens: 1024, contextWindow: 200 * K, maxOutputTokens: 32 * K, prefill: true },
  { ...base, id: 'claude-opus-4-0', status: 'retired', price: standard(15, 75), cacheMinTokens: 1024, contextWindow: 200 * K, maxOutputTokens: 32 * K, prefill: true },
  { ...base, id: 'claude-opus-4', snapshots: ['claude-opus-4-20250514'], status: 'retired', price: standard(15, 75), cacheMinTokens: 1024, contextWindow: 200 * K, maxOutputTokens: 32 * K, prefill: true },
  { ...base, id: 'claude-sonnet-4-0', status: 'retired', price: standard(3, 15), cacheMinTokens: 1024, contextWindow: 200 * K, maxOutputTokens: 64 * K, prefill: true },
  { ...base, id: 'claude-sonnet-4', snapshots: ['claude-sonnet-4-20250514'], status: 'retired', price: standard(3, 15), cacheMinTokens: 1024, contextWindow: 200 * K, maxOutputTokens: 64 * K, prefill: true },
  { ...base, id: 'claude-3-7-sonnet', snapshots: ['claude-3-7-sonnet-20250219'], status: 'retired', price: standard(3, 15), cacheMinTokens: 1024, contextWindow: 200 * K, maxOutputTokens: 64 * K, prefill: true },
  { ...base, id: 'claude-3-5-haiku', snapshots: ['claude-3-5-haiku-20241022'], status: 'retired', price: standard(0.8, 4), cacheMinTokens: 2048, contextWindow: 200 * K, maxOutputTokens: 8 * K, prefill: true },
  { ...base, id: 'claude-3-haiku', snapshots: ['claude-3-haiku-20240307'], status: 'retired', price: standard(0.25, 1.25), cacheMinTokens: 2048, contextWindow: 200 * K, maxOutputTokens: 4 * K, prefill: true },
] satisfies ModelSpec[]);

/**
 * What an unknown model id is priced at: the highest list rates Anthropic has charged (Opus
 * 4/4.1), so budgets and the overview err towards too much, never towards a free call.
 */
export const UNKNOWN_MODEL_PRICE: ModelPrice = Object.freeze(standard(15, 75));

/** Settings a request to an unknown model falls back to: the strictest known ones. */
export const UNKNOWN_MODEL_LIMITS: Omit<ModelSpec, 'id' | 'status' | 'price'> = Object.freeze({
  cacheMinTokens: 4096,
  maxOutputTokens: 32 * K,
  contextWindow: 200 * K,
  // Structured output works on every current model; a forced tool does not.
  forcedToolUse: 'rejected',
  prefill: false,
  thinking: 'off_by_default',
});
