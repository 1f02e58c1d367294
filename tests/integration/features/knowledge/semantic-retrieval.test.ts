import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../devstack/project-root';
import { setArticleArchived } from '../../../../lib/features/knowledge/archive-article';
import { createPassageVectors, embedMissingPassages, processEmbedder, type PassageVectors } from '../../../../lib/features/knowledge/passage-vectors';
import { retrievePassages } from '../../../../lib/features/knowledge/retrieve-passages';
import { saveArticle } from '../../../../lib/features/knowledge/save-article';
import { seedKnowledge } from '../../../../lib/features/knowledge/seed-knowledge';
import { EMBEDDING_MODEL } from '../../../../lib/platform/embeddings/embedding-model';
import { createDb } from '../../../../lib/platform/db/client';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let temp: TempDb;
/** Words only: what retrieval was before embeddings, to show what meaning adds. */
const wordsOnly: PassageVectors = { nearest: async () => [] };

// Written to share no word (or stem) with the article, so only meaning can connect them.
const SUBSCRIPTION = {
  slug: 'ending-a-plan',
  title: 'Cancelling a subscription',
  body: 'Open Billing, choose Cancel plan and confirm. Access continues until the paid period ends; nothing further is charged.',
};
const ASKED_ELSEWISE = 'How can I stop paying monthly for this service? I no longer want it.';

beforeAll(async () => {
  temp = await createTempDb();
  await seedKnowledge(path.join(PROJECT_ROOT, 'docs/knowledge'), temp.db);
  await saveArticle(SUBSCRIPTION, temp.db);
});
afterAll(async () => {
  await temp.close();
});

describe('retrieval by meaning (local embeddings fused with PostgreSQL text search)', () => {
  it('finds an article worded entirely unlike the question, which words alone miss', async () => {
    expect((await retrievePassages({ query: ASKED_ELSEWISE }, temp.db, wordsOnly)).some((passage) => passage.slug === SUBSCRIPTION.slug)).toBe(false);
    const found = await retrievePassages({ query: ASKED_ELSEWISE }, temp.db);
    expect(found.find((passage) => passage.slug === SUBSCRIPTION.slug)?.id).toMatch(/^ending-a-plan@v1#\d+$/);
  });

  it('stores each vector with its model in PostgreSQL, so another process loads them without embedding again', async () => {
    const stored = await temp.db.passage.findFirstOrThrow({ where: { articleId: { not: '' }, embeddingModel: { not: null } } });
    expect(stored.embeddingModel).toBe(EMBEDDING_MODEL.id);
    expect(stored.embedding?.byteLength).toBe(EMBEDDING_MODEL.dimensions * 4);
    expect(await embedMissingPassages(temp.db)).toBe(0);

    // A second client stands for a second worker: its own vectors in memory, read from the store.
    const other = createDb(temp.url, { poolSize: 1, applicationName: 'second-worker' });
    try {
      const embedded: string[][] = [];
      const counting = createPassageVectors(other, {
        embedder: async () => {
          const embedder = await processEmbedder();
          return { ...embedder, embed: async (texts: string[]) => (embedded.push(texts), embedder.embed(texts)) };
        },
      });
      const found = await retrievePassages({ query: ASKED_ELSEWISE }, other, counting);
      expect(found.some((passage) => passage.slug === SUBSCRIPTION.slug)).toBe(true);
      // Only the question was embedded: every passage's vector came from PostgreSQL.
      expect(embedded).toEqual([[expect.stringContaining('stop paying')]]);
    } finally {
      await other.$disconnect();
    }
  });

  it('gives an edited article’s new version at once, never the old one, and nothing from an archived article', async () => {
    let clock = 0;
    const vectors = createPassageVectors(temp.db, { now: () => clock });
    expect((await retrievePassages({ query: ASKED_ELSEWISE }, temp.db, vectors)).find((passage) => passage.slug === SUBSCRIPTION.slug)?.version).toBe(1);
    await saveArticle({ ...SUBSCRIPTION, body: 'Write to us from the address on the account and we close it the same day; the current period is refunded pro rata.' }, temp.db);
    // Not yet embedded: the next retrieval embeds the article just saved before it searches.
    expect(await temp.db.passage.count({ where: { articleVersion: { version: 2, article: { slug: SUBSCRIPTION.slug } }, embeddingModel: null } })).toBeGreaterThan(0);
    clock += 1_000; // the once-a-second refresh
    const found = await retrievePassages({ query: ASKED_ELSEWISE }, temp.db, vectors);
    expect(await temp.db.passage.count({ where: { articleVersion: { version: 2, article: { slug: SUBSCRIPTION.slug } }, embeddingModel: null } })).toBe(0);
    const ours = found.filter((passage) => passage.slug === SUBSCRIPTION.slug);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((passage) => passage.version === 2)).toBe(true);

    await setArticleArchived({ slug: SUBSCRIPTION.slug, archived: true }, temp.db);
    expect((await retrievePassages({ query: ASKED_ELSEWISE }, temp.db, vectors)).some((passage) => passage.slug === SUBSCRIPTION.slug)).toBe(false);
  });

  it('returns nothing for questions about nothing in the knowledge base, in several languages', async () => {
    for (const query of [
      'Can you recommend a good film for tonight?',
      'Quel temps fera-t-il demain à Lyon ?',
      '¿Me das la receta de la paella?',
      'hello',
      'asdf qwer zxcv',
    ]) {
      expect(await retrievePassages({ query }, temp.db), query).toEqual([]);
    }
  });

  it('still answers by words when the model cannot run', async () => {
    const broken: PassageVectors = { nearest: () => Promise.reject(new Error('model file unreadable')) };
    const found = await retrievePassages({ query: 'The email to reset my password never arrived' }, temp.db, broken);
    expect(found[0]?.slug).toBe('password-reset');
  });
});
