import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticles } from '../../../../lib/features/knowledge/import/import-articles';
import { retrievePassages } from '../../../../lib/features/knowledge/retrieve-passages';
import { saveArticle } from '../../../../lib/features/knowledge/save-article';
import { KNOWLEDGE_LIMITS } from '../../../../lib/core/knowledge/limits';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let temp: TempDb;
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

const ZENDESK = JSON.stringify(
  {
    articles: [
      { id: 1, title: 'Chargebacks', body: '<p>We answer every <b>chargeback</b> within 5 days.</p><h2>Evidence</h2><ul><li>Invoice</li><li>Delivery proof</li></ul>', draft: false, label_names: ['payment dispute', 'bank reversal'] },
      { id: 2, title: 'Unpublished', body: '<p>secret</p>', draft: true },
    ],
  },
  null,
  2,
);
const HELP_SCOUT = JSON.stringify({ articles: { items: [{ id: 'a1', name: 'Gift cards', slug: 'gift-cards', text: '<p>Gift cards never expire.</p>', status: 'published', keywords: ['voucher'] }] } }, null, 2);

beforeAll(async () => {
  temp = await createTempDb();
  await saveArticle({ slug: 'refunds', title: 'Refunds', body: 'Existing.' }, temp.db);
});
afterAll(async () => {
  await temp.close();
});

describe('importArticles', () => {
  it('imports a folder of Markdown, HTML and both JSON exports, indexed and searchable, skipping drafts', async () => {
    const result = await importArticles(
      {
        files: [
          file('docs/warranty.md', '---\nkeywords: guarantee, "repair"\ntags:\n  - broken device\n---\n# Warranty\n\nTwo years on every device.\n\n## Claims\n\nSend the serial number.'),
          file('docs/returns.html', '<html><head><title>Returns</title><script>alert(1)</script></head><body><h1>Returns</h1><p>Return within 30 days.</p></body></html>'),
          file('zendesk.json', ZENDESK),
          file('helpscout.json', HELP_SCOUT),
        ],
        authorRole: 'manager',
      },
      temp.db,
    );
    expect(result).toEqual({ ok: true, created: ['warranty', 'returns', 'chargebacks', 'gift-cards'] });
    const returns = await temp.db.articleVersion.findFirstOrThrow({ where: { article: { slug: 'returns' } } });
    expect(returns.title).toBe('Returns');
    expect(returns.body).not.toContain('alert');
    const chargebacks = await temp.db.articleVersion.findFirstOrThrow({ where: { article: { slug: 'chargebacks' } } });
    expect(chargebacks.body).toContain('## Evidence');
    expect(chargebacks.authorRole).toBe('manager');
    expect(await temp.db.article.count({ where: { slug: 'unpublished' } })).toBe(0);
    expect((await retrievePassages({ query: 'how long until you answer my chargeback' }, temp.db))[0]?.slug).toBe('chargebacks');
    // Each format's keywords come along, and find articles whose text never says them.
    const keywordsOf = async (slug: string) => (await temp.db.articleVersion.findFirstOrThrow({ where: { article: { slug } } })).keywords;
    expect(await keywordsOf('warranty')).toEqual(['guarantee', 'repair', 'broken device']);
    expect(await keywordsOf('chargebacks')).toEqual(['payment dispute', 'bank reversal']);
    expect(await keywordsOf('gift-cards')).toEqual(['voucher']);
    const warranty = await temp.db.articleVersion.findFirstOrThrow({ where: { article: { slug: 'warranty' } } });
    expect(warranty.body).not.toContain('keywords:');
    expect((await retrievePassages({ query: 'my bank reversed a dispute' }, temp.db))[0]?.slug).toBe('chargebacks');
    expect((await retrievePassages({ query: 'is my voucher still good?' }, temp.db))[0]?.slug).toBe('gift-cards');
    expect((await retrievePassages({ query: 'do you repair it under guarantee' }, temp.db))[0]?.slug).toBe('warranty');
    // Keywords are searched, never handed to the model as text.
    expect((await retrievePassages({ query: 'voucher' }, temp.db)).every((passage) => !passage.text.includes('voucher'))).toBe(true);
  });

  it('refuses the whole upload, with file, line and reason, for malformed JSON, an oversize article and duplicate slugs', async () => {
    const before = await temp.db.article.count();
    const broken = '{\n  "articles": [\n    { "title": "A", "body": "x" },\n    { "title": "B" "body": "y" }\n  ]\n}';
    const result = await importArticles(
      {
        files: [
          file('fine.md', '# Fine\n\nThis one alone would import.'),
          file('broken.json', broken),
          file('huge.md', `# Huge\n\n${'line of text\n'.repeat(Math.ceil(KNOWLEDGE_LIMITS.maxArticleChars / 13) + 10)}`),
          file('a/dup.md', '# Dup\n\none'),
          file('b/dup.md', '# Dup\n\ntwo'),
          file('refunds.md', '# Refunds\n\nimported'),
          file('notes.txt', 'plain'),
        ],
      },
      temp.db,
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'broken.json', line: 4, reason: expect.stringContaining('not valid JSON') as unknown }),
        expect.objectContaining({ file: 'huge.md', reason: expect.stringContaining('at most 100,000 characters') as unknown }),
        expect.objectContaining({ file: 'b/dup.md', line: 1, reason: expect.stringContaining('duplicate slug "dup" (also a/dup.md, line 1)') as unknown }),
        expect.objectContaining({ file: 'refunds.md', reason: expect.stringContaining('exists already') as unknown }),
        expect.objectContaining({ file: 'notes.txt', reason: 'not a Markdown, HTML or JSON file' }),
      ]),
    );
    expect(problems.find((problem) => problem.file === 'huge.md')?.line).toBeGreaterThan(7_000);
    // Nothing half-imported: not even the file that was fine.
    expect(await temp.db.article.count()).toBe(before);
    expect(await temp.db.article.count({ where: { slug: 'fine' } })).toBe(0);
  });

  it('names the article in an export that lacks its text, by line', async () => {
    const json = '{\n  "articles": [\n    {\n      "title": "Missing body"\n    }\n  ]\n}';
    const result = await importArticles({ files: [file('z.json', json)] }, temp.db);
    expect(result).toEqual({ ok: false, problems: [{ file: 'z.json', line: 4, reason: expect.stringContaining('needs a title and a body') as unknown }] });
  });
});
