import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAutoSendDecision } from '../../../../lib/features/conversations/mirror/record-auto-send-decision';
import { recordDecision } from '../../../../lib/features/conversations/mirror/record-decision';
import { setStatusReadingFacts } from '../../../../lib/features/conversations/mirror/set-status-reading-facts';
import { countQueries } from '../../../support/query-counter';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';

/** The one-statement auto-send decision must write what recordDecision writes for it, once per key. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

async function seedRouted(shadow: { outcome?: string; evidenceAt?: Date } | null) {
  const { db } = store;
  const conversationId = await seedConversation(db, { status: 'auto_send_hold' });
  const message = await db.message.create({
    data: { conversationId, direction: 'inbound', messageIdHeader: `<${conversationId}@c.test>`, dedupeKey: `k:${conversationId}`, fromAddress: 'a@c.test', subject: 'Hi', sentAt: new Date() },
  });
  await db.draft.create({ data: { conversationId, version: 1, status: 'auto_send_hold', aiBody: 'The reply', model: 'm', basedOnMessageId: message.id } });
  if (shadow) await db.draftShadow.create({ data: { conversationId, draftVersion: 1, category: 'billing', wouldAutoSend: true, route: 'auto_send', ...shadow } });
  return { conversationId, messageId: message.id, draftVersion: 1, idempotencyKey: `${conversationId}:v1:auto_send` };
}

async function state(conversationId: string) {
  const { db } = store;
  const decisions = await db.decision.findMany({ where: { conversationId }, select: { draftVersion: true, kind: true, actorType: true, actorId: true, reasons: true, editedBody: true, editDistance: true, note: true, createdAt: true } });
  const draft = await db.draft.findFirstOrThrow({ where: { conversationId }, select: { status: true, finalBody: true, decidedAt: true } });
  const shadow = await db.draftShadow.findFirst({ where: { conversationId }, select: { outcome: true, outcomeAt: true, review: true, editSize: true, outcomeBy: true, evidenceAt: true } });
  const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { autoSentReview: true } });
  const near = (at: Date | null | undefined) => (at ? Math.abs(at.getTime() - Date.now()) < 60_000 : at);
  return {
    decisions: decisions.map((decision) => ({ ...decision, createdAt: near(decision.createdAt) })),
    draft: { ...draft, decidedAt: near(draft.decidedAt) },
    shadow: shadow && { ...shadow, outcomeAt: near(shadow.outcomeAt), evidenceAt: shadow.evidenceAt?.toISOString() ?? null },
    conversation,
  };
}

describe('recordAutoSendDecision', () => {
  it.each([
    ['a routed shadow record', {}],
    ['a shadow record that already has its outcome', { outcome: 'superseded', evidenceAt: new Date('2026-12-01T00:00:00Z') }],
    ['no shadow record', null],
  ] as const)('writes what recordDecision writes, with %s, and nothing on a retry', async (_, shadow) => {
    const [viaPrisma, viaSql] = [await seedRouted(shadow), await seedRouted(shadow)];
    const expected = await recordDecision({ ...viaPrisma, kind: 'auto_send' }, store.db);
    const actual = await recordAutoSendDecision(viaSql, store.db);
    expect({ ...actual, basedOnMessageId: 'M' }).toEqual({ ...expected, basedOnMessageId: 'M', editDistance: undefined });
    expect(actual.basedOnMessageId).toBe(viaSql.messageId);
    const written = await state(viaSql.conversationId);
    expect(written).toEqual(await state(viaPrisma.conversationId));
    expect(written.decisions).toHaveLength(1);

    await store.db.draft.updateMany({ where: { conversationId: viaSql.conversationId }, data: { status: 'sent' } });
    await recordAutoSendDecision(viaSql, store.db);
    expect((await state(viaSql.conversationId)).decisions).toHaveLength(1);
    expect((await store.db.draft.findFirstOrThrow({ where: { conversationId: viaSql.conversationId } })).status).toBe('sent');
  });

  it('fails for a draft that does not exist, writing nothing', async () => {
    const one = await seedRouted({});
    await expect(recordAutoSendDecision({ ...one, draftVersion: 2 }, store.db)).rejects.toThrow(/does not exist/);
    expect(await store.db.decision.count({ where: { conversationId: one.conversationId } })).toBe(0);
  });

  it('with sending (folded-sending patch) also mirrors the status as the mirror write of sending did, in the same one statement', async () => {
    const [viaMirror, viaSql] = [await seedRouted({}), await seedRouted({})];
    await recordAutoSendDecision(viaMirror, store.db);
    const facts = await setStatusReadingFacts({ conversationId: viaMirror.conversationId, status: 'sending' }, store.db);
    const run = await countQueries(() => recordAutoSendDecision(viaSql, store.db, { sending: true }));
    expect(run.statements).toHaveLength(1);
    expect(run.result.sending).toEqual(facts);
    expect(await state(viaSql.conversationId)).toEqual(await state(viaMirror.conversationId));
    const status = (id: string) =>
      store.db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, statusReason: true, slaDueAt: true, holdUntil: true, snoozedUntil: true, autoSentReview: true } });
    expect(await status(viaSql.conversationId)).toEqual(await status(viaMirror.conversationId));
    expect((await status(viaSql.conversationId)).status).toBe('sending');
  });

  it('with sending, leaves the status alone for a draft that does not exist', async () => {
    const one = await seedRouted({});
    await expect(recordAutoSendDecision({ ...one, draftVersion: 2 }, store.db, { sending: true })).rejects.toThrow(/does not exist/);
    expect((await store.db.conversation.findUniqueOrThrow({ where: { id: one.conversationId } })).status).toBe('auto_send_hold');
  });
});
