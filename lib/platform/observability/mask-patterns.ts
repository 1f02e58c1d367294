import { z } from 'zod';
import type { MaskPattern } from './masking';

/**
 * LANGFUSE_MASK_PATTERNS: a JSON object of label → regular expression (JavaScript syntax,
 * case-sensitive unless written with an inline class), e.g.
 * {"customer_number":"\\bCN-\\d{6}\\b"}; every match leaves the process as `[customer_number]`.
 */
const LABEL = /^[a-z0-9_-]{1,40}$/i;

export const maskPatternsJsonSchema = z.string().transform((text, ctx): MaskPattern[] => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON such as {"customer_number":"\\\\bCN-\\\\d{6}\\\\b"}' });
    return z.NEVER;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of label → regular expression' });
    return z.NEVER;
  }
  const patterns: MaskPattern[] = [];
  for (const [label, source] of Object.entries(json)) {
    if (!LABEL.test(label)) ctx.addIssue({ code: 'custom', message: `label "${label}" must be letters, digits, _ or - (at most 40)` });
    if (typeof source !== 'string' || source.length === 0) {
      ctx.addIssue({ code: 'custom', message: `${label}: the pattern must be a non-empty string` });
      continue;
    }
    try {
      const pattern = new RegExp(source, 'g');
      // A pattern that matches nothing-at-all would loop over every position and mask nothing useful.
      if (pattern.test('')) ctx.addIssue({ code: 'custom', message: `${label}: the pattern matches the empty string` });
      patterns.push({ label, pattern: new RegExp(source, 'g') });
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${label}: ${(error as Error).message}` });
    }
  }
  return patterns;
});
