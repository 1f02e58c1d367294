import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInbox, type ListInboxOptions } from '../../../lib/read/inbox/list-inbox';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { minutesAfter, seedConversation } from './support/seed';


const BASE = new Date('2026-03-01T08:00:00Z');
let temp: TempDb;

async function allPages(options: Omit<ListInboxOptions, 'cursor'>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await listInbox({ ...options, cursor }, temp.db);
    ids.push(...result.rows.map((row) => row.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error('pagination did not terminate');
}

beforeAll(async () => {
  temp = await createTempDb();
  const priorities = ['urgent', 'high', 'normal', 'low', null, 'weird'];
  const categories = ['billing', 'technical', 'account'];
  // 60 awaiting conversations: several share a timestamp so the id tie-break matters.
  for (let i = 0; i < 60; i += 1) {
    await seedConversation(temp.db, {
      id: `a-${String(i).padStart(3, '0')}`,
      status: i % 10 === 0 ? 'escalated' : 'awaiting_approval',
      priority: priorities[i % priorities.length] ?? null,
      category: categories[i % categories.length] ?? null,
      lastMessageAt: minutesAfter(BASE, Math.floor(i / 3)),
      slaDueAt: i % 7 === 0 ? null : minutesAfter(BASE, 240 - (i % 11)),
      subject: i === 42 ? 'Refund for order 50%_off' : `Question ${i}`,
      customerName: i === 17 ? 'Ada Lovelace' : null,
    });
  }
  for (let i = 0; i < 25; i += 1) {
    await seedConversation(temp.db, { id: `s-${String(i).padStart(3, '0')}`, status: 'sent', lastMessageAt: minutesAfter(BASE, i) });
  }
});

afterAll(async () => {
  await temp.close();
});

describe('listInbox', () => {
  it('shows only the tab’s statuses', async () => {
    const page = await listInbox({ queue: 'needs_approval', sort: 'newest', limit: 200 }, temp.db);
    expect(page.rows).toHaveLength(54);
    expect(page.rows.every((row) => row.status === 'awaiting_approval')).toBe(true);
    const all = await listInbox({ queue: 'all', sort: 'newest', limit: 200 }, temp.db);
    expect(all.rows).toHaveLength(85);
  });

  it('orders by SLA due, soonest first, rows without an SLA last', async () => {
    const page = await listInbox({ queue: 'needs_approval', sort: 'sla', limit: 200 }, temp.db);
    const withSla = page.rows.filter((row) => row.slaDueAt);
    const firstWithout = page.rows.findIndex((row) => !row.slaDueAt);
    expect(firstWithout).toBe(withSla.length);
    const dues = withSla.map((row) => row.slaDueAt?.getTime() ?? 0);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });

  it('orders by priority, urgent first and unclassified last', async () => {
    const page = await listInbox({ queue: 'all', sort: 'priority', limit: 200 }, temp.db);
    const ranks = page.rows.map((row) => ['urgent', 'high', 'normal', 'low'].indexOf(row.priority ?? ''));
    const normalised = ranks.map((rank) => (rank === -1 ? 4 : rank));
    expect(normalised).toEqual([...normalised].sort((a, b) => a - b));
    expect(page.rows.at(-1)?.priority ?? null).not.toBe('urgent');
  });

  it('filters by category and by status', async () => {
    const billing = await listInbox({ queue: 'all', sort: 'newest', category: 'billing', limit: 200 }, temp.db);
    expect(billing.rows.length).toBe(20);
    expect(billing.rows.every((row) => row.category === 'billing')).toBe(true);
    const escalated = await listInbox({ queue: 'all', sort: 'newest', status: 'escalated', limit: 200 }, temp.db);
    expect(escalated.rows.map((row) => row.id)).toEqual(['a-050', 'a-040', 'a-030', 'a-020', 'a-010', 'a-000']);
    const outsideTab = await listInbox({ queue: 'sent', sort: 'newest', status: 'escalated' }, temp.db);
    expect(outsideTab.rows).toEqual([]);
  });

  it.each(['sla', 'priority', 'newest', 'oldest'] as const)(
    'pages through every row exactly once in %s order',
    async (sort) => {
      const whole = await listInbox({ queue: 'all', sort, limit: 200 }, temp.db);
      const paged = await allPages({ queue: 'all', sort, limit: 7 });
      expect(paged).toEqual(whole.rows.map((row) => row.id));
      expect(new Set(paged).size).toBe(85);
    },
  );

  it('keeps later pages stable when newer mail arrives', async () => {
    const first = await listInbox({ queue: 'sent', sort: 'newest', limit: 10 }, temp.db);
    await seedConversation(temp.db, { id: 's-new', status: 'sent', lastMessageAt: minutesAfter(BASE, 999) });
    const second = await listInbox({ queue: 'sent', sort: 'newest', limit: 10, cursor: first.nextCursor ?? undefined }, temp.db);
    expect(second.rows[0]?.id).toBe('s-014');
    expect(second.rows.map((row) => row.id)).not.toContain('s-new');
  });

  it('treats a mangled cursor or one from another order as the first page', async () => {
    const first = await listInbox({ queue: 'sent', sort: 'newest', limit: 5 }, temp.db);
    const mangled = await listInbox({ queue: 'sent', sort: 'newest', limit: 5, cursor: 'not-a-cursor' }, temp.db);
    const otherSort = await listInbox({ queue: 'sent', sort: 'oldest', limit: 5, cursor: first.nextCursor ?? undefined }, temp.db);
    expect(mangled.rows).toEqual(first.rows);
    expect(otherSort.rows[0]?.id).toBe('s-000');
  });
});
