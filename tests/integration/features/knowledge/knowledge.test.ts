import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../devstack/project-root';
import { setArticleArchived } from '../../../../lib/features/knowledge/archive-article';
import { retrievePassages } from '../../../../lib/features/knowledge/retrieve-passages';
import { saveArticle } from '../../../../lib/features/knowledge/save-article';
import { seedKnowledge } from '../../../../lib/features/knowledge/seed-knowledge';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';
import { listKnowledgeGaps } from '../../../../lib/read/knowledge/list-gaps';

let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
});
afterAll(async () => {
  await temp.close();
});

describe('seed content', () => {
  it('imports the knowledge folder once, indexes every article, and never overwrites an edited one', async () => {
    const dir = path.join(PROJECT_ROOT, 'docs/knowledge');
    const first = await seedKnowledge(dir, temp.db);
    expect(first.created).toContain('password-reset');
    expect(await temp.db.passage.count({ where: { id: { startsWith: 'password-reset@v1#' } } })).toBeGreaterThan(0);
    await saveArticle({ slug: 'refunds', title: 'Refunds', body: 'Edited in the dashboard.' }, temp.db);
    const again = await seedKnowledge(dir, temp.db);
    expect(again.created).toEqual([]);
    const refunds = await temp.db.article.findUniqueOrThrow({ where: { slug: 'refunds' } });
    expect(refunds.currentVersion).toBe(2);
  });
});

describe('retrievePassages', () => {
  it('finds the passage that answers a question worded differently from the article', async () => {
    const found = await retrievePassages({ query: 'The email to reset my password never arrived' }, temp.db);
    expect(found[0]?.slug).toBe('password-reset');
    expect(found[0]?.id).toMatch(/^password-reset@v1#\d+$/);
  });

  it('stays within the token budget and the passage limit', async () => {
    const found = await retrievePassages({ query: 'invoice refund shipping password plan security data status', budgetTokens: 400, limit: 3 }, temp.db);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    expect(found.reduce((sum, passage) => sum + passage.tokens, 0)).toBeLessThanOrEqual(400);
  });

  it('matches words of another language through the unstemmed vector, accents or not', async () => {
    await saveArticle({ slug: 'versand-de', title: 'Versand', body: 'Die Lieferung dauert innerhalb Deutschlands zwei Werktage. Rücksendungen sind kostenlos.' }, temp.db);
    expect((await retrievePassages({ query: 'Wie lange dauert die Lieferung?' }, temp.db))[0]?.slug).toBe('versand-de');
    expect((await retrievePassages({ query: 'rucksendungen' }, temp.db))[0]?.slug).toBe('versand-de');
  });

  it('returns nothing for stop words or query syntax, and never fails on hostile text', async () => {
    expect(await retrievePassages({ query: 'the and of is it' }, temp.db)).toEqual([]);
    expect(await retrievePassages({ query: "'; DROP TABLE \"Passage\"; -- & | ! :* ()" }, temp.db)).toEqual([]);
    expect(await retrievePassages({ query: '' }, temp.db)).toEqual([]);
  });
});

describe('stale drafts', () => {
  async function draftCiting(conversationId: string, passageIds: string[], status = 'pending') {
    await seedConversation(temp.db, { id: conversationId });
    const message = await temp.db.message.create({
      data: { conversationId, direction: 'inbound', messageIdHeader: `<${conversationId}@t>`, dedupeKey: conversationId, fromAddress: 'a@b.test', subject: 's', textBody: 't', sentAt: new Date() },
    });
    const draft = await temp.db.draft.create({ data: { conversationId, version: 1, status, aiBody: 'x', model: 'm', basedOnMessageId: message.id } });
    await temp.db.draftPassage.createMany({ data: passageIds.map((passageId, rank) => ({ draftId: draft.id, passageId, rank, cited: true })) });
    return draft.id;
  }

  it('flags pending drafts that cited an edited article, with a timeline event, and leaves the others alone', async () => {
    const [shipping] = await retrievePassages({ query: 'delivery times shipping' }, temp.db);
    const [invoice] = await retrievePassages({ query: 'invoice VAT number' }, temp.db);
    expect(shipping?.slug).toBe('shipping');
    expect(invoice?.slug).toBe('invoices');
    const citing = await draftCiting('stale-1', [shipping?.id ?? '']);
    const sent = await draftCiting('stale-2', [shipping?.id ?? ''], 'sent');
    const other = await draftCiting('stale-3', [invoice?.id ?? '']);

    const result = await saveArticle({ slug: 'shipping', title: 'Shipping', body: 'Standard delivery now takes 2-4 business days.' }, temp.db);
    expect(result).toMatchObject({ outcome: 'updated', version: 2, staleDrafts: 1 });
    const rows = await temp.db.draft.findMany({ where: { id: { in: [citing, sent, other] } } });
    expect(rows.find((row) => row.id === citing)?.staleReason).toContain('version 2');
    expect(rows.find((row) => row.id === sent)?.staleReason).toBeNull();
    expect(rows.find((row) => row.id === other)?.staleReason).toBeNull();
    const event = await temp.db.conversationEvent.findFirstOrThrow({ where: { conversationId: 'stale-1', type: 'knowledge_changed' } });
    expect(event.data).toMatchObject({ draftVersion: 1 });

    // Saving the same text again is no new version and flags nothing.
    expect(await saveArticle({ slug: 'shipping', title: 'Shipping', body: 'Standard delivery now takes 2-4 business days.' }, temp.db)).toMatchObject({ outcome: 'unchanged' });
  });

  it('flags them when the article is archived, and an archived article is no longer retrieved', async () => {
    const [invoice] = await retrievePassages({ query: 'invoice VAT number' }, temp.db);
    const draftId = await draftCiting('stale-4', [invoice?.id ?? '']);
    expect(await setArticleArchived({ slug: 'invoices', archived: true }, temp.db)).toEqual({ staleDrafts: 2 });
    expect((await temp.db.draft.findUniqueOrThrow({ where: { id: draftId } })).staleReason).toContain('archived');
    expect((await retrievePassages({ query: 'invoice VAT number' }, temp.db)).some((passage) => passage.slug === 'invoices')).toBe(false);
  });
});

describe('gaps', () => {
  it('lists drafts that were given nothing, or cited nothing, and leaves out drafts that cited a passage', async () => {
    const [passage] = await retrievePassages({ query: 'password reset email' }, temp.db);
    const make = async (id: string, passages: { id: string; cited: boolean }[]) => {
      await seedConversation(temp.db, { id, subject: `Subject ${id}` });
      const message = await temp.db.message.create({ data: { conversationId: id, direction: 'inbound', messageIdHeader: `<${id}@t>`, dedupeKey: id, fromAddress: 'a@b.test', subject: 's', textBody: 't', sentAt: new Date() } });
      const draft = await temp.db.draft.create({ data: { conversationId: id, version: 1, status: 'pending', aiBody: 'x', model: 'm', basedOnMessageId: message.id } });
      await temp.db.draftPassage.createMany({ data: passages.map((one, rank) => ({ draftId: draft.id, passageId: one.id, rank, cited: one.cited })) });
    };
    await make('gap-none', []);
    await make('gap-uncited', [{ id: passage?.id ?? '', cited: false }]);
    await make('gap-cited', [{ id: passage?.id ?? '', cited: true }]);
    const gaps = await listKnowledgeGaps({}, temp.db);
    expect(gaps.find((gap) => gap.conversationId === 'gap-none')?.kind).toBe('nothing_retrieved');
    expect(gaps.find((gap) => gap.conversationId === 'gap-uncited')?.kind).toBe('nothing_cited');
    expect(gaps.some((gap) => gap.conversationId === 'gap-cited')).toBe(false);
  });
});
