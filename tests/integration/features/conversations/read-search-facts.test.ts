import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSearchFacts } from '../../../../lib/features/conversations/mirror/read-search-facts';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';
import { seedPerson } from '../team/support';

/** What the workflow indexes and only the store knows, read at each status change. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

describe('readSearchFacts', () => {
  it('reads category, priority, the mailbox address, the owner and the earliest deadline owed', async () => {
    const mailbox = await store.db.mailbox.create({ data: { address: 'billing@acme.example', displayName: 'Billing', inboundChannel: 'api' } });
    const owner = await seedPerson(store.db, { name: 'Ola Owner' });
    const review = new Date('2026-12-06T18:00:00Z');
    const id = await seedConversation(store.db, { category: 'billing', priority: 'high', mailboxId: mailbox.id, assigneeId: owner, slaDueAt: review });
    expect(await readSearchFacts(id, store.db)).toEqual({
      category: 'billing',
      priority: 'high',
      mailbox: 'billing@acme.example',
      assigneeId: owner,
      slaDueAt: review.toISOString(),
    });

    // The response SLA falls due first: that is the deadline an operator looks for.
    const response = new Date('2026-12-06T15:30:00Z');
    await store.db.conversationSla.create({ data: { conversationId: id, kind: 'first_response', targetKey: 'first', since: new Date('2026-12-06T12:00:00Z'), dueAt: response } });
    expect((await readSearchFacts(id, store.db)).slaDueAt).toBe(response.toISOString());
  });

  it('gives nulls for what is not there: no category yet, no mailbox, nobody, no deadline', async () => {
    const id = await seedConversation(store.db, { status: 'received' });
    expect(await readSearchFacts(id, store.db)).toEqual({ category: null, priority: null, mailbox: null, assigneeId: null, slaDueAt: null });
  });
});
