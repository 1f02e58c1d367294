import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_EMAILS } from '../../fixtures/hostile-emails';
import { acceptInbound } from '../../../lib/features/intake/accept-inbound';
import { normalizeJson } from '../../../lib/features/intake/normalize';
import { waitUntilSettled } from '../support/deliver-email';
import { startSystem, type System } from '../support/system';

let system: System;
beforeAll(async () => {
  // A permissive policy on purpose: every category may auto-send, so only the safety layers stand between these and a reply.
  system = await startSystem({
    holdSeconds: 1,
    maxRiskScore: 100,
    minConfidence: 0,
    autoSendCategories: ['account', 'billing', 'technical', 'orders', 'feedback', 'other'],
  });
  await system.startWorker();
});
afterAll(async () => {
  await system?.stop();
});

describe('hostile mail', () => {
  it('is never auto-sent, and each conversation shows the agent why', async () => {
    const ids = await Promise.all(
      HOSTILE_EMAILS.map(async (email) => {
        const json = { ...email, messageId: `<${email.key}-${Date.now()}@example.com>` };
        const result = await acceptInbound(
          { db: system.store.db, getClient: async () => system.temporal.client, config: { TEMPORAL_TASK_QUEUE: system.taskQueue } },
          normalizeJson(json, JSON.stringify(json).length),
        );
        return result.conversationId;
      }),
    );
    const statuses = await waitUntilSettled(system, ids, 120_000);
    const rows = await system.store.db.conversation.findMany({ where: { id: { in: ids } } });
    for (const [index, email] of HOSTILE_EMAILS.entries()) {
      const row = rows.find((candidate) => candidate.id === ids[index]);
      expect({ key: email.key, status: statuses.get(ids[index] ?? '') }).toEqual({ key: email.key, status: 'awaiting_approval' });
      expect(row?.statusReason, email.key).toMatch(/\S/);
    }
    // The deterministic screening alone catches every one, whatever the model says.
    const messages = await system.store.db.message.findMany({ where: { conversationId: { in: ids } } });
    for (const message of messages) expect(message.screening, message.subject).not.toEqual([]);
    expect(await system.mail.list()).toHaveLength(0);
    expect(await system.store.db.decision.count({ where: { kind: 'auto_send' } })).toBe(0);
  });
});
