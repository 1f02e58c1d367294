import { isGrpcServiceError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { readErasureScope } from './erasure-scope';


export interface WorkflowHistoryEraser {
  client: Client;
  namespace: string;
}

// gRPC's NOT_FOUND (grpc-js is the SDK's dependency, not ours).
const GRPC_NOT_FOUND = 5;
const notFound = (error: unknown) => error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && Number(error.code) === GRPC_NOT_FOUND);

/**
 * Removes the Temporal histories of the scope's conversations (they hold ids, but also what the
 * workflow was told and answered): each conversation's workflow and its escalation children,
 * every run of each (a conversation continues as new), terminated first if running, then
 * deleted with the workflow service's DeleteWorkflowExecution. The server deletes
 * asynchronously, so the step ends only when no run can be described any more; until then it
 * throws and Temporal retries it.
 */
export async function eraseWorkflowHistories(temporal: WorkflowHistoryEraser, erasureId: string, db: DbClient = getDb()): Promise<number> {
  const scope = await readErasureScope(erasureId, db);
  const drafts = await db.draft.findMany({ where: { conversationId: { in: scope.conversationIds } }, select: { conversationId: true, version: true } });
  const workflowIds = [...scope.conversationIds, ...drafts.map((draft) => `${draft.conversationId}-escalation-v${draft.version}`)];
  const deleted: { workflowId: string; runId: string }[] = [];
  for (const workflowId of workflowIds) {
    for (const runId of await runsOf(temporal.client, workflowId)) {
      await terminateIfRunning(temporal.client, workflowId, runId);
      await deleteRun(temporal, workflowId, runId);
      deleted.push({ workflowId, runId });
    }
  }
  // Deletion is a server-side task that usually ends within seconds: wait a little here rather
  // than fail the attempt (a retry would repeat every call above).
  const deadline = Date.now() + WAIT_FOR_DELETION_MS;
  for (;;) {
    const remaining = [];
    for (const run of deleted) if (await exists(temporal.client, run.workflowId, run.runId)) remaining.push(run);
    if (remaining.length === 0) return deleted.length;
    if (Date.now() > deadline) throw new Error(`${remaining.length} workflow run(s) are still being deleted by Temporal`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const WAIT_FOR_DELETION_MS = 20_000;

/** Every run: the current one (describe) and older ones visibility lists (continue-as-new). */
async function runsOf(client: Client, workflowId: string): Promise<string[]> {
  const runIds = new Set<string>();
  try {
    runIds.add((await client.workflow.getHandle(workflowId).describe()).runId);
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId.replace(/'/g, '')}'` })) runIds.add(execution.runId);
  return [...runIds];
}

async function terminateIfRunning(client: Client, workflowId: string, runId: string): Promise<void> {
  try {
    const handle = client.workflow.getHandle(workflowId, runId);
    if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('erased (retention or a customer erasure request)');
  } catch (error) {
    if (!notFound(error)) throw error;
  }
}

async function deleteRun({ client, namespace }: WorkflowHistoryEraser, workflowId: string, runId: string): Promise<void> {
  try {
    await client.workflowService.deleteWorkflowExecution({ namespace, workflowExecution: { workflowId, runId } });
  } catch (error) {
    if (!notFound(error)) throw error;
  }
}

async function exists(client: Client, workflowId: string, runId: string): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowId, runId).describe();
    return true;
  } catch (error) {
    if (notFound(error)) return false;
    throw error;
  }
}
