import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastRoster } from '../../../../lib/features/users/broadcast-roster';
import { loadSupportRoster } from '../../../../lib/features/users/load-support-roster';
import { approveDraftUpdate, CONVERSATION_WORKFLOW, getConversationStateQuery, inboundMessageSignal } from '../../../../lib/core/contract';
import { createLocalEnv, workflowBundle } from '../../../support/temporal-test-env';
import { createFakeActivities, HIGH_RISK } from '../../../workflow/fake-activities';
import { POLICY } from '../../../workflow/harness';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let store: TempDb;
let temporal: TestWorkflowEnvironment;
beforeAll(async () => {
  [store, temporal] = await Promise.all([createTempDb(), createLocalEnv()]);
});
afterAll(async () => {
  await Promise.allSettled([store?.close(), temporal?.teardown()]);
});

async function addUser(id: string, role: string, disabled = false) {
  await store.db.user.create({ data: { id, email: `${id}@countersign.local`, name: id, role, disabledAt: disabled ? new Date() : null } });
}

describe('support roster', () => {
  it('lists enabled support users only', async () => {
    await addUser('agent-a', 'agent');
    await addUser('agent-gone', 'agent', true);
    expect(await loadSupportRoster(store.db)).toEqual({ 'agent-a': 'agent' });
  });

  it('reaches running conversations, so a user added later may decide', async () => {
    const taskQueue = `roster-${randomUUID()}`;
    const conversationId = `conv-${randomUUID()}`;
    const { activities } = createFakeActivities({ classify: () => HIGH_RISK });
    const worker = await Worker.create({ connection: temporal.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    await worker.runUntil(async () => {
      const handle = await temporal.client.workflow.signalWithStart(CONVERSATION_WORKFLOW, {
        workflowId: conversationId,
        taskQueue,
        args: [{ conversationId, policy: POLICY, actors: await loadSupportRoster(store.db) }],
        signal: inboundMessageSignal,
        signalArgs: [{ messageId: 'msg-1' }],
      });
      const deadline = Date.now() + 30_000;
      while (!(await handle.query(getConversationStateQuery)).awaitingDecision) {
        if (Date.now() > deadline) throw new Error('never reached review');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const newcomer = { id: 'agent-new', role: 'agent' as const };
      await expect(handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: newcomer }] })).rejects.toThrow();

      await addUser('agent-new', 'agent');
      // Visibility is eventually consistent: retry until the running workflow is listed.
      let signalled = 0;
      while (signalled === 0 && Date.now() < deadline) signalled = await broadcastRoster(temporal.client, store.db);
      expect(signalled).toBeGreaterThanOrEqual(1);
      const result = await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: newcomer }] });
      expect(result.outcome).toBe('approved');
    });
  });
});
