import { describe, expect, it } from 'vitest';
import { readMarkdownArticle } from '../../../../lib/features/knowledge/read-markdown-article';

describe('readMarkdownArticle', () => {
  it('takes keywords from front matter in each way static help centres write them, and keeps it out of the body', () => {
    const inline = readMarkdownArticle('refunds.md', '---\ntitle: ignored\nkeywords: money back, "chargeback"\n---\n# Refunds\n\nWithin 30 days.');
    expect(inline).toEqual({ slug: 'refunds', title: 'Refunds', body: 'Within 30 days.', keywords: ['money back', 'chargeback'] });
    expect(readMarkdownArticle('a.md', '---\ntags: [voucher, gift card]\n---\n# A\n\nText.').keywords).toEqual(['voucher', 'gift card']);
    expect(readMarkdownArticle('a.md', "---\nkeywords:\n  - lost parcel\n  - 'where is my order'\nauthor: Sam\n---\n# A\n\nText.").keywords).toEqual(['lost parcel', 'where is my order']);
  });

  it('reads a file without front matter as before, and one that opens with a rule keeps its text', () => {
    expect(readMarkdownArticle('b.md', '# B\n\nText.')).toEqual({ slug: 'b', title: 'B', body: 'Text.', keywords: [] });
    const ruled = readMarkdownArticle('c.md', '---\nA first paragraph, set off by rules.\n---\n# C\n\nMore.');
    expect(ruled.keywords).toEqual([]);
    expect(ruled.body).toContain('A first paragraph, set off by rules.');
  });
});
