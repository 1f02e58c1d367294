// Real Temporal dev server (registered as `npm start` registers it), the worker process, the
// database and the simulator: an operator finds a conversation by what the store knows of it,
// and its owner follows an assignment made in the app.
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_ATTRIBUTES } from '../../../../lib/core/conversation/search-attributes';
import { assignConversation } from '../../../../lib/features/assignment/assign-conversation';
import { signalAssigneeWith } from '../../../../lib/features/assignment/signal-assignee';
import { deliverEmail, waitForStatus } from '../../support/deliver-email';
import { startSystem, type System } from '../../support/system';

let system: System;
beforeAll(async () => {
  system = await startSystem({ autoSendEnabled: false });
  await system.startWorker();
});
afterAll(async () => {
  await system?.stop();
});

/** Visibility is eventually consistent: list until the query finds the run, up to a deadline. */
async function findOne(client: Client, query: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for await (const execution of client.workflow.list({ query })) return execution;
    if (Date.now() > deadline) throw new Error(`no workflow matched ${query} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('search attributes on the running system', () => {
  it('lists a conversation waiting for approval by category, with its deadline, and follows its owner', async () => {
    const { conversationId } = await deliverEmail(system, { from: 'Maria Lopez <maria@example.com>', subject: 'Cannot log in', text: 'Hi, how do I reset my password? Thanks, Maria' });
    await waitForStatus(system, conversationId, 'awaiting_approval', 60_000);
    const waiting = await system.store.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { category: true, priority: true, slaDueAt: true } });
    expect(waiting.category).toEqual(expect.any(String));
    const ours = `WorkflowId = '${conversationId}'`;

    const found = await findOne(system.temporal.client, `CountersignStatus = 'awaiting_approval' AND CountersignCategory = '${waiting.category}' AND ${ours}`);
    expect(found.typedSearchAttributes.get(SEARCH_ATTRIBUTES.priority)).toBe(waiting.priority);
    expect(found.typedSearchAttributes.get(SEARCH_ATTRIBUTES.slaDueAt)?.toISOString()).toBe(waiting.slaDueAt?.toISOString());
    expect(found.typedSearchAttributes.get(SEARCH_ATTRIBUTES.assignee)).toBeUndefined();

    const agent = await system.store.db.user.create({ data: { email: 'ana@countersign.local', name: 'Ana', role: 'agent' } });
    const signalAssignee = signalAssigneeWith(async () => system.temporal.client);
    await assignConversation({ conversationId, assigneeId: agent.id, actorId: agent.id }, system.store.db, { signalAssignee });
    await findOne(system.temporal.client, `CountersignAssignee = '${agent.id}' AND CountersignStatus = 'awaiting_approval' AND ${ours}`);
  });
});
