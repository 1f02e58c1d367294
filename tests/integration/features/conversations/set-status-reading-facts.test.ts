import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSearchFacts } from '../../../../lib/features/conversations/mirror/read-search-facts';
import { setConversationStatus, statusEventOf } from '../../../../lib/features/conversations/mirror/set-conversation-status';
import { setStatusReadingFacts } from '../../../../lib/features/conversations/mirror/set-status-reading-facts';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';
import { seedPerson } from '../team/support';

/** The one-statement status write must leave the row as the Prisma write does, and read the same facts. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

const row = (id: string) =>
  store.db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, statusReason: true, slaDueAt: true, holdUntil: true, snoozedUntil: true, updatedAt: true } });

describe('setStatusReadingFacts', () => {
  it('writes what setConversationStatus writes, times in UTC, and returns what readSearchFacts reads', async () => {
    const mailbox = await store.db.mailbox.create({ data: { address: 'orders@acme.example', displayName: 'Orders', inboundChannel: 'api' } });
    const owner = await seedPerson(store.db, { name: 'Oda Owner' });
    const snoozed = new Date('2026-12-07T09:00:00Z');
    const [viaPrisma, viaSql] = await Promise.all(
      [1, 2].map(() => seedConversation(store.db, { category: 'orders', priority: 'low', mailboxId: mailbox.id, assigneeId: owner, snoozedUntil: snoozed })),
    );
    if (!viaPrisma || !viaSql) throw new Error('seed failed');
    await store.db.conversationSla.create({ data: { conversationId: viaSql, kind: 'first_response', targetKey: 'first', since: new Date('2026-12-06T12:00:00Z'), dueAt: new Date('2026-12-06T20:00:00Z') } });
    await store.db.conversationSla.create({ data: { conversationId: viaPrisma, kind: 'first_response', targetKey: 'first', since: new Date('2026-12-06T12:00:00Z'), dueAt: new Date('2026-12-06T20:00:00Z') } });
    const input = { status: 'awaiting_approval' as const, reason: 'Screening: a link', slaDueAt: '2026-12-06T18:15:30.250Z', holdUntil: '2026-12-06T17:00:00.000Z' };

    const before = new Date();
    await setConversationStatus({ ...input, conversationId: viaPrisma, runId: 'run' }, store.db);
    const facts = await setStatusReadingFacts({ ...input, conversationId: viaSql }, store.db);

    const [expected, actual] = [await row(viaPrisma), await row(viaSql)];
    expect({ ...actual, updatedAt: undefined }).toEqual({ ...expected, updatedAt: undefined });
    expect(actual.slaDueAt?.toISOString()).toBe('2026-12-06T18:15:30.250Z');
    expect(actual.snoozedUntil).toBeNull();
    // updatedAt moves (the live inbox polls it), in UTC like Prisma's own writes.
    expect(actual.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(Math.abs(actual.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(facts).toEqual(await readSearchFacts(viaSql, store.db));
    expect(facts).toEqual({ category: 'orders', priority: 'low', mailbox: 'orders@acme.example', assigneeId: owner, slaDueAt: '2026-12-06T18:15:30.250Z' });
  });

  it('clears the times it is not given, and fails for a conversation that does not exist', async () => {
    const id = await seedConversation(store.db, { status: 'received', slaDueAt: new Date('2026-12-06T18:00:00Z') });
    expect(await setStatusReadingFacts({ conversationId: id, status: 'classifying' }, store.db)).toEqual({ category: null, priority: null, mailbox: null, assigneeId: null, slaDueAt: null });
    expect(await row(id)).toMatchObject({ status: 'classifying', statusReason: null, slaDueAt: null, holdUntil: null });
    await expect(setStatusReadingFacts({ conversationId: 'no-such-conversation', status: 'classifying' }, store.db)).rejects.toThrow(/does not exist/);
  });

  it.each([
    { status: 'auto_send_hold' as const, holdUntil: '2026-12-06T17:00:00.000Z', draftVersion: 2 },
    { status: 'needs_person' as const, reason: 'The model timed out', needsPerson: { key: 'draft:1', stage: 'draft' as const, failureType: 'timeout' } },
    { status: 'closed' as const },
  ])('writes the $status event with the status, as setConversationStatus does, once per key', async (fields) => {
    const [viaPrisma, viaSql] = await Promise.all([1, 2].map(() => seedConversation(store.db, { status: 'drafting' })));
    if (!viaPrisma || !viaSql) throw new Error('seed failed');
    await setConversationStatus({ ...fields, conversationId: viaPrisma, runId: 'run-1' }, store.db);
    const input = { ...fields, conversationId: viaSql };
    await setStatusReadingFacts(input, store.db, { event: statusEventOf({ ...input, runId: 'run-1' }) });
    await setStatusReadingFacts(input, store.db, { event: statusEventOf({ ...input, runId: 'run-1' }) });
    const events = async (id: string) =>
      (await store.db.conversationEvent.findMany({ where: { conversationId: id }, select: { eventKey: true, type: true, data: true, actorId: true, at: true } })).map((event) => ({
        ...event,
        eventKey: event.eventKey.replace(id, 'C'),
        at: undefined,
        atNearNow: Math.abs(event.at.getTime() - Date.now()) < 60_000,
      }));
    const [expected, actual] = [await events(viaPrisma), await events(viaSql)];
    expect(actual).toHaveLength(1);
    expect(actual).toEqual(expected);
    expect({ ...(await row(viaSql)), updatedAt: undefined }).toEqual({ ...(await row(viaPrisma)), updatedAt: undefined });
  });

  it('writes no event for a conversation that does not exist', async () => {
    const input = { conversationId: 'no-such-conversation', status: 'closed' as const };
    await expect(setStatusReadingFacts(input, store.db, { event: statusEventOf({ ...input, runId: 'r' }) })).rejects.toThrow(/does not exist/);
    expect(await store.db.conversationEvent.count({ where: { conversationId: input.conversationId } })).toBe(0);
  });

  it("writes a stored send decision's reasons as the reason, and nothing for another conversation's decision", async () => {
    const { db } = store;
    const [id, other] = await Promise.all([1, 2].map(() => seedConversation(db, { status: 'drafting' })));
    if (!id || !other) throw new Error('seed failed');
    const stored = await db.sendDecisionRecord.create({
      data: { conversationId: id, draftVersion: 1, send: false, reasons: ['The draft names €41 that no passage holds', 'The check without the email said no'], shadow: {}, layers: [], live: {} },
    });
    await setStatusReadingFacts({ conversationId: id, status: 'awaiting_approval' }, db, { reasonDecisionId: stored.id });
    expect(await row(id)).toMatchObject({ status: 'awaiting_approval', statusReason: 'The draft names €41 that no passage holds; The check without the email said no' });
    await expect(setStatusReadingFacts({ conversationId: other, status: 'awaiting_approval' }, db, { reasonDecisionId: stored.id })).rejects.toThrow(/does not exist/);
    expect(await row(other)).toMatchObject({ status: 'drafting', statusReason: null });
  });
});
