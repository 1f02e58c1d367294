import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOverviewMetrics, type OverviewMetrics } from '../../../lib/read/overview/get-overview-metrics';
import type { Db } from '../../../lib/platform/db/client';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { seedConversation } from './support/seed';


// Window: 3 UTC days ending 2026-03-10 → from 2026-03-08T00:00Z. Rows dated before are noise.
const NOW = new Date('2026-03-10T12:00:00Z');
const at = (text: string) => new Date(`2026-03-${text}Z`);

let temp: TempDb;
let metrics: OverviewMetrics;

async function message(db: Db, conversationId: string, createdAt: Date, direction = 'inbound') {
  await db.message.create({
    data: { conversationId, direction, messageIdHeader: `<${conversationId}-${createdAt.toISOString()}-${direction}>`, dedupeKey: `${conversationId}-${createdAt.toISOString()}-${direction}`, fromAddress: 'x@y.test', subject: 's', sentAt: createdAt, createdAt },
  });
}
async function draft(db: Db, conversationId: string, version: number, createdAt: Date) {
  await db.draft.create({ data: { conversationId, version, status: 'pending', aiBody: 'body', model: 'm', basedOnMessageId: 'm', createdAt } });
}
async function decision(db: Db, conversationId: string, draftVersion: number, kind: string, createdAt: Date, editDistance?: number) {
  const actorType = kind === 'auto_send' ? 'system' : 'agent';
  await db.decision.create({ data: { conversationId, draftVersion, kind, actorType, editDistance, createdAt, idempotencyKey: `${conversationId}-${draftVersion}-${kind}` } });
}
async function send(db: Db, conversationId: string, draftVersion: number, sentAt: Date, status = 'sent') {
  const key = `${conversationId}-${draftVersion}`;
  await db.outboundSend.create({ data: { conversationId, draftVersion, ledgerKey: key, messageIdHeader: `<${key}>`, toAddress: 'c@x.test', subject: 's', body: 'b', status, sentAt: status === 'sent' ? sentAt : null } });
}
async function llmCall(db: Db, conversationId: string, costUsd: number, createdAt: Date) {
  await db.llmCall.create({ data: { callKey: `${conversationId}-${createdAt.toISOString()}`, conversationId, purpose: 'draft', model: 'm', promptName: 'p', promptVersion: 1, attempt: 1, ok: true, costUsd, createdAt } });
}
async function escalated(db: Db, conversationId: string, when: Date, key: string) {
  await db.conversationEvent.create({ data: { conversationId, eventKey: key, type: 'escalated', data: { draftVersion: 1, waitedMinutes: 240 }, at: when } });
}

beforeAll(async () => {
  temp = await createTempDb();
  const db = temp.db;
  await seedConversation(db, { id: 'c1', category: 'billing', riskScore: 20, costUsd: 0.01, status: 'sent', lastMessageAt: at('09T10:11:00') });
  await seedConversation(db, { id: 'c2', category: 'billing', riskScore: 60, costUsd: 0.03, status: 'sent', lastMessageAt: at('10T10:31:00') });
  await seedConversation(db, { id: 'c3', category: 'technical', riskScore: 10, status: 'awaiting_approval', slaDueAt: at('10T11:00:00'), lastMessageAt: at('10T08:00:00') });
  await seedConversation(db, { id: 'c4', category: null, status: 'escalated', slaDueAt: at('02T00:00:00'), lastMessageAt: at('01T00:00:00') });
  await seedConversation(db, { id: 'c5', category: 'account', status: 'awaiting_approval', slaDueAt: at('10T13:00:00'), lastMessageAt: at('08T10:06:00') });
  await seedConversation(db, { id: 'c6', category: 'technical', status: 'rejected', lastMessageAt: at('09T08:40:00') });

  await message(db, 'c5', at('08T09:00:00'));
  await message(db, 'c1', at('09T09:00:00'));
  await message(db, 'c1', at('09T09:30:00'));
  await message(db, 'c1', at('09T10:11:00'), 'outbound');
  await message(db, 'c2', at('10T08:00:00'));
  await message(db, 'c3', at('10T08:00:00'));
  await message(db, 'c4', at('07T23:59:00'));

  await draft(db, 'c1', 1, at('09T10:00:00'));
  await draft(db, 'c2', 1, at('10T09:00:00'));
  await draft(db, 'c2', 2, at('10T09:30:00'));
  await draft(db, 'c4', 1, at('04T00:00:00'));
  await draft(db, 'c5', 1, at('08T10:00:00'));
  await draft(db, 'c6', 1, at('09T08:00:00'));

  await decision(db, 'c1', 1, 'approve', at('09T10:10:00'), 0); // waited 600 s
  await decision(db, 'c2', 1, 'revise', at('10T09:20:00')); // 1200 s
  await decision(db, 'c2', 2, 'edit_approve', at('10T10:30:00'), 30); // 3600 s
  await decision(db, 'c6', 1, 'reject', at('09T08:40:00')); // 2400 s
  await decision(db, 'c5', 1, 'auto_send', at('08T10:05:00')); // the policy, not an agent
  await decision(db, 'c4', 1, 'approve', at('05T00:00:00'), 0); // before the window

  await send(db, 'c1', 1, at('09T10:11:00'));
  await send(db, 'c2', 2, at('10T10:31:00'));
  await send(db, 'c5', 1, at('08T10:06:00'));
  await send(db, 'c4', 1, at('05T00:01:00'));
  await send(db, 'c6', 1, at('09T08:41:00'), 'failed');

  await llmCall(db, 'c1', 0.01, at('09T09:01:00'));
  await llmCall(db, 'c2', 0.02, at('10T08:01:00'));
  await llmCall(db, 'c2', 0.01, at('10T09:29:00'));
  await llmCall(db, 'c5', 0.005, at('08T09:01:00'));
  await llmCall(db, 'c4', 0.5, at('05T00:00:00'));

  await escalated(db, 'c3', at('10T11:00:00'), 'esc-c3-a');
  await escalated(db, 'c3', at('10T11:30:00'), 'esc-c3-b');
  await escalated(db, 'c6', at('09T12:00:00'), 'esc-c6');
  await escalated(db, 'c4', at('02T00:00:00'), 'esc-c4');

  metrics = await getOverviewMetrics({ days: 3, now: NOW }, db);
});

afterAll(async () => {
  await temp.close();
});

describe('getOverviewMetrics', () => {
  it('counts inbound volume, sends and cost per UTC day, zero-filled', () => {
    expect(metrics.daily.map((day) => day.day)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(metrics.daily.map((day) => day.received)).toEqual([1, 2, 2]);
    expect(metrics.daily.map((day) => day.sent)).toEqual([1, 1, 1]);
    expect(metrics.daily.map((day) => day.autoSent)).toEqual([1, 0, 0]);
    expect(metrics.daily.map((day) => day.costUsd)).toEqual([0.005, 0.01, expect.closeTo(0.03, 10)]);
  });

  it('computes the automation rate as auto-sent over all sent', () => {
    expect(metrics.sends).toEqual({ sent: 3, autoSent: 1, automationRate: 1 / 3, failed: 1 });
  });

  it('computes approval without edit, edit rate inputs and the median wait for an agent', () => {
    expect(metrics.decisions).toEqual({
      approvals: 2,
      approvedUnchanged: 1,
      edited: 1,
      averageEditSize: 30,
      rejected: 1,
      revisions: 1,
      medianSecondsToDecision: expect.closeTo(1800, 3),
    });
  });

  it('counts SLA breaches in the window once per conversation, and what is overdue now', () => {
    expect(metrics.sla).toEqual({ breaches: 2, overdueNow: 2 });
  });

  it('reports cost in the window per conversation', () => {
    expect(metrics.cost.calls).toBe(4);
    expect(metrics.cost.conversations).toBe(3);
    expect(metrics.cost.totalUsd).toBeCloseTo(0.045, 10);
    expect(metrics.cost.perConversationUsd).toBeCloseTo(0.015, 10);
  });

  it('breaks the window down by category', () => {
    const rows = metrics.categories.map((row) => ({ ...row, costUsd: Number(row.costUsd.toFixed(6)) }));
    expect(rows).toEqual([
      { category: 'billing', conversations: 2, costUsd: 0.04, averageRisk: 40, sent: 2, autoSent: 0, approvals: 2, edited: 1, averageEditSize: 30, rejected: 0, breaches: 0 },
      { category: 'technical', conversations: 2, costUsd: 0, averageRisk: 10, sent: 0, autoSent: 0, approvals: 0, edited: 0, averageEditSize: null, rejected: 1, breaches: 2 },
      { category: 'account', conversations: 1, costUsd: 0.005, averageRisk: null, sent: 1, autoSent: 1, approvals: 0, edited: 0, averageEditSize: null, rejected: 0, breaches: 0 },
    ]);
  });

  it('gives an empty window nulls for rates rather than dividing by zero', async () => {
    const empty = await getOverviewMetrics({ days: 1, now: new Date('2030-01-01T00:00:00Z') }, temp.db);
    expect(empty.sends.automationRate).toBeNull();
    expect(empty.decisions.medianSecondsToDecision).toBeNull();
    expect(empty.cost.perConversationUsd).toBeNull();
  });
});
