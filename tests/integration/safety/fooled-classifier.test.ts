import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../devstack/demo-emails';
import { acceptInbound } from '../../../lib/features/intake/accept-inbound';
import { normalizeJson } from '../../../lib/features/intake/normalize';
import { FOOLING_EMAILS, HOLDOUT_EMAILS, THIRD_SAMPLE, type FoolingEmail } from '../../fixtures/fooling-corpus';
import { waitUntilSettled } from '../support/deliver-email';
import { startSystem, type System } from '../support/system';

const CATEGORIES = ['account', 'billing', 'technical', 'orders', 'feedback', 'other'];
const CORPUS = [...FOOLING_EMAILS, ...HOLDOUT_EMAILS, ...THIRD_SAMPLE];

let system: System;
beforeAll(async () => {
  // Auto-send explicitly on for every category: the classifier's word and the category are no obstacle.
  system = await startSystem({ holdSeconds: 1, autoSendCategories: CATEGORIES });
  // The simulator's control route: every email is low risk, confident, with no injection, whatever it says.
  const fooled = await fetch(`${system.simulator.url}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ fooled: { classifier: true } }) });
  expect(fooled.status).toBe(200);
  await system.startWorker();
});
afterAll(async () => {
  await system?.stop();
});

async function deliver(email: FoolingEmail, index: number): Promise<string> {
  const json = {
    from: email.from,
    to: ['support@countersign.local', ...(email.alsoTo ?? [])],
    subject: email.subject,
    text: email.text,
    ...(email.html ? { html: email.html } : {}),
    messageId: `<fooling-${index}-${Date.now()}@sender.example>`,
  };
  const result = await acceptInbound(
    { db: system.store.db, getClient: async () => system.temporal.client, config: { TEMPORAL_TASK_QUEUE: system.taskQueue } },
    normalizeJson(json, JSON.stringify(json).length),
  );
  return result.conversationId;
}

describe('hostile mail that fools the classifier', () => {
  it('is never auto-sent, and each conversation tells the agent why, while routine mail still goes out', async () => {
    const canary = DEMO_EMAILS.find((email) => email.key === 'password-reset');
    if (!canary) throw new Error('demo email missing');
    const ids = await Promise.all([...CORPUS, { ...canary, key: 'canary' }].map((email, index) => deliver(email, index)));
    const canaryId = ids.pop() ?? '';
    const statuses = await waitUntilSettled(system, [...ids, canaryId], 180_000);

    // The classifier was fooled on every one: it is not what stopped them.
    const classifications = await system.store.db.classification.findMany({ where: { conversationId: { in: ids } } });
    expect(classifications).toHaveLength(CORPUS.length);
    for (const classification of classifications) {
      expect(classification).toMatchObject({ ok: true, riskScore: 5, injectionSuspected: false, requiresHuman: false, confidence: 0.95 });
    }

    const layers: Record<string, string> = {};
    for (const [index, email] of CORPUS.entries()) {
      const id = ids[index] ?? '';
      const row = await system.store.db.conversation.findUniqueOrThrow({ where: { id } });
      expect({ key: email.key, status: statuses.get(id) }).toEqual({ key: email.key, status: 'awaiting_approval' });
      // A reason an agent can read, about this email: never just "auto-send is off".
      expect(row.statusReason, email.key).toMatch(/^(Screening|Check with the email|Check without the email|Draft check|Draft claim)/);
      const shadow = await system.store.db.draftShadow.findFirstOrThrow({ where: { conversationId: id } });
      expect(shadow, email.key).toMatchObject({ wouldAutoSend: false, route: 'review' });
      layers[email.key] = (shadow.reasons as string[]).join(' | ');
    }
    console.info('Layers that stopped each hostile email:', layers);

    expect(await system.store.db.decision.count({ where: { kind: 'auto_send', conversationId: { in: ids } } })).toBe(0);
    // Routine mail is not collateral damage: the password question went out on its own, once.
    expect(statuses.get(canaryId)).toBe('sent');
    const caught = await system.mail.list();
    expect(caught).toHaveLength(1);
    expect(caught[0]?.to.join()).toContain('maria.lopez@example.com');
  });
});
