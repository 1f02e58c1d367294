import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../../../lib/platform/config/env';
import type { TokenUsage } from '../../../../lib/platform/llm/observer';
import { DEFAULT_PRICE_TABLE, withPriceOverrides } from '../../../../lib/platform/llm/price-table';
import { computeCostUsd, resolvePriceKey } from '../../../../lib/platform/llm/pricing';

const usage = (partial: Partial<TokenUsage>): TokenUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  ...partial,
});

// Expected values are worked out by hand from the list prices (USD per million tokens) and
// written as decimal literals: the implementation rounds once, so results equal them exactly.
describe('computeCostUsd', () => {
  it('prices plain input and output (haiku 4.5: $1 / $5)', () => {
    const result = computeCostUsd('claude-haiku-4-5', usage({ inputTokens: 1000, outputTokens: 500 }));
    // 1000 × $1/M + 500 × $5/M = 0.001 + 0.0025
    expect(result).toEqual({
      costUsd: 0.0035,
      priced: true,
      pricedAs: 'claude-haiku-4-5',
      band: null,
      breakdown: { input: 0.001, output: 0.0025, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
    });
  });

  it('prices cache reads at a tenth of input (sonnet 4.5: $0.30/M)', () => {
    const result = computeCostUsd('claude-sonnet-4-5', usage({ inputTokens: 200, cacheReadTokens: 10_000, outputTokens: 300 }));
    // 200 × 3 + 10 000 × 0.3 + 300 × 15 = 600 + 3000 + 4500 µ$ = $0.0081
    expect(result.costUsd).toBe(0.0081);
    expect(result.breakdown.cacheRead).toBe(0.003);
  });

  it('prices 5-minute cache writes at 1.25× input (sonnet 4.5: $3.75/M)', () => {
    const result = computeCostUsd('claude-sonnet-4-5', usage({ cacheWrite5mTokens: 2000 }));
    expect(result.costUsd).toBe(0.0075);
    expect(result.breakdown.cacheWrite5m).toBe(0.0075);
  });

  it('prices 1-hour cache writes at 2× input (opus 4.5: $10/M)', () => {
    const result = computeCostUsd('claude-opus-4-5', usage({ cacheWrite1hTokens: 2000 }));
    expect(result.costUsd).toBe(0.02);
  });

  it('adds every usage type in a mixed call (opus 4.1: $15 / $75)', () => {
    const result = computeCostUsd(
      'claude-opus-4-1',
      usage({ inputTokens: 1234, outputTokens: 567, cacheReadTokens: 8901, cacheWrite5mTokens: 2345, cacheWrite1hTokens: 678 }),
    );
    // µ$: 1234×15 + 567×75 + 8901×1.5 + 2345×18.75 + 678×30
    //   = 18 510 + 42 525 + 13 351.5 + 43 968.75 + 20 340 = 138 695.25
    expect(result.costUsd).toBe(0.13869525);
    expect(Math.abs(result.costUsd - 0.13869525)).toBeLessThan(1e-12);
    expect(result.breakdown).toEqual({ input: 0.01851, output: 0.042525, cacheRead: 0.0133515, cacheWrite5m: 0.04396875, cacheWrite1h: 0.02034 });
  });

  it('keeps sub-cent prices exact where floating point would drift (haiku 3.5: $0.80 / $4)', () => {
    const million = 1_000_000;
    expect(computeCostUsd('claude-3-5-haiku', usage({ inputTokens: million, outputTokens: million })).costUsd).toBe(4.8);
    expect(computeCostUsd('claude-3-5-haiku', usage({ cacheReadTokens: million })).costUsd).toBe(0.08);
    expect(computeCostUsd('claude-3-5-haiku', usage({ cacheWrite5mTokens: million })).costUsd).toBe(1);
    expect(computeCostUsd('claude-3-5-haiku', usage({ cacheWrite1hTokens: million })).costUsd).toBe(1.6);
    // Naively 3 × 0.1 ≠ 0.3 in binary; here 3 tokens × $0.10/M is exactly 3e-7.
    expect(computeCostUsd('claude-haiku-4-5', usage({ cacheReadTokens: 3 })).costUsd).toBe(3e-7);
  });

  it('never prices an unknown model at $0: it is flagged and priced at the highest list rates', () => {
    const result = computeCostUsd('gpt-4o', usage({ inputTokens: 1000, outputTokens: 1000 }));
    // 1000 × $15/M + 1000 × $75/M (Opus 4/4.1, the dearest rates Anthropic has charged)
    expect(result).toEqual({
      costUsd: 0.09,
      priced: false,
      pricedAs: null,
      band: null,
      breakdown: { input: 0.015, output: 0.075, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
    });
  });

  it('ignores nonsense token counts rather than producing NaN', () => {
    const result = computeCostUsd('claude-haiku-4-5', usage({ inputTokens: Number.NaN, outputTokens: -5 }));
    expect(result.costUsd).toBe(0);
    expect(result.priced).toBe(true);
  });
});

describe('resolvePriceKey', () => {
  it.each([
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-opus-4-20250514', 'claude-opus-4'],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1'],
    ['claude-opus-4-0', 'claude-opus-4-0'],
    ['claude-3-5-haiku-latest', 'claude-3-5-haiku'],
    ['Claude-Sonnet-4-6', 'claude-sonnet-4-6'],
    ['claude-sonnet-4-5@20250929', 'claude-sonnet-4-5'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5'],
    ['anthropic/claude-haiku-4-5', 'claude-haiku-4-5'],
  ])('matches %s to %s by longest prefix', (model, key) => {
    expect(resolvePriceKey(model)).toBe(key);
  });

  it('does not price a newer minor version as its family (opus 4.8 is not opus 4)', () => {
    expect(resolvePriceKey('claude-opus-4-9')).toBeNull();
    expect(resolvePriceKey('claude-opus-4-8')).toBe('claude-opus-4-8');
    expect(resolvePriceKey('claude-sonnet-4-55')).toBeNull();
  });

  it('prices dated ids like their alias', () => {
    const dated = computeCostUsd('claude-haiku-4-5-20251001', usage({ inputTokens: 1000, outputTokens: 500 }));
    expect(dated.costUsd).toBe(0.0035);
  });
});

describe('price overrides', () => {
  it('replaces a listed model and adds new ones', () => {
    const table = withPriceOverrides({ 'claude-sonnet-4-5': { input: 2, output: 10 }, 'Claude-Next-1': { input: 7, output: 35, cacheRead: 1 } });
    expect(computeCostUsd('claude-sonnet-4-5', usage({ inputTokens: 1000, outputTokens: 1000 }), table).costUsd).toBe(0.012);
    // Explicit cacheRead ($1/M) wins over 0.1 × input; the 5m write stays 1.25 × $7 = $8.75/M.
    const next = computeCostUsd('claude-next-1-20270101', usage({ cacheReadTokens: 1000, cacheWrite5mTokens: 1000 }), table);
    expect(next).toMatchObject({ priced: true, pricedAs: 'claude-next-1', costUsd: 0.00975 });
    expect(DEFAULT_PRICE_TABLE['claude-sonnet-4-5']).toMatchObject({ input: 3, output: 15 });
  });

  it('reads CLAUDE_PRICES_JSON through the validated environment', () => {
    const env = parseEnv({ CLAUDE_PRICES_JSON: '{"claude-haiku-4-5":{"input":0.5,"output":2.5}}' });
    const table = withPriceOverrides(env.CLAUDE_PRICES_JSON);
    expect(computeCostUsd('claude-haiku-4-5', usage({ inputTokens: 1000, outputTokens: 500 }), table).costUsd).toBe(0.00175);
    expect(parseEnv({}).CLAUDE_PRICES_JSON).toBeUndefined();
  });

  it('rejects malformed or negative prices at startup, naming the variable', () => {
    expect(() => parseEnv({ CLAUDE_PRICES_JSON: '{not json' })).toThrow(EnvError);
    expect(() => parseEnv({ CLAUDE_PRICES_JSON: '{not json' })).toThrow(/CLAUDE_PRICES_JSON/);
    expect(() => parseEnv({ CLAUDE_PRICES_JSON: '{"claude-x":{"input":-1,"output":2}}' })).toThrow(/claude-x\.input/);
    expect(() => parseEnv({ CLAUDE_PRICES_JSON: '{"claude-x":{"input":1}}' })).toThrow(/CLAUDE_PRICES_JSON/);
  });
});

describe('model table prices', () => {
  it('keeps non-standard cache multipliers per model (Opus 5.5 reads at 0.05×, Fable 5.1 at 0.025×)', () => {
    expect(computeCostUsd('claude-opus-5-5', usage({ cacheReadTokens: 1_000_000 })).costUsd).toBe(0.2);
    expect(computeCostUsd('claude-fable-5-1', usage({ cacheReadTokens: 1_000_000 })).costUsd).toBe(0.25);
    expect(computeCostUsd('claude-sonnet-4-6', usage({ cacheReadTokens: 1_000_000 })).costUsd).toBe(0.3);
  });

  it('applies a price band to every token once the prompt crosses it (Haiku 5.5 above 100K)', () => {
    const small = computeCostUsd('claude-haiku-5-5', usage({ inputTokens: 60_000, cacheReadTokens: 40_000, outputTokens: 1_000 }));
    // 60 000 × 0.10 + 40 000 × 0.01 + 1 000 × 0.50 µ$ = 6 000 + 400 + 500
    expect(small).toMatchObject({ costUsd: 0.0069, band: null });
    const large = computeCostUsd('claude-haiku-5-5', usage({ inputTokens: 60_001, cacheReadTokens: 40_000, outputTokens: 1_000 }));
    // 60 001 × 0.50 + 40 000 × 0.05 + 1 000 × 2.50 µ$ = 30 000.5 + 2 000 + 2 500
    expect(large).toMatchObject({ costUsd: 0.0345005, band: 100_000 });
  });

  it('accepts bands in CLAUDE_PRICES_JSON', () => {
    const env = parseEnv({ CLAUDE_PRICES_JSON: '{"claude-x-1":{"input":1,"output":2,"bands":[{"abovePromptTokens":10,"input":3,"output":4}]}}' });
    const table = withPriceOverrides(env.CLAUDE_PRICES_JSON);
    expect(computeCostUsd('claude-x-1', usage({ inputTokens: 11 }), table).costUsd).toBe(0.000033);
  });
});
