import { describe, expect, it } from 'vitest';
import { createKnowledgeCache } from '../../../../lib/features/knowledge/knowledge-cache';

const article = (slug: string) => ({ slug, title: slug, body: `About ${slug}` });

describe('knowledge cache', () => {
  it('reads once for a burst, again once the articles may have changed', async () => {
    let clock = 0;
    let reads = 0;
    const knowledge = createKnowledgeCache(async () => [article(`v${++reads}`)], { maxAgeMs: 5_000, now: () => clock });
    const burst = await Promise.all(Array.from({ length: 20 }, () => knowledge()));
    expect(reads).toBe(1);
    expect(new Set(burst.map((articles) => articles[0]?.slug))).toEqual(new Set(['v1']));
    clock = 5_001;
    expect((await knowledge())[0]?.slug).toBe('v2');
  });

  it('keeps no failed read: the next call tries again', async () => {
    let fail = true;
    const knowledge = createKnowledgeCache(async () => {
      if (fail) throw new Error('disk gone');
      return [article('back')];
    });
    await expect(knowledge()).rejects.toThrow('disk gone');
    fail = false;
    expect((await knowledge())[0]?.slug).toBe('back');
  });
});
