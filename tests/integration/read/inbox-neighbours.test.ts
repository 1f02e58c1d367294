import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInboxNeighbours } from '../../../lib/read/inbox/get-inbox-neighbours';
import { listInbox } from '../../../lib/read/inbox/list-inbox';
import type { InboxSort } from '../../../lib/core/conversation/inbox-params';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { minutesAfter, seedConversation } from './support/seed';

const BASE = new Date('2026-04-01T00:00:00Z');
let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
  const priorities = ['low', 'urgent', null, 'high', 'normal'];
  for (let i = 0; i < 15; i += 1) {
    await seedConversation(temp.db, {
      id: `n-${String(i).padStart(2, '0')}`,
      priority: priorities[i % priorities.length] ?? null,
      lastMessageAt: minutesAfter(BASE, Math.floor(i / 2)),
      slaDueAt: i % 4 === 0 ? null : minutesAfter(BASE, 100 - i),
    });
  }
});

afterAll(async () => {
  await temp.close();
});

describe('getInboxNeighbours', () => {
  it.each(['sla', 'priority', 'newest', 'oldest'] as const)('follows the %s inbox order for j/k', async (sort: InboxSort) => {
    const order = (await listInbox({ queue: 'needs_approval', sort, limit: 100 }, temp.db)).rows;
    // Every seeded conversation is in the queue: an empty or short list would check nothing.
    expect(order.map((row) => row.id).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `n-${String(i).padStart(2, '0')}`));
    const params = { queue: 'needs_approval' as const, sort };
    let checked = 0;
    for (const [index, row] of order.entries()) {
      const neighbours = await getInboxNeighbours(params, row, temp.db);
      expect(neighbours).toEqual({ previousId: order[index - 1]?.id ?? null, nextId: order[index + 1]?.id ?? null });
      checked += 1;
    }
    expect(checked).toBe(15);
  });
});
