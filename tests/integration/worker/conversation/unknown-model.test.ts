// A worker configured with a retired model id: the strict simulator answers 404 not_found_error,
// as the API does, and the conversation lands with a person at once instead of retrying.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverEmail, waitForStatus } from '../../support/deliver-email';
import { startSystem, type System } from '../../support/system';

let system: System;
beforeAll(async () => {
  system = await startSystem({ holdSeconds: 1 }, { CLAUDE_DRAFT_MODEL: 'claude-3-7-sonnet-20250219' });
  await system.startWorker();
});
afterAll(async () => {
  await system?.stop();
});

describe('a retired drafting model', () => {
  it('is a 404 the first time: Needs a person, nothing sent, no retries', async () => {
    const { conversationId } = await deliverEmail(system, { from: 'ben@example.net', subject: 'Order', text: 'Where is my order #48213?' });
    const person = await waitForStatus(system, conversationId, 'needs_person', 60_000);
    expect(person.statusReason).toMatch(/^Model unavailable: Claude API 404 not_found_error: model: claude-3-7-sonnet-20250219/);
    const drafts = await system.store.db.llmCall.findMany({ where: { conversationId, purpose: 'draft' } });
    expect(drafts).toEqual([expect.objectContaining({ ok: false, errorType: 'ModelNotFound', attempt: 1 })]);
    expect(system.simulator.stats().byStatus).toMatchObject({ '404': 1 });
    expect(await system.mail.list()).toHaveLength(0);
  });
});
