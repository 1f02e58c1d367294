import { describe, expect, it } from 'vitest';
import { variantScores } from '../../../../lib/platform/observability/variant-scores';

describe('A/B pick scores', () => {
  const base = { traceId: 'trace-1', draftVersion: 2, category: 'orders' };

  it('scores both sides of a comparison (1 for the pick, 0 for the other) and the picked side’s edit size', () => {
    const scores = variantScores({ ...base, picked: { label: 'B', describe: 'claude-haiku-4-5', editSize: 17 }, other: { label: 'A', describe: 'claude-sonnet-4-6 · prompt v3' } });
    expect(scores.map((score) => [score.name, score.value, score.metadata?.variant, score.metadata?.describe])).toEqual([
      ['ab_edit_size', 17, 'B', 'claude-haiku-4-5'],
      ['ab_picked', 1, 'B', 'claude-haiku-4-5'],
      ['ab_picked', 0, 'A', 'claude-sonnet-4-6 · prompt v3'],
    ]);
    // One id per side and draft version: a retried activity upserts the same scores.
    expect(new Set(scores.map((score) => score.id)).size).toBe(3);
    expect(variantScores({ ...base, picked: { label: 'B', describe: 'x', editSize: 17 }, other: { label: 'A', describe: 'y' } }).map((score) => score.id)).toEqual(scores.map((score) => score.id));
  });

  it('gives a side offered alone no pick score: it was no comparison', () => {
    const scores = variantScores({ ...base, picked: { label: 'A', describe: 'claude-sonnet-4-6', editSize: 0 } });
    expect(scores.map((score) => score.name)).toEqual(['ab_edit_size']);
  });
});
