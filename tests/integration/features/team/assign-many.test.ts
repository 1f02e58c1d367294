import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignMany } from '../../../../lib/features/assignment/assign-many';
import { AssignmentError } from '../../../../lib/features/assignment/assignment-error';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';
import { seedPerson } from './support';

/** The inbox's bulk assign: one person checked once, every conversation through assignConversation. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

const ownersOf = async (ids: string[]) =>
  (await store.db.conversation.findMany({ where: { id: { in: ids } }, select: { id: true, assigneeId: true } })).map((row) => [row.id, row.assigneeId]).sort();

describe('assignMany', () => {
  it('gives a selection to one person, each on its timeline and audited; a vanished conversation is listed, the rest change', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Bulk' });
    const ben = await seedPerson(store.db, { name: 'Ben Bulk' });
    const ids = [await seedConversation(store.db), await seedConversation(store.db, { assigneeId: ana })];
    const result = await assignMany({ conversationIds: [...ids, 'conv-gone'], assigneeId: ben, actorId: ana }, store.db);
    expect(result.changed).toBe(2);
    expect(result.refused).toEqual([{ conversationId: 'conv-gone', message: expect.stringMatching(/no longer exists/) }]);
    expect(await ownersOf(ids)).toEqual(ids.map((id) => [id, ben]).sort());
    expect(await store.db.conversationEvent.count({ where: { conversationId: { in: ids }, type: 'assigned' } })).toBe(2);
    expect(await store.db.auditLog.count({ where: { action: 'conversation.assign', target: { in: ids.map((id) => `conversation:${id}`) } } })).toBe(2);
    // Ben was given two conversations by Ana: told twice, once each.
    expect(await store.db.notification.count({ where: { userId: ben, kind: 'assignment' } })).toBe(2);
  });

  it('refuses a disabled person for the whole selection and changes nothing', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Keeps' });
    const dora = await seedPerson(store.db, { name: 'Dora Off', disabled: true });
    const ids = [await seedConversation(store.db, { assigneeId: ana }), await seedConversation(store.db)];
    const attempt = assignMany({ conversationIds: ids, assigneeId: dora, actorId: ana }, store.db);
    await expect(attempt).rejects.toBeInstanceOf(AssignmentError);
    expect(await ownersOf(ids)).toEqual([
      [ids[0], ana],
      [ids[1], null],
    ].sort());
    expect(await store.db.conversationEvent.count({ where: { conversationId: { in: ids }, type: 'assigned' } })).toBe(0);
  });

  it('unassigns a selection', async () => {
    const ana = await seedPerson(store.db, { name: 'Ana Lets Go' });
    const ids = [await seedConversation(store.db, { assigneeId: ana }), await seedConversation(store.db, { assigneeId: ana })];
    expect((await assignMany({ conversationIds: ids, assigneeId: null, actorId: ana }, store.db)).changed).toBe(2);
    expect(await ownersOf(ids)).toEqual(ids.map((id) => [id, null]).sort());
  });
});
