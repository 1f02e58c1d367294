import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignConversation } from '../../../../lib/features/assignment/assign-conversation';
import { AssignmentError } from '../../../../lib/features/assignment/assignment-error';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';
import { seedPerson } from './support';

/** Take, assign and unassign: one owner at a time, audited, on the timeline, refused cleanly. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

const ownerOf = async (id: string) => (await store.db.conversation.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;
const eventsOf = (id: string) => store.db.conversationEvent.findMany({ where: { conversationId: id, type: 'assigned' }, orderBy: { createdAt: 'asc' } });
const auditOf = (id: string) => store.db.auditLog.findMany({ where: { target: `conversation:${id}` } });

describe('assignConversation', () => {
  it('takes and assigns, writing the timeline and the audit, and tells only the person given it', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Take' });
    const ben = await seedPerson(store.db, { name: 'Ben Given' });
    const id = await seedConversation(store.db);

    await assignConversation({ conversationId: id, assigneeId: ana, actorId: ana, expectedAssigneeId: null }, store.db);
    expect(await ownerOf(id)).toBe(ana);
    await assignConversation({ conversationId: id, assigneeId: ben, actorId: ana, expectedAssigneeId: ana }, store.db);
    expect(await ownerOf(id)).toBe(ben);

    const events = await eventsOf(id);
    expect(events.map((event) => [event.actorId, (event.data as { how: string }).how, (event.data as { assigneeName: string }).assigneeName])).toEqual([
      [ana, 'take', 'Ana Take'],
      [ana, 'assign', 'Ben Given'],
    ]);
    expect((await auditOf(id)).map((row) => [row.actorId, row.action, row.after])).toEqual([
      [ana, 'conversation.assign', { assigneeId: ana }],
      [ana, 'conversation.assign', { assigneeId: ben }],
    ]);
    // Taking it yourself tells nobody; being given it tells you.
    expect(await store.db.notification.count({ where: { userId: ana } })).toBe(0);
    const notices = await store.db.notification.findMany({ where: { userId: ben } });
    expect(notices).toMatchObject([{ kind: 'assignment', conversationId: id, title: expect.stringContaining('Ana Take assigned you') }]);
  });

  it.each([
    ['a disabled person', async () => seedPerson(store.db, { name: 'Dora Disabled', disabled: true }), /Dora Disabled is disabled/],
    ['an unknown id', async () => 'no-such-user', /No such person/],
  ])('refuses %s with a clear message and changes nothing', async (_label, who, message) => {
    const ana = await seedPerson(store.db, { name: 'Ana Owner' });
    const id = await seedConversation(store.db, { assigneeId: ana });
    const target = await who();
    const attempt = assignConversation({ conversationId: id, assigneeId: target, actorId: ana }, store.db);
    await expect(attempt).rejects.toBeInstanceOf(AssignmentError);
    await expect(attempt).rejects.toThrow(message);
    expect(await ownerOf(id)).toBe(ana);
    expect(await eventsOf(id)).toEqual([]);
    expect(await auditOf(id)).toEqual([]);
    expect(await store.db.notification.count({ where: { userId: target } })).toBe(0);
  });

  it('lets exactly one of two agents taking the same conversation at once win, and tells the other who did', async () => {
    for (let round = 0; round < 5; round += 1) {
      const ana = await seedPerson(store.db, { name: `Ana Racer ${round}` });
      const ben = await seedPerson(store.db, { name: `Ben Racer ${round}` });
      const id = await seedConversation(store.db);
      const results = await Promise.allSettled([
        assignConversation({ conversationId: id, assigneeId: ana, actorId: ana, expectedAssigneeId: null }, store.db),
        assignConversation({ conversationId: id, assigneeId: ben, actorId: ben, expectedAssigneeId: null }, store.db),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const owner = await ownerOf(id);
      const winnerName = owner === ana ? `Ana Racer ${round}` : `Ben Racer ${round}`;
      expect(lost[0]).toBeInstanceOf(AssignmentError);
      expect(lost[0]?.message).toBe(`${winnerName} took this conversation a moment ago; nothing was changed.`);
      expect(await eventsOf(id)).toHaveLength(1);
    }
  });

  it('unassigns, so the conversation is back with nobody', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Leaves' });
    const id = await seedConversation(store.db, { assigneeId: ana });
    await assignConversation({ conversationId: id, assigneeId: null, actorId: ana, expectedAssigneeId: ana }, store.db);
    expect(await ownerOf(id)).toBeNull();
    expect((await eventsOf(id)).map((event) => (event.data as { how: string }).how)).toEqual(['unassign']);
  });

  it('tells the workflow each new owner (its search attribute), and nothing when the owner did not change', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Signals' });
    const id = await seedConversation(store.db);
    const told: [string, string | null][] = [];
    const signalAssignee = async (conversationId: string, assigneeId: string | null) => void told.push([conversationId, assigneeId]);
    await assignConversation({ conversationId: id, assigneeId: ana, actorId: ana }, store.db, { signalAssignee });
    await assignConversation({ conversationId: id, assigneeId: ana, actorId: ana }, store.db, { signalAssignee });
    await assignConversation({ conversationId: id, assigneeId: null, actorId: ana }, store.db, { signalAssignee });
    expect(told).toEqual([
      [id, ana],
      [id, null],
    ]);
  });
});
