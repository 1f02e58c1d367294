import { describe, expect, it } from 'vitest';
import { extractCitations, inventedCitations } from '@/lib/core/knowledge/citations';

describe('extractCitations', () => {
  it('strips the markers from the text and lists the ids once, in order of first citation', () => {
    const body = 'Hi,\n\nUse Forgot password. [[cite:password-reset@v1#1]] Links last 60 minutes.[[cite:password-reset@v1#2]] [[cite:password-reset@v1#1]]\n\nBest';
    const result = extractCitations(body);
    expect(result.text).toBe('Hi,\n\nUse Forgot password. Links last 60 minutes.\n\nBest');
    expect(result.cited).toEqual(['password-reset@v1#1', 'password-reset@v1#2']);
    expect(result.malformed).toBe(false);
  });

  it('flags a marker it cannot read rather than letting it reach the customer unnoticed', () => {
    expect(extractCitations('See [[cite: refunds@v1#1 and more').malformed).toBe(true);
    expect(extractCitations('No citations at all.')).toEqual({ text: 'No citations at all.', cited: [], malformed: false });
  });

  it('names every cited id that was not given', () => {
    expect(inventedCitations(['a@v1#1', 'b@v2#1', 'a@v1#2'], ['a@v1#1', 'a@v1#2'])).toEqual(['b@v2#1']);
    expect(inventedCitations([], [])).toEqual([]);
  });
});
