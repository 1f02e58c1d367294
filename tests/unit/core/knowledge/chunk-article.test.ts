import { describe, expect, it } from 'vitest';
import { chunkArticle } from '@/lib/core/knowledge/chunk-article';
import { KNOWLEDGE_LIMITS } from '@/lib/core/knowledge/limits';
import { parsePassageId, passageId, slugify } from '@/lib/core/knowledge/passage-id';

describe('chunkArticle', () => {
  it('splits by heading, names each passage after its article and section, and numbers them from 1', () => {
    const passages = chunkArticle('Refunds', 'Intro paragraph.\n\n## Who decides\n\nThe billing team.\n\n## How long\n\nTwo days.');
    expect(passages.map((passage) => [passage.ordinal, passage.heading, passage.text])).toEqual([
      [1, 'Refunds', 'Intro paragraph.'],
      [2, 'Refunds › Who decides', 'The billing team.'],
      [3, 'Refunds › How long', 'Two days.'],
    ]);
  });

  it('keeps every passage under the maximum, even a single huge paragraph, and loses no text', () => {
    const sentence = 'The parcel is insured up to the value on the invoice. ';
    const body = `${sentence.repeat(200)}\n\n${'x'.repeat(5_000)}`;
    const passages = chunkArticle('Shipping', body);
    expect(passages.length).toBeGreaterThan(5);
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(KNOWLEDGE_LIMITS.passageMaxChars);
    expect(passages.map((passage) => passage.text).join('').replace(/\s/g, '')).toBe(body.replace(/\s/g, ''));
  });

  it('gathers short paragraphs up to the target size and keeps a fenced block with blank lines whole', () => {
    const passages = chunkArticle('API', 'One.\n\nTwo.\n\n```\ncode\n\n# not a heading\n```');
    expect(passages).toHaveLength(1);
    expect(passages[0]?.text).toContain('# not a heading');
  });

  it('is deterministic: the same text gives the same passages', () => {
    const body = '## A\n\nalpha\n\n## B\n\nbeta';
    expect(chunkArticle('T', body)).toEqual(chunkArticle('T', body));
  });
});

describe('passage ids', () => {
  it('round-trip and refuse anything else', () => {
    expect(parsePassageId(passageId('password-reset', 12, 3))).toEqual({ slug: 'password-reset', version: 12, ordinal: 3 });
    for (const bad of ['password-reset@v1', 'Password@v1#1', 'a@v1#1; drop', '../x@v1#1', '']) expect(parsePassageId(bad)).toBeNull();
  });

  it('slugify makes a valid slug of titles and file names', () => {
    expect(slugify('Résumé & Billing: FAQ!')).toBe('resume-billing-faq');
    expect(slugify('  --  ')).toBe('');
  });
});
