import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../../devstack/demo-emails';
import { deliverEmail, waitUntilSettled } from '../../support/deliver-email';
import { startSystem, type System } from '../../support/system';

const EMAILS = DEMO_EMAILS.filter((email) => ['password-reset', 'shipping-status', 'feature-idea', 'refund-lawyer', 'chargeback'].includes(email.key));
const AUTO_ANSWERED = 3;

let system: System;
beforeAll(async () => {
  system = await startSystem({ holdSeconds: 1, autoSendCategories: ['account', 'orders', 'feedback'] });
});
afterAll(async () => {
  await system?.stop();
});

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a worker killed in the middle of model calls', () => {
  it('completes every conversation with no duplicate email and no repeated completed model call', async () => {
    // Slow drafts keep a call in flight long enough to kill the worker inside it.
    system.simulator.configure({ latencyMs: 2_500 });
    const first = await system.startWorker();
    const results = await Promise.all(EMAILS.map((email) => deliverEmail(system, email)));
    const ids = results.map((result) => result.conversationId);

    // Drafting starts only after a classification activity completed and was recorded,
    // so once every conversation has a draft request in flight, every classify step is done.
    await until(() => system.simulator.stats().receivedByPurpose.draft >= EMAILS.length, 'drafts in flight');
    expect(await first.kill('SIGKILL')).toBeNull();
    const before = system.simulator.stats();
    expect(before.byPurpose.draft, 'no draft finished before the crash').toBe(0);

    system.simulator.configure({ latencyMs: 0 });
    await system.startWorker();
    const statuses = await waitUntilSettled(system, ids, 180_000);

    expect([...statuses.values()].filter((status) => status === 'sent')).toHaveLength(AUTO_ANSWERED);
    expect([...statuses.values()].filter((status) => status === 'awaiting_approval')).toHaveLength(EMAILS.length - AUTO_ANSWERED);
    const caught = await system.mail.list();
    expect(caught).toHaveLength(AUTO_ANSWERED);
    expect(new Set(caught.map((mail) => mail.messageId)).size).toBe(AUTO_ANSWERED);

    const stats = system.simulator.stats();
    // Completed classifications are never asked again; only the interrupted drafts are.
    expect(stats.receivedByPurpose.classify).toBe(EMAILS.length);
    expect(stats.receivedByPurpose.draft).toBe(2 * EMAILS.length);
    const drafts = await system.store.db.draft.findMany({ where: { conversationId: { in: ids } } });
    expect(drafts).toHaveLength(EMAILS.length);
  });
});
