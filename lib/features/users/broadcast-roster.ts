import type { Client } from '@temporalio/client';
import { getTemporalClient } from '../../platform/temporal/client';
import type { Db } from '../../platform/db/client';
import { actorsChangedSignal, CONVERSATION_WORKFLOW } from '../../core/contract';
import { loadSupportRoster } from './load-support-roster';
import { getDb } from '../../platform/db';

/**
 * Tells every running conversation who may decide now, after a user is added, disabled or
 * re-enabled: the workflows' update validators refuse anyone not on their roster.
 */
export async function broadcastRoster(client: Client, db: Db = getDb()): Promise<number> {
  const actors = await loadSupportRoster(db);
  let signalled = 0;
  const running = client.workflow.list({ query: `WorkflowType = '${CONVERSATION_WORKFLOW}' AND ExecutionStatus = 'Running'` });
  for await (const workflow of running) {
    await client.workflow.getHandle(workflow.workflowId).signal(actorsChangedSignal, { actors });
    signalled += 1;
  }
  return signalled;
}

/**
 * After a user change made in the app: running conversations learn it now; new ones read
 * the roster when they start. A failed broadcast is logged, not fatal: the change is saved.
 */
export async function refreshRunningRosters(db: Db = getDb()): Promise<void> {
  try {
    await broadcastRoster(await getTemporalClient(), db);
  } catch (error) {
    console.warn(`Could not update running conversations' rosters: ${(error as Error).message}`);
  }
}
