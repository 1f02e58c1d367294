import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { approveDraftUpdate, assigneeChangedSignal, closeConversationUpdate } from '../../lib/core/contract';
import { SEARCH_ATTRIBUTES } from '../../lib/core/conversation/search-attributes';
import { AGENT, awaitingReview, POLICY, statusIs, withConversation } from './harness';

/** A risky billing question: it waits for review. */
const BILLING = { ok: true as const, category: 'billing', priority: 'high', riskScore: 85, confidence: 0.95, requiresHuman: false, injectionSuspected: false };

/** Visibility is eventually consistent: list until the query finds the run, up to a deadline. */
async function findByQuery(client: Client, query: string): Promise<WorkflowExecutionInfo> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for await (const execution of client.workflow.list({ query })) return execution;
    if (Date.now() > deadline) throw new Error(`no workflow matched ${query} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * An operator finds conversations in the Temporal UI by what they are about: a real dev server
 * (as `npm start` runs it, with the attributes registered) indexes what the workflow upserts.
 */
describe('search attributes', () => {
  it('lists a conversation by status and category, and follows its owner, deadline and lifecycle', async () => {
    // The owner as the store holds it: an assignment writes it there, then signals the workflow.
    let owner: string | null = null;
    const assign = (assigneeId: string | null) => {
      owner = assigneeId;
      return { assigneeId };
    };
    await withConversation(
      { script: { classify: () => BILLING, assigneeId: () => owner }, actors: { [AGENT.id]: AGENT.role }, realTime: true, recordAs: 'search-attributes' },
      async ({ env, handle, conversationId, waitFor }) => {
        const startedAt = Date.now();
        await waitFor(awaitingReview, 'review');
        const ours = `WorkflowId = '${conversationId}'`;

        const waiting = await findByQuery(env.client, `CountersignStatus = 'awaiting_approval' AND CountersignCategory = '${BILLING.category}' AND ${ours}`);
        expect(waiting.typedSearchAttributes.get(SEARCH_ATTRIBUTES.priority)).toBe(BILLING.priority);
        expect(waiting.typedSearchAttributes.get(SEARCH_ATTRIBUTES.mailbox)).toBe('support@example.test');
        expect(waiting.typedSearchAttributes.get(SEARCH_ATTRIBUTES.assignee)).toBeUndefined();
        const due = waiting.typedSearchAttributes.get(SEARCH_ATTRIBUTES.slaDueAt);
        // The review SLA counts from when the draft started waiting.
        expect(due?.getTime()).toBeGreaterThanOrEqual(startedAt + POLICY.reviewSlaMinutes * 60_000);
        expect(due?.getTime()).toBeLessThan(Date.now() + POLICY.reviewSlaMinutes * 60_000);
        // Another category does not match.
        await expect(countMatching(env.client, `CountersignCategory = 'account' AND ${ours}`)).resolves.toBe(0);

        await handle.signal(assigneeChangedSignal, assign(AGENT.id));
        await findByQuery(env.client, `CountersignAssignee = '${AGENT.id}' AND CountersignStatus = 'awaiting_approval' AND ${ours}`);

        await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] });
        await waitFor(statusIs('sent'), 'sent');
        // Sent: no reply is owed any more, so the deadline is gone; the owner stays.
        const sent = await findByQuery(env.client, `CountersignStatus = 'sent' AND CountersignAssignee = '${AGENT.id}' AND ${ours}`);
        expect(sent.typedSearchAttributes.get(SEARCH_ATTRIBUTES.slaDueAt)).toBeUndefined();

        await handle.signal(assigneeChangedSignal, assign(null));
        await handle.executeUpdate(closeConversationUpdate, { args: [{ actor: AGENT }] });
        const closed = await findByQuery(env.client, `CountersignStatus = 'closed' AND CountersignAssignee IS NULL AND ${ours}`);
        expect(closed.typedSearchAttributes.get(SEARCH_ATTRIBUTES.category)).toBe(BILLING.category);
      },
    );
  });
});

async function countMatching(client: Client, query: string): Promise<number> {
  return (await client.workflow.count(query)).count;
}
