import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../../devstack/demo-emails';
import { deliverEmail, waitUntilSettled } from '../../support/deliver-email';
import { startSystem, type System } from '../../support/system';

let system: System;
beforeAll(async () => {
  system = await startSystem({ holdSeconds: 2, autoSendCategories: ['account', 'orders', 'feedback', 'billing'] });
  await system.startWorker();
});
afterAll(async () => {
  await system?.stop();
});

// What the policy should auto-answer: routine questions. Everything else waits for a person,
// including the German question, which the simulator classifies with confidence below 0.8.
const AUTO_ANSWERED = new Set(['password-reset', 'invoice-download', 'shipping-status', 'feature-idea']);

describe('a mixed batch through the real system', () => {
  it('sends each low-risk reply exactly once and holds each risky one for approval', async () => {
    const results = await Promise.all(DEMO_EMAILS.map((email) => deliverEmail(system, email)));
    const ids = results.map((result) => result.conversationId);
    const statuses = await waitUntilSettled(system, ids, 120_000);

    const outcome = DEMO_EMAILS.map((email, index) => ({ key: email.key, auto: AUTO_ANSWERED.has(email.key), status: statuses.get(ids[index] ?? '') }));
    for (const { key, auto, status } of outcome) {
      expect({ key, status }).toEqual({ key, status: auto ? 'sent' : 'awaiting_approval' });
    }

    const caught = await system.mail.list();
    const safe = DEMO_EMAILS.filter((email) => AUTO_ANSWERED.has(email.key));
    expect(caught).toHaveLength(safe.length);
    expect(new Set(caught.map((mail) => mail.messageId)).size).toBe(safe.length);
    for (const email of safe) {
      const address = /<([^>]+)>/.exec(email.from)?.[1] ?? email.from;
      const replies = caught.filter((mail) => mail.to.includes(address));
      expect(replies, `replies to ${address}`).toHaveLength(1);
      expect(replies[0]?.subject).toBe(`Re: ${email.subject}`);
    }
  });
});
