import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db/client';
import { actorsChangedSignal, CONVERSATION_WORKFLOW } from '../../core/contract';
import { loadSupportRoster } from './load-support-roster';

/**
 * Tells every running conversation who may decide now, after a user is added, disabled or
 * re-enabled: the workflows' update validators refuse anyone not on their roster.
 */
export async function broadcastRoster(db: Db, client: Client): Promise<number> {
  const actors = await loadSupportRoster(db);
  let signalled = 0;
  const running = client.workflow.list({ query: `WorkflowType = '${CONVERSATION_WORKFLOW}' AND ExecutionStatus = 'Running'` });
  for await (const workflow of running) {
    await client.workflow.getHandle(workflow.workflowId).signal(actorsChangedSignal, { actors });
    signalled += 1;
  }
  return signalled;
}
