import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDigestFigures } from '../../../../lib/features/digest/compute-digest-figures';
import type { DigestFigures } from '../../../../lib/features/digest/digest-figures';
import { getOverviewMetrics } from '../../../../lib/read/overview/get-overview-metrics';
import type { Db } from '../../../../lib/platform/db/client';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';

// The digest's figures must be the overview's, bounded to a day: both read the same rows here.
const at = (text: string) => new Date(`2026-03-${text}Z`);
let temp: TempDb;

async function message(db: Db, conversationId: string, createdAt: Date) {
  const key = `${conversationId}-${createdAt.toISOString()}`;
  await db.message.create({ data: { conversationId, direction: 'inbound', messageIdHeader: `<${key}>`, dedupeKey: key, fromAddress: 'x@y.test', subject: 's', sentAt: createdAt, createdAt } });
}
async function decision(db: Db, conversationId: string, draftVersion: number, kind: string, createdAt: Date) {
  await db.decision.create({ data: { conversationId, draftVersion, kind, actorType: kind === 'auto_send' ? 'system' : 'agent', editDistance: kind === 'edit_approve' ? 12 : 0, createdAt, idempotencyKey: `${conversationId}-${draftVersion}-${kind}` } });
}
async function send(db: Db, conversationId: string, draftVersion: number, sentAt: Date) {
  const key = `${conversationId}-${draftVersion}`;
  await db.outboundSend.create({ data: { conversationId, draftVersion, ledgerKey: key, messageIdHeader: `<${key}>`, toAddress: 'c@x.test', subject: 's', body: 'b', status: 'sent', sentAt } });
}

beforeAll(async () => {
  temp = await createTempDb();
  const db = temp.db;
  await seedConversation(db, { id: 'd1', category: 'billing', status: 'sent', createdAt: at('09T09:00:00'), lastMessageAt: at('09T09:00:00') });
  await seedConversation(db, { id: 'd2', category: 'billing', status: 'sent', createdAt: at('10T08:00:00'), lastMessageAt: at('10T08:00:00') });
  await seedConversation(db, { id: 'd3', category: 'account', status: 'sent', createdAt: at('10T08:30:00'), lastMessageAt: at('10T08:30:00') });
  await seedConversation(db, { id: 'd4', category: 'technical', status: 'needs_person', createdAt: at('10T09:00:00'), lastMessageAt: at('10T09:00:00') });
  await message(db, 'd1', at('09T09:00:00'));
  await message(db, 'd2', at('10T08:00:00'));
  await message(db, 'd3', at('10T08:30:00'));
  await message(db, 'd4', at('10T09:00:00'));
  await decision(db, 'd1', 1, 'approve', at('09T09:30:00'));
  await decision(db, 'd2', 1, 'edit_approve', at('10T08:20:00'));
  await decision(db, 'd3', 1, 'auto_send', at('10T08:35:00'));
  await send(db, 'd1', 1, at('09T09:31:00'));
  await send(db, 'd2', 1, at('10T08:21:00'));
  await send(db, 'd3', 1, at('10T08:36:00'));
  // An agent's own reply: sent by a person, so not automatic (no agent approved it either).
  await decision(db, 'd4', 2, 'manual_reply', at('10T11:30:00'));
  await send(db, 'd4', 2, at('10T11:31:00'));
  await db.llmCall.create({ data: { callKey: 'k1', conversationId: 'd2', purpose: 'draft', model: 'm', promptName: 'p', promptVersion: 1, attempt: 1, ok: true, costUsd: 0.02, createdAt: at('10T08:01:00') } });
  await db.llmCall.create({ data: { callKey: 'k2', conversationId: 'd1', purpose: 'draft', model: 'm', promptName: 'p', promptVersion: 1, attempt: 1, ok: true, costUsd: 0.5, createdAt: at('09T09:01:00') } });
  await db.conversationEvent.create({ data: { conversationId: 'd4', eventKey: 'e1', type: 'escalated', data: { draftVersion: 1, waitedMinutes: 240 }, at: at('10T10:00:00') } });
  await db.slaNotice.create({ data: { conversationId: 'd4', targetKey: 'first', targetKind: 'first_response', kind: 'breach', dueAt: at('10T10:00:00'), createdAt: at('10T10:00:00') } });
  await db.auditLog.create({ data: { actorId: null, action: 'autonomy.category.demote', target: 'category:account', createdAt: at('10T11:00:00') } });
});

afterAll(async () => {
  await temp.close();
});

describe('computeDigestFigures', () => {
  let day: DigestFigures;
  beforeAll(async () => {
    day = await computeDigestFigures({ day: '2026-03-10', timeZone: 'UTC' }, temp.db);
  });

  it('agrees with the overview over the same day', async () => {
    const overview = await getOverviewMetrics({ days: 1, now: at('10T23:59:00') }, temp.db);
    expect(day.sent).toBe(overview.sends.sent);
    expect(day.autoSent).toBe(overview.sends.autoSent);
    expect(day.automationRate).toBe(overview.sends.automationRate);
    expect(day.approvals).toBe(overview.decisions.approvals);
    expect(day.edited).toBe(overview.decisions.edited);
    expect(day.costUsd).toBeCloseTo(overview.cost.totalUsd, 10);
    expect(day.reviewEscalations).toBe(overview.sla.breaches);
    expect(day.messagesReceived).toBe(overview.daily.at(-1)?.received);
  });

  it('reports only that day, with rates, the waiting count, breaches, top categories and demotions', () => {
    expect(day).toMatchObject({
      messagesReceived: 3,
      conversationsStarted: 3,
      sent: 3,
      autoSent: 1,
      automationRate: 1 / 3,
      approvals: 1,
      edited: 1,
      editRate: 1,
      needsPerson: 1,
      slaBreaches: 1,
      reviewEscalations: 1,
      costUsd: 0.02,
      demotions: ['account'],
    });
    expect(day.topCategories).toEqual([
      { category: 'account', conversations: 1 },
      { category: 'billing', conversations: 1 },
      { category: 'technical', conversations: 1 },
    ]);
  });

  it('bounds a local day by its time zone', async () => {
    // 2026-03-10 in Tokyo is 03-09T15:00Z to 03-10T15:00Z: the day's messages, not 03-09 09:00Z.
    const tokyo = await computeDigestFigures({ day: '2026-03-10', timeZone: 'Asia/Tokyo' }, temp.db);
    expect(tokyo.messagesReceived).toBe(3);
    expect((await computeDigestFigures({ day: '2026-03-09', timeZone: 'Asia/Tokyo' }, temp.db)).messagesReceived).toBe(1);
  });
});
