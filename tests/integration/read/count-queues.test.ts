import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueues } from '../../../lib/read/inbox/count-queues';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { seedConversation } from './support/seed';

let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
});

afterAll(async () => {
  await temp.close();
});

describe('countQueues', () => {
  it('is zero everywhere on an empty inbox', async () => {
    expect(await countQueues({}, temp.db)).toEqual({ mine: 0, unassigned: 0, needs_approval: 0, needs_person: 0, escalated: 0, on_hold: 0, auto_sent: 0, sent: 0, rejected: 0, failed: 0, waiting: 0, snoozed: 0, closed: 0, all: 0 });
  });

  it('counts each tab’s statuses, with every conversation (whatever its status) under All', async () => {
    const statuses = { awaiting_approval: 4, needs_person: 2, escalated: 2, auto_send_hold: 1, sent: 5, rejected: 1, failed: 3, drafting: 2, closed: 1, ignored: 1, waiting_on_customer: 2, snoozed: 1 };
    for (const [status, count] of Object.entries(statuses)) {
      for (let i = 0; i < count; i += 1) await seedConversation(temp.db, { status });
    }
    expect(await countQueues({}, temp.db)).toEqual({ mine: 0, unassigned: 18, needs_approval: 4, needs_person: 2, escalated: 2, on_hold: 1, auto_sent: 0, sent: 5, rejected: 1, failed: 3, waiting: 2, snoozed: 1, closed: 1, all: 25 });
  });

  it('counts automatic replies no agent has reviewed yet under Sent automatically, whatever the status', async () => {
    const pending = [await seedConversation(temp.db, { status: 'sent' }), await seedConversation(temp.db, { status: 'awaiting_approval' })];
    const reviewed = await seedConversation(temp.db, { status: 'sent' });
    for (const id of pending) await temp.db.conversation.update({ where: { id }, data: { autoSentReview: 'pending' } });
    await temp.db.conversation.update({ where: { id: reviewed }, data: { autoSentReview: 'ok' } });
    expect((await countQueues({}, temp.db)).auto_sent).toBe(2);
  });

  it('counts open conversations the viewer owns under Mine and those nobody owns under Unassigned', async () => {
    const before = await countQueues({ viewerId: 'viewer-1' }, temp.db);
    const owned = [await seedConversation(temp.db, { status: 'awaiting_approval' }), await seedConversation(temp.db, { status: 'needs_person' })];
    const finished = await seedConversation(temp.db, { status: 'sent' });
    const someoneElse = await seedConversation(temp.db, { status: 'awaiting_approval' });
    for (const id of [...owned, finished]) await temp.db.conversation.update({ where: { id }, data: { assigneeId: 'viewer-1' } });
    await temp.db.conversation.update({ where: { id: someoneElse }, data: { assigneeId: 'viewer-2' } });
    const after = await countQueues({ viewerId: 'viewer-1' }, temp.db);
    expect(after.mine - before.mine).toBe(2);
    expect(after.unassigned - before.unassigned).toBe(0);
    expect((await countQueues({}, temp.db)).mine).toBe(0);
  });
});
