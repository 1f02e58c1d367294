import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConversationDetailOrThrow } from '../../../lib/read/conversation/get-conversation-detail';
import { NotFoundError } from '../../../lib/core/errors';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { seedConversation } from './support/seed';

let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
  const db = temp.db;
  await db.user.create({ data: { id: 'u1', email: 'ana@team.test', name: 'Ana Agent' } });
  await seedConversation(db, { id: 'c1', status: 'awaiting_approval', injectionSuspected: true });
  const inbound = await db.message.create({
    data: { conversationId: 'c1', direction: 'inbound', messageIdHeader: '<in@x>', dedupeKey: 'in:x', fromAddress: 'c@x.test', toAddresses: ['support@x.test'], subject: 'Help', textBody: 'Hi', rawMime: new Uint8Array(1000), screening: ['instruction_like'], sentAt: new Date('2026-05-01T10:00:00Z') },
  });
  await db.classification.createMany({
    data: [
      { conversationId: 'c1', messageId: inbound.id, ok: true, category: 'billing', riskScore: 80, riskReasons: ['asks to change bank details'], injectionSuspected: true, injectionReasons: ['says "ignore previous instructions"'], model: 'haiku', createdAt: new Date('2026-05-01T10:00:05Z') },
    ],
  });
  await db.draft.create({ data: { id: 'd1', conversationId: 'c1', version: 1, status: 'superseded', aiBody: 'Old', model: 'sonnet', basedOnMessageId: inbound.id } });
  await db.draft.create({ data: { id: 'd2', conversationId: 'c1', version: 2, status: 'pending', aiBody: 'New', model: 'sonnet', knowledgeUsed: ['refunds'], basedOnMessageId: inbound.id } });
  await db.conversation.update({ where: { id: 'c1' }, data: { currentDraftId: 'd2' } });
  await db.decision.create({ data: { conversationId: 'c1', draftVersion: 1, kind: 'revise', actorType: 'agent', actorId: 'u1', note: 'shorter', idempotencyKey: 'k1' } });
  await db.llmCall.createMany({
    data: [
      { callKey: 'a', conversationId: 'c1', purpose: 'classify', model: 'haiku', promptName: 'p', promptVersion: 1, attempt: 1, ok: true, inputTokens: 100, cacheWrite5mTokens: 50, outputTokens: 10, costUsd: 0.001, traceId: 't1' },
      { callKey: 'b', conversationId: 'c1', purpose: 'draft', model: 'sonnet', promptName: 'p', promptVersion: 1, attempt: 1, ok: true, inputTokens: 200, cacheReadTokens: 1000, outputTokens: 50, costUsd: 0.004 },
    ],
  });
  await db.conversationEvent.createMany({
    data: [
      { conversationId: 'c1', eventKey: 'e1', type: 'received', data: { messageId: inbound.id, fromAddress: 'c@x.test', subject: 'Help', automated: false, screening: [] }, at: new Date('2026-05-01T10:00:00Z') },
      { conversationId: 'c1', eventKey: 'e2', type: 'decision', data: { draftVersion: 1, kind: 'revise', instructions: 'shorter' }, actorId: 'u1', at: new Date('2026-05-01T10:05:00Z') },
      { conversationId: 'c1', eventKey: 'e3', type: 'future_event', data: {}, at: new Date('2026-05-01T10:06:00Z') },
    ],
  });
});

afterAll(async () => {
  await temp.close();
});

describe('getConversationDetailOrThrow', () => {
  it('assembles thread, classification, current draft, timeline, people and cost', async () => {
    const detail = await getConversationDetailOrThrow('c1', temp.db);
    expect(detail.messages).toHaveLength(1);
    expect(detail.messages[0]).toMatchObject({ direction: 'inbound', toAddresses: ['support@x.test'], screening: ['instruction_like'] });
    expect(detail.messages[0]).not.toHaveProperty('rawMime');
    expect(detail.classification).toMatchObject({ riskReasons: ['asks to change bank details'], injectionReasons: ['says "ignore previous instructions"'] });
    expect(detail.currentDraft).toMatchObject({ version: 2, knowledge: [{ slug: 'refunds' }] });
    expect(detail.drafts.map((draft) => draft.version)).toEqual([2, 1]);
    expect(detail.timeline.map((item) => item.type)).toEqual(['received', 'decision', 'other']);
    expect(detail.people).toEqual({ u1: 'Ana Agent' });
    // Prompt tokens: uncached input plus cache writes and reads, as everywhere.
    expect(detail.usage).toMatchObject({ calls: 2, promptTokens: 1350, outputTokens: 60 });
    expect(detail.usage.costUsd).toBeCloseTo(0.005, 10);
  });

  it('throws NotFoundError for an unknown id', async () => {
    await expect(getConversationDetailOrThrow('nope', temp.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});
