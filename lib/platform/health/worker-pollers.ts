import type { Connection } from '@temporalio/client';
import proto, { type google } from '@temporalio/proto';

// CommonJS package: Node's ESM loader cannot see its named exports, only the default.
const { TaskQueueKind, TaskQueueType } = proto.temporal.api.enums.v1;

export type WorkflowService = Connection['workflowService'];

export interface Poller {
  identity: string;
  lastAccessTime: Date;
}

export interface PollerQuery {
  namespace: string;
  taskQueue: string;
  /** Only pollers that asked for work at or after this instant count. */
  since: Date;
}

/**
 * Workers polling the task queue for workflow tasks. The server remembers pollers for a
 * few minutes after they vanish, so only recent ones prove a worker is alive right now.
 */
export async function recentWorkflowPollers(service: WorkflowService, query: PollerQuery): Promise<Poller[]> {
  const response = await service.describeTaskQueue({
    namespace: query.namespace,
    taskQueue: { name: query.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (response.pollers ?? [])
    .map((poller) => ({ identity: poller.identity ?? '', lastAccessTime: new Date(timestampMs(poller.lastAccessTime)) }))
    .filter((poller) => poller.lastAccessTime.getTime() >= query.since.getTime());
}

function timestampMs(ts: google.protobuf.ITimestamp | null | undefined): number {
  if (!ts) return 0;
  // int64 fields arrive as Long objects; a plain number is tolerated for hand-built fakes.
  const seconds = ts.seconds == null ? 0 : typeof ts.seconds === 'number' ? ts.seconds : ts.seconds.toNumber();
  return seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1_000_000);
}
