import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markDraftSuperseded } from '../../../../lib/features/conversations/mirror/mark-draft-superseded';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';

/** A superseded draft: its status, its shadow outcome (the first one stands) and one timeline event, in one statement. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

async function seed(outcome: string | null) {
  const { db } = store;
  const conversationId = await seedConversation(db, { status: 'drafting' });
  const message = await db.message.create({
    data: { conversationId, direction: 'inbound', messageIdHeader: `<${conversationId}@c.test>`, dedupeKey: `k:${conversationId}`, fromAddress: 'a@c.test', subject: 'Hi', sentAt: new Date() },
  });
  await db.draft.create({ data: { conversationId, version: 1, status: 'pending', aiBody: 'A', model: 'm', basedOnMessageId: message.id } });
  await db.draft.create({ data: { conversationId, version: 2, status: 'pending', aiBody: 'B', model: 'm', basedOnMessageId: message.id } });
  await db.draftShadow.create({ data: { conversationId, draftVersion: 1, category: 'orders', wouldAutoSend: true, outcome, review: outcome ? 'ok' : null } });
  return conversationId;
}

describe('markDraftSuperseded', () => {
  it('sets the draft aside, records the outcome and writes the event once', async () => {
    const { db } = store;
    const conversationId = await seed(null);
    const before = Date.now();
    await markDraftSuperseded({ conversationId, draftVersion: 1, byMessageId: 'msg-2' }, db);
    await markDraftSuperseded({ conversationId, draftVersion: 1, byMessageId: 'msg-2' }, db);

    const [one, two] = await db.draft.findMany({ where: { conversationId }, orderBy: { version: 'asc' } });
    expect(one?.status).toBe('superseded');
    expect(Math.abs((one?.decidedAt?.getTime() ?? 0) - before)).toBeLessThan(60_000);
    expect(two).toMatchObject({ status: 'pending', decidedAt: null });
    const shadow = await db.draftShadow.findFirstOrThrow({ where: { conversationId } });
    expect(shadow).toMatchObject({ outcome: 'superseded', review: null, evidenceAt: null, outcomeBy: null });
    expect(Math.abs((shadow.outcomeAt?.getTime() ?? 0) - before)).toBeLessThan(60_000);
    const events = await db.conversationEvent.findMany({ where: { conversationId } });
    expect(events.map((event) => ({ type: event.type, data: event.data, key: event.eventKey }))).toEqual([
      { type: 'superseded', data: { draftVersion: 1, byMessageId: 'msg-2' }, key: `${conversationId}:superseded:v1` },
    ]);
  });

  it('keeps an outcome the draft already had', async () => {
    const { db } = store;
    const conversationId = await seed('auto_sent');
    await markDraftSuperseded({ conversationId, draftVersion: 1, byMessageId: 'msg-2' }, db);
    expect(await db.draftShadow.findFirstOrThrow({ where: { conversationId } })).toMatchObject({ outcome: 'auto_sent', review: 'ok', outcomeAt: null });
  });
});
