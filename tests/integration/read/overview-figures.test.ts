import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOverviewMetrics, type OverviewMetrics } from '../../../lib/read/overview/get-overview-metrics';
import type { Db } from '../../../lib/platform/db/client';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { seedConversation } from './support/seed';

/**
 * The figures a manager reported as wrong, and the per-agent figures, against a day counted
 * by hand. Window: 2 UTC days ending 2026-05-20 → from 2026-05-19T00:00Z.
 *
 * | conv | what happened (times 2026-05-DD) | auto? | first response | resolved |
 * |------|----------------------------------|-------|----------------|----------|
 * | r1 | in 19T09:00; Claude refused; Alice's own reply v2 sent 19T09:31 | no | Alice 1860 s | Alice 1860 s |
 * | a1 | in 19T10:00; the policy sent v1 after its hold, 19T10:03 | yes | nobody | nobody |
 * | p1 | in 20T08:00; Bob approved, sent 20T08:21 | no | Bob 1260 s | Bob 1260 s |
 * | p2 | in 19T12:00; Alice edited, sent 19T12:11; the customer wrote again 19T13:00 | no | Alice 660 s | open |
 * | p3 | in 20T09:00; hold cancelled by Bob, then Bob approved, sent 20T09:06 | no | Bob 360 s | Bob 360 s |
 * | j1 | in 19T15:00; Bob rejected 19T16:00 | — | — | Bob 3600 s |
 * | x1 | in 19T20:00; Alice approved, the send failed, Bob resent it, sent 19T20:31 | no | Alice 1860 s | Alice 1860 s |
 * | o1 | 18th, before the window: Bob approved and sent | — | — | — |
 */
const NOW = new Date('2026-05-20T12:00:00Z');
const at = (text: string) => new Date(`2026-05-${text}Z`);
const ALICE = 'user-alice';
const BOB = 'user-bob';

let temp: TempDb;
let metrics: OverviewMetrics;
let keys = 0;

async function inbound(db: Db, conversationId: string, createdAt: Date) {
  keys += 1;
  await db.message.create({
    data: { conversationId, direction: 'inbound', messageIdHeader: `<in-${keys}@x.test>`, dedupeKey: `in-${keys}`, fromAddress: 'c@x.test', subject: 's', sentAt: createdAt, createdAt },
  });
}
async function decided(db: Db, conversationId: string, draftVersion: number, kind: string, actorId: string | null, createdAt: Date) {
  keys += 1;
  await db.decision.create({ data: { conversationId, draftVersion, kind, actorType: actorId ? 'agent' : 'system', actorId, createdAt, idempotencyKey: `d-${keys}` } });
}
async function sent(db: Db, conversationId: string, draftVersion: number, sentAt: Date) {
  const key = `${conversationId}:v${draftVersion}`;
  await db.outboundSend.create({ data: { conversationId, draftVersion, ledgerKey: key, messageIdHeader: `<${key}@x.test>`, toAddress: 'c@x.test', subject: 's', body: 'b', status: 'sent', sentAt } });
}
async function llmCall(db: Db, conversationId: string | null, costUsd: number, createdAt: Date) {
  keys += 1;
  await db.llmCall.create({ data: { callKey: `call-${keys}`, conversationId, purpose: 'draft', model: 'm', promptName: 'p', promptVersion: 1, attempt: 1, ok: true, costUsd, createdAt } });
}

beforeAll(async () => {
  temp = await createTempDb();
  const db = temp.db;
  await db.user.create({ data: { id: ALICE, email: 'alice@team.test', name: 'Alice' } });
  await db.user.create({ data: { id: BOB, email: 'bob@team.test', name: 'Bob' } });
  for (const id of ['r1', 'a1', 'p1', 'p2', 'p3', 'j1', 'x1', 'o1']) await seedConversation(db, { id, category: 'orders', lastMessageAt: at('19T09:00:00') });

  await inbound(db, 'r1', at('19T09:00:00'));
  await decided(db, 'r1', 2, 'manual_reply', ALICE, at('19T09:30:00'));
  await sent(db, 'r1', 2, at('19T09:31:00'));

  await inbound(db, 'a1', at('19T10:00:00'));
  await decided(db, 'a1', 1, 'auto_send', null, at('19T10:02:00'));
  await sent(db, 'a1', 1, at('19T10:03:00'));

  await inbound(db, 'p1', at('20T08:00:00'));
  await decided(db, 'p1', 1, 'approve', BOB, at('20T08:20:00'));
  await sent(db, 'p1', 1, at('20T08:21:00'));

  await inbound(db, 'p2', at('19T12:00:00'));
  await decided(db, 'p2', 1, 'edit_approve', ALICE, at('19T12:10:00'));
  await sent(db, 'p2', 1, at('19T12:11:00'));
  await inbound(db, 'p2', at('19T13:00:00'));

  await inbound(db, 'p3', at('20T09:00:00'));
  await decided(db, 'p3', 1, 'cancel_hold', BOB, at('20T09:01:00'));
  await decided(db, 'p3', 1, 'approve', BOB, at('20T09:05:00'));
  await sent(db, 'p3', 1, at('20T09:06:00'));

  await inbound(db, 'j1', at('19T15:00:00'));
  await decided(db, 'j1', 1, 'reject', BOB, at('19T16:00:00'));

  await inbound(db, 'x1', at('19T20:00:00'));
  await decided(db, 'x1', 1, 'approve', ALICE, at('19T20:10:00'));
  await decided(db, 'x1', 1, 'resend', BOB, at('19T20:30:00'));
  await sent(db, 'x1', 1, at('19T20:31:00'));

  await inbound(db, 'o1', at('18T10:00:00'));
  await decided(db, 'o1', 1, 'approve', BOB, at('18T10:05:00'));
  await sent(db, 'o1', 1, at('18T10:06:00'));

  // Cost at the edges of a day, and a call that belongs to no conversation (a redraft check, say).
  await llmCall(db, 'r1', 0.049, at('19T00:00:00.000'));
  await llmCall(db, 'a1', 0.05, at('19T23:59:59.999'));
  await llmCall(db, 'p1', 0.0004, at('20T00:00:00.000'));
  await llmCall(db, null, 0.001, at('20T11:00:00'));
  await llmCall(db, 'o1', 0.7, at('18T23:59:59.999'));

  metrics = await getOverviewMetrics({ days: 2, now: NOW }, db);
});

afterAll(async () => {
  await temp.close();
});

describe('overview figures against a hand-counted day', () => {
  it('counts as automatic only what the policy sent: an agent’s own reply, a resend or an approval after a cancelled hold are the agents’', () => {
    expect(metrics.sends).toEqual({ sent: 6, autoSent: 1, automationRate: 1 / 6, failed: 0 });
    expect(metrics.daily.map((day) => [day.day, day.sent, day.autoSent])).toEqual([
      ['2026-05-19', 4, 1],
      ['2026-05-20', 2, 0],
    ]);
    expect(metrics.categories.find((row) => row.category === 'orders')).toMatchObject({ sent: 6, autoSent: 1 });
  });

  it('puts every call’s cost on its UTC day, edges and calls without a conversation included', () => {
    expect(metrics.daily.map((day) => day.day)).toEqual(['2026-05-19', '2026-05-20']);
    expect(metrics.daily[0]?.costUsd).toBeCloseTo(0.099, 10);
    expect(metrics.daily[1]?.costUsd).toBeCloseTo(0.0014, 10);
    expect(metrics.cost.totalUsd).toBeCloseTo(0.1004, 10);
  });

  it('shows the same cost per category as the chart and the card: the calls made in the window', async () => {
    const byCategory = new Map(metrics.categories.map((row) => [row.category, row.costUsd]));
    expect(byCategory.get('orders')).toBeCloseTo(0.0994, 10);
    expect(byCategory.get(null)).toBeCloseTo(0.001, 10);
    // Today only: the conversations' last messages were yesterday, today's calls still count, on today's row.
    const today = await getOverviewMetrics({ days: 1, now: NOW }, temp.db);
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    expect(today.daily.map((day) => day.costUsd)).toEqual([expect.closeTo(0.0014, 10)]);
    expect(sum(today.categories.map((row) => row.costUsd))).toBeCloseTo(0.0014, 10);
    expect(today.categories.find((row) => row.category === 'orders')).toMatchObject({ conversations: 0, costUsd: expect.closeTo(0.0004, 10) });
    expect(today.cost.totalUsd).toBeCloseTo(0.0014, 10);
  });

  it('gives each agent what they handled, their first responses and their resolutions', () => {
    expect(metrics.agents).toEqual([
      { agentId: ALICE, name: 'Alice', handled: 3, firstResponses: 3, medianFirstResponseSeconds: 1860, resolved: 2, medianResolutionSeconds: 1860 },
      { agentId: BOB, name: 'Bob', handled: 3, firstResponses: 2, medianFirstResponseSeconds: 810, resolved: 3, medianResolutionSeconds: 1260 },
    ]);
  });
});
