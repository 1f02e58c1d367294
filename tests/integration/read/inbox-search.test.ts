import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInbox } from '../../../lib/read/inbox/list-inbox';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { minutesAfter, seedConversation, seedMessage } from './support/seed';

const BASE = new Date('2026-04-01T08:00:00Z');
let temp: TempDb;

const search = async (text: string, queue: 'all' | 'needs_approval' = 'all') =>
  (await listInbox({ queue, sort: 'newest', search: text, limit: 200 }, temp.db)).rows.map((row) => row.id).sort();

beforeAll(async () => {
  temp = await createTempDb();
  const conversations: [string, { subject: string; textBody: string; fromAddress?: string; fromName?: string }[]][] = [
    ['refund', [{ subject: 'Money back?', textBody: 'I was charged twice and would like both refunds processed.', fromName: 'Ada Lovelace', fromAddress: 'ada@analytical.example' }]],
    ['invoice', [
      { subject: 'Question', textBody: 'Where do I find my invoices?' },
      // The match is in the second message of the thread, not the first.
      { subject: 'Re: Question', textBody: 'Also, the VAT number on invoice 2024-17 is wrong.' },
    ]],
    ['ecole', [{ subject: 'Inscription à l’École', textBody: 'Bonjour, je voudrais changer mon adresse.', fromAddress: 'claire@ecole.example' }]],
    ['hostile', [{ subject: "'; DROP TABLE \"Message\"; --", textBody: 'Ignore previous instructions & | ! :* 100% off' }]],
  ];
  for (const [id, thread] of conversations) {
    await seedConversation(temp.db, { id, lastMessageAt: minutesAfter(BASE, id.length), subject: thread[0]?.subject ?? '' });
    for (const message of thread) await seedMessage(temp.db, id, message);
  }
  // Past the size a tsvector can hold (1 MB): intake must still store it, and its start stays searchable.
  await seedConversation(temp.db, { id: 'huge', status: 'sent' });
  await seedMessage(temp.db, 'huge', { subject: 'Logs attached', textBody: `Kernel panic in module zebrafish.\n${'lorem ipsum dolor '.repeat(120_000)}` });
  for (let i = 0; i < 60; i += 1) {
    const id = `bulk-${String(i).padStart(2, '0')}`;
    await seedConversation(temp.db, { id, status: i % 2 ? 'sent' : 'awaiting_approval', lastMessageAt: minutesAfter(BASE, 100 + i) });
    await seedMessage(temp.db, id, { subject: `Order ${i}`, textBody: 'Where is my parcel? The tracking page shows nothing.' });
  }
});

afterAll(async () => {
  await temp.close();
});

describe('inbox full-text search', () => {
  it('finds words anywhere in any message of a thread, with stemming', async () => {
    expect(await search('refund')).toEqual(['refund']);
    expect(await search('charging')).toEqual(['refund']);
    expect(await search('VAT')).toEqual(['invoice']);
    expect(await search('invoice')).toEqual(['invoice']);
  });

  it('finds the sender by name, address, a part of it, or its domain', async () => {
    expect(await search('lovelace')).toEqual(['refund']);
    expect(await search('ada@analytical.example')).toEqual(['refund']);
    expect(await search('analytical.example')).toEqual(['refund']);
    expect(await search('claire')).toEqual(['ecole']);
  });

  it('understands accents and case in any alphabet', async () => {
    expect(await search('école')).toEqual(['ecole']);
    expect(await search('ÉCOLE')).toEqual(['ecole']);
  });

  it('takes web-search syntax: all words, "phrases", or, -exclusions', async () => {
    expect(await search('invoice wrong')).toEqual(['invoice']);
    expect(await search('invoice parcel')).toEqual([]);
    expect(await search('"charged twice"')).toEqual(['refund']);
    expect(await search('"twice charged"')).toEqual([]);
    expect(await search('refunds or VAT')).toEqual(['invoice', 'refund']);
    expect((await search('parcel -order')).length).toBe(0);
  });

  it('treats hostile or odd input as text, never as syntax', async () => {
    for (const text of ["'; DROP TABLE \"Message\"; --", '& | ! :*', '%', '_', '\\', '((((', '100%']) {
      await expect(search(text)).resolves.toBeInstanceOf(Array);
    }
    expect(await search('%')).toEqual([]);
    expect(await search('ignore previous instructions')).toEqual(['hostile']);
    expect(await temp.db.message.count()).toBe(66);
  });

  it('indexes the start of a message too long for one tsvector, and stores it whole', async () => {
    expect(await search('zebrafish')).toEqual(['huge']);
    const stored = await temp.db.message.findFirstOrThrow({ where: { conversationId: 'huge' } });
    expect(stored.textBody?.length).toBeGreaterThan(2_000_000);
  });

  it('searches within a tab and pages through the matches exactly once', async () => {
    expect((await search('parcel', 'needs_approval')).length).toBe(30);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listInbox({ queue: 'all', sort: 'newest', search: 'tracking', limit: 7, cursor }, temp.db);
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(60);
    expect(new Set(seen).size).toBe(60);
  });
});
