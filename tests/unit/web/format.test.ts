import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatUsd } from '../../../lib/web/format';

describe('format', () => {
  it.each([
    [12, '12s'],
    [125, '2m'],
    [3 * 3600 + 5 * 60, '3h 5m'],
    [15 * 3600 + 5 * 60, '15h'],
    [2 * 86_400 + 4 * 3600, '2d 4h'],
    [179 * 86_400 + 19 * 3600, '179d'],
    [-600, '10m'],
  ])('formats %s seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('shows fractions of a cent for model costs and dashes for missing ratios', () => {
    expect(formatUsd(0.0021)).toBe('$0.0021');
    expect(formatUsd(0.25)).toBe('$0.250');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(1 / 3)).toBe('33%');
  });
});
