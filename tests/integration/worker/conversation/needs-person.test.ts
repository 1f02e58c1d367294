// Real Temporal dev server, the worker process, SQLite, the mail catcher and the strict Claude
// simulator returning, for classification and for drafting, each answer or error that retrying
// cannot fix. Every conversation must reach "Needs a person" with the right reason on its first
// attempt (no 30-minute retry), send nothing, and then send the agent's own reply exactly once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../../devstack/claude-simulator/faults';
import { sendAgentReply } from '../../../../lib/features/conversations/send-agent-reply';
import { storeAgentText } from '../../../../lib/features/conversations/agent-text/store-agent-text';
import { deliverEmail, waitForStatus } from '../../support/deliver-email';
import { startSystem, type System } from '../../support/system';

let system: System;
let agentId: string;
beforeAll(async () => {
  system = await startSystem({ holdSeconds: 1 });
  await system.startWorker();
  agentId = (await system.store.db.user.create({ data: { email: 'agent@countersign.local', name: 'Agent', role: 'agent' } })).id;
});
afterAll(async () => {
  await system?.stop();
});

const EMAIL = { from: 'Maria Lopez <maria@example.com>', subject: 'Cannot log in', text: 'Hi, how do I reset my password? Thanks, Maria' };

const CASES: Array<{ fault: FaultKind; reason: RegExp }> = [
  { fault: 'refusal', reason: /^Claude refused: Claude declined to (classify this email|draft a reply) \(category: general_harms/ },
  { fault: 'max_tokens', reason: /^Cut off at the token limit: the (classification|draft) was cut off/ },
  { fault: 'empty', reason: /^Claude returned an empty answer/ },
  { fault: '400', reason: /^Claude rejected the request: Claude API 400 invalid_request_error/ },
  { fault: '402', reason: /^Billing limit reached: Claude API 402 billing_error/ },
  { fault: '404', reason: /^Model unavailable: Claude API 404 not_found_error: model: claude-/ },
  { fault: 'spend_limit', reason: /^Spend limit reached: Claude API 429 rate_limit_error/ },
];

async function answerByHand(conversationId: string, body: string, requestId = randomUUID()) {
  return sendAgentReply({ action: 'compose', conversationId, requestId, body, actor: { id: agentId, role: 'agent' } }, { client: system.temporal.client, storeText: (text) => storeAgentText(text, system.store.db) });
}

describe.each(['classify', 'draft'] as const)('when %s cannot succeed', (purpose) => {
  it.each(CASES)(`$fault: Needs a person with the reason, nothing sent, then the agent's reply goes out once`, async ({ fault, reason }) => {
    system.simulator.reset();
    system.simulator.configure({ rules: [{ purpose, fault }] });
    const before = (await system.mail.list()).length;
    const { conversationId } = await deliverEmail(system, EMAIL);

    const person = await waitForStatus(system, conversationId, 'needs_person', 60_000);
    expect(person.statusReason).toMatch(reason);
    if (fault === 'refusal') {
      // Claude's explanation may repeat the email: it is stored, and not carried by the workflow.
      expect(person.statusReason).not.toContain('facilitate harm');
      const classification = await system.store.db.classification.findFirst({ where: { conversationId }, select: { error: true } });
      const draft = await system.store.db.draft.findFirst({ where: { conversationId }, select: { checkProblems: true } });
      expect(purpose === 'classify' ? classification?.error : draft?.checkProblems.join(' ')).toContain('facilitate harm');
    }
    // First attempt only: nothing was retried for minutes (or at all, by Temporal).
    const calls = await system.store.db.llmCall.findMany({ where: { conversationId } });
    expect(calls.length).toBeGreaterThan(0); // the model was asked: an empty list would prove nothing
    expect(calls.every((call) => call.attempt === 1)).toBe(true);
    expect(await system.store.db.conversationEvent.count({ where: { conversationId, type: 'needs_person' } })).toBe(1);
    // The team hears of it (nobody owns it yet), once, with the reason: in the app by default.
    await expect
      .poll(() => system.store.db.notification.findMany({ where: { conversationId, kind: 'needs_person' }, select: { userId: true, body: true } }), { timeout: 10_000 })
      .toEqual([{ userId: agentId, body: person.statusReason }]);
    expect(await system.mail.list()).toHaveLength(before);

    const body = `Hello Maria, this is a person (${purpose}/${fault}). Use "Forgot password?" on the sign-in page.`;
    const requestId = randomUUID();
    expect(await answerByHand(conversationId, body, requestId)).toMatchObject({ ok: true, outcome: 'reply_queued' });
    // The same click again is the same reply.
    expect(await answerByHand(conversationId, body, requestId)).toMatchObject({ ok: true, outcome: 'reply_queued' });
    await waitForStatus(system, conversationId, 'sent', 60_000);
    const caught = (await system.mail.list()).filter((mail) => mail.to.includes('maria@example.com')).slice(before);
    expect(caught).toHaveLength(1);
    const sends = await system.store.db.outboundSend.findMany({ where: { conversationId } });
    expect(sends).toEqual([expect.objectContaining({ status: 'sent', body })]);
  });
});

describe('the model-spend budget', () => {
  it('stops calling Claude: new mail goes straight to a person with the reason', async () => {
    system.simulator.reset();
    await system.store.db.setting.upsert({
      where: { key: 'model_budget' },
      create: { key: 'model_budget', value: { monthlyUsd: 0.000001, dailyUsd: null } },
      update: { value: { monthlyUsd: 0.000001, dailyUsd: null } },
    });
    try {
      const { conversationId } = await deliverEmail(system, EMAIL);
      const person = await waitForStatus(system, conversationId, 'needs_person', 60_000);
      expect(person.statusReason).toMatch(/^Model spend budget reached: Claude was not called: this month's model spend .* monthly budget/);
      expect(system.simulator.stats().calls).toBe(0);
    } finally {
      await system.store.db.setting.delete({ where: { key: 'model_budget' } });
    }
  });
});
