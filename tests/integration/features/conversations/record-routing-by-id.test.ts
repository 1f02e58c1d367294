import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRouting } from '../../../../lib/features/conversations/mirror/record-routing';
import { recordRoutedDecision, recordRoutingById } from '../../../../lib/features/conversations/mirror/record-routing-by-id';
import { countQueries } from '../../../support/query-counter';
import { getStoredDecision } from '../../../../lib/features/sending-gate/stored-decision';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';

/** The one-statement routing record must write what the read and transaction it replaces wrote, all or nothing. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

async function seedDecided(send: boolean): Promise<{ conversationId: string; decisionId: string }> {
  const { db } = store;
  const conversationId = await seedConversation(db, { status: 'drafting' });
  const message = await db.message.create({
    data: { conversationId, direction: 'inbound', messageIdHeader: `<${conversationId}@c.test>`, dedupeKey: `k:${conversationId}`, fromAddress: 'a@c.test', subject: 'Hi', sentAt: new Date() },
  });
  await db.classification.create({ data: { conversationId, messageId: message.id, ok: true, category: 'billing', model: 'm' } });
  await db.draft.create({ data: { conversationId, version: 1, status: 'pending', aiBody: 'Hello', model: 'm', basedOnMessageId: message.id } });
  // The model checks wrote their part of the shadow record before routing.
  await db.draftShadow.create({ data: { conversationId, draftVersion: 1, groundingStatus: 'passed', grounding: { status: 'passed' } } });
  const decision = await db.sendDecisionRecord.create({
    data: {
      conversationId,
      draftVersion: 1,
      send,
      reasons: send ? [] : ['The draft names an amount (€41) that no passage holds', 'Second reason'],
      shadow: { wouldAutoSend: send, reasons: ['Would auto-send: every layer about the draft passed'] },
      layers: [{ layer: 'claims', verdict: send ? 'pass' : 'hold' }],
      live: {},
    },
  });
  return { conversationId, decisionId: decision.id };
}

async function written(conversationId: string) {
  const { db } = store;
  const draft = await db.draft.findFirstOrThrow({ where: { conversationId }, select: { status: true } });
  const events = await db.conversationEvent.findMany({ where: { conversationId }, select: { type: true, data: true, actorId: true, eventKey: true, at: true } });
  const shadow = await db.draftShadow.findFirstOrThrow({
    where: { conversationId },
    select: { category: true, wouldAutoSend: true, reasons: true, layers: true, route: true, routedAt: true, groundingStatus: true, updatedAt: true },
  });
  return { draft, events: events.map((event) => ({ ...event, eventKey: event.eventKey.replace(conversationId, 'C') })), shadow };
}

describe('recordRoutingById', () => {
  it.each([
    ['review', false],
    ['auto_send', true],
  ] as const)('writes the draft status, the routed event and the shadow routing as recordRouting does (%s)', async (route, send) => {
    const [viaPrisma, viaSql] = [await seedDecided(send), await seedDecided(send)];
    const before = Date.now();
    await recordRouting({ conversationId: viaPrisma.conversationId, draftVersion: 1, route, ...(await getStoredDecision(viaPrisma, store.db)) }, store.db);
    await recordRoutingById({ ...viaSql, draftVersion: 1, route }, store.db);
    // A retried activity writes the event once.
    await recordRoutingById({ ...viaSql, draftVersion: 1, route }, store.db);

    const [expected, actual] = [await written(viaPrisma.conversationId), await written(viaSql.conversationId)];
    const times = (w: typeof expected) => [w.shadow.routedAt, w.shadow.updatedAt, ...w.events.map((event) => event.at)];
    for (const at of times(actual)) expect(Math.abs((at?.getTime() ?? 0) - before)).toBeLessThan(60_000);
    const timeless = (w: typeof expected) => ({ ...w, shadow: { ...w.shadow, routedAt: undefined, updatedAt: undefined }, events: w.events.map((event) => ({ ...event, at: undefined })) });
    expect(timeless(actual)).toEqual(timeless(expected));
    expect(actual.draft.status).toBe(send ? 'auto_send_hold' : 'pending');
    expect(actual.shadow).toMatchObject({ category: 'billing', route, groundingStatus: 'passed' });
    expect(actual.events).toHaveLength(1);
  });

  it('writes nothing for a decision of another conversation, or a draft that does not exist', async () => {
    const one = await seedDecided(false);
    const other = await seedDecided(false);
    await expect(recordRoutingById({ conversationId: one.conversationId, decisionId: other.decisionId, draftVersion: 1, route: 'review' }, store.db)).rejects.toThrow(/does not exist/);
    await expect(recordRoutingById({ ...one, draftVersion: 2, route: 'review' }, store.db)).rejects.toThrow(/does not exist/);
    const after = await written(one.conversationId);
    expect(after.events).toEqual([]);
    expect(after.shadow.route).toBeNull();
  });
});

/** The decision at routing with folded writes: stored and routed in one statement, the same rows as a stored decision then recordRoutingById. */
describe('recordRoutedDecision', () => {
  it.each([
    ['review', false],
    ['auto_send', true],
  ] as const)('stores the decision and writes what recordRoutingById writes from it, in one statement (%s)', async (route, send) => {
    const viaId = await seedDecided(send);
    const folded = await seedDecided(send);
    const stored = await store.db.sendDecisionRecord.findUniqueOrThrow({ where: { id: folded.decisionId } });
    await store.db.sendDecisionRecord.delete({ where: { id: folded.decisionId } });
    await recordRoutingById({ ...viaId, draftVersion: 1, route }, store.db);
    const decision = { send: stored.send, reasons: stored.reasons, shadow: stored.shadow, layers: stored.layers, live: { policy: { holdSeconds: 60 } } };
    const run = await countQueries(() => recordRoutedDecision({ conversationId: folded.conversationId, draftVersion: 1, route, decision }, store.db));
    expect(run.statements).toHaveLength(1);

    const timeless = (w: Awaited<ReturnType<typeof written>>) => ({ ...w, shadow: { ...w.shadow, routedAt: undefined, updatedAt: undefined }, events: w.events.map((event) => ({ ...event, at: undefined })) });
    expect(timeless(await written(folded.conversationId))).toEqual(timeless(await written(viaId.conversationId)));
    const row = await store.db.sendDecisionRecord.findUniqueOrThrow({ where: { id: run.result } });
    expect(row).toMatchObject({ conversationId: folded.conversationId, draftVersion: 1, send, reasons: stored.reasons, shadow: stored.shadow, layers: stored.layers, live: decision.live });
  });

  it('stores nothing when the draft does not exist', async () => {
    const one = await seedDecided(false);
    await store.db.sendDecisionRecord.deleteMany({ where: { conversationId: one.conversationId } });
    const decision = { send: false, reasons: ['r'], shadow: { wouldAutoSend: false, reasons: [] }, layers: [], live: {} };
    await expect(recordRoutedDecision({ conversationId: one.conversationId, draftVersion: 2, route: 'review', decision }, store.db)).rejects.toThrow(/does not exist/);
    expect(await store.db.sendDecisionRecord.count({ where: { conversationId: one.conversationId } })).toBe(0);
    expect((await written(one.conversationId)).events).toEqual([]);
  });
});
