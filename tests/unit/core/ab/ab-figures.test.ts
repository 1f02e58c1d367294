import { describe, expect, it } from 'vitest';
import { abFigures, median, MIN_PICKS, pickVerdict, type VariantOutcome } from '../../../../lib/core/ab/ab-figures';
import { abTestInputSchema } from '../../../../lib/core/ab/ab-test-schema';

/** One decided draft of `category` with both sides offered; `picked` chose, `edit` its edit size. */
function compared(category: string, key: string, picked: 'A' | 'B', edit = 0): VariantOutcome[] {
  return (['A', 'B'] as const).map((label) => ({
    category,
    draftVersionKey: key,
    label,
    status: 'ok',
    picked: label === picked,
    editSize: label === picked ? edit : null,
  }));
}

describe('A/B figures', () => {
  it('counts picks, pick rate and median edit size per variant per category', () => {
    const rows = [...compared('billing', 'c1#1', 'B', 10), ...compared('billing', 'c2#1', 'B', 30), ...compared('billing', 'c3#1', 'A', 4), ...compared('shipping', 's1#1', 'A', 0)];
    const [billing, shipping] = abFigures(rows);
    expect(billing).toMatchObject({ category: 'billing', comparisons: 3 });
    expect(billing!.variants).toEqual([
      { label: 'A', picks: 1, pickRate: 1 / 3, medianEditSize: 4, failures: 0 },
      { label: 'B', picks: 2, pickRate: 2 / 3, medianEditSize: 20, failures: 0 },
    ]);
    expect(billing!.verdict).toBe(`Not enough picks yet (3 of ${MIN_PICKS}).`);
    expect(shipping!.variants[0]!.picks).toBe(1);
  });

  it('does not count a draft where one side failed as a comparison, but counts the failure', () => {
    const rows: VariantOutcome[] = [
      { category: 'billing', draftVersionKey: 'c1#1', label: 'A', status: 'failed', picked: null, editSize: null },
      { category: 'billing', draftVersionKey: 'c1#1', label: 'B', status: 'ok', picked: true, editSize: 0 },
    ];
    const [billing] = abFigures(rows);
    expect(billing!.comparisons).toBe(0);
    expect(billing!.variants.map((variant) => [variant.picks, variant.failures])).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });

  it('does not count an undecided draft', () => {
    const rows = compared('billing', 'c1#1', 'A').map((row) => ({ ...row, picked: null }));
    expect(abFigures(rows)[0]!.comparisons).toBe(0);
  });

  it('names a winner only with enough picks and a significant split', () => {
    expect(pickVerdict(15, 4)).toMatch(/^Not enough picks yet/);
    expect(pickVerdict(12, 8)).toMatch(/^No clear winner after 20 picks/);
    // 15 of 20: z = (15 − 10) / √5 ≈ 2.24 > 1.96.
    expect(pickVerdict(5, 15)).toBe('Variant B wins: picked in 75% of 20 picks (p < 0.05).');
    // 14 of 20: z ≈ 1.79, not enough.
    expect(pickVerdict(14, 6)).toMatch(/^No clear winner/);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('A/B test settings', () => {
  it('accepts a model against a prompt version', () => {
    expect(abTestInputSchema.safeParse({ category: 'billing', enabled: true, variantA: { promptVersion: 3 }, variantB: { model: 'claude-haiku-4-5' } }).success).toBe(true);
  });
  it('refuses a variant with both or neither, and two equal variants', () => {
    const both = abTestInputSchema.safeParse({ category: 'billing', enabled: true, variantA: { promptVersion: 3, model: 'x' }, variantB: { model: 'y' } });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.message).toMatch(/either a model or a prompt version/);
    expect(abTestInputSchema.safeParse({ category: 'billing', enabled: true, variantA: {}, variantB: { model: 'y' } }).success).toBe(false);
    const same = abTestInputSchema.safeParse({ category: 'billing', enabled: true, variantA: { model: 'y' }, variantB: { model: 'y' } });
    expect(same.error?.issues[0]?.message).toMatch(/the same/);
  });
});
