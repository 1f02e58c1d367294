import { createHash } from 'node:crypto';
import { ScheduleAlreadyRunning, type Client, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import { scheduleId, type ScheduleTimes } from '../../core/schedules';
import type { ScheduledJob } from './schedule-registry';

export interface EnsureSchedulesInput {
  client: Client;
  taskQueue: string;
  times: ScheduleTimes;
  jobs: ScheduledJob[];
}

export type ScheduleOutcome = 'created' | 'updated' | 'unchanged';

const FINGERPRINT = 'countersignScheduleFingerprint';

/**
 * Creates each schedule, or brings an existing one to what the settings now say. Safe from
 * any number of workers at once: the schedule id is unique in the namespace, so exactly one
 * create wins and the rest find it (ScheduleAlreadyRunning) and update it only when its
 * fingerprint (spec, policies, workflow, task queue) differs from theirs.
 */
export async function ensureSchedules(input: EnsureSchedulesInput): Promise<Record<string, ScheduleOutcome>> {
  const outcomes: Record<string, ScheduleOutcome> = {};
  for (const job of input.jobs) outcomes[scheduleId(input.taskQueue, job.name)] = await ensureSchedule(input, job);
  return outcomes;
}

function scheduleOptions(input: EnsureSchedulesInput, job: ScheduledJob): ScheduleOptions<ScheduleOptionsStartWorkflowAction<() => Promise<unknown>>> {
  const spec = job.spec(input.times);
  const policies = { overlap: job.overlap, catchupWindow: job.catchupWindow };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ spec, policies, workflowType: job.workflowType, taskQueue: input.taskQueue, runTimeout: job.runTimeout }))
    .digest('hex')
    .slice(0, 16);
  const id = scheduleId(input.taskQueue, job.name);
  return {
    scheduleId: id,
    spec,
    policies,
    action: {
      type: 'startWorkflow',
      workflowType: job.workflowType,
      workflowId: id,
      taskQueue: input.taskQueue,
      args: [],
      workflowRunTimeout: job.runTimeout,
      memo: { [FINGERPRINT]: fingerprint },
    },
    memo: { description: job.description },
  };
}

async function ensureSchedule(input: EnsureSchedulesInput, job: ScheduledJob): Promise<ScheduleOutcome> {
  const options = scheduleOptions(input, job);
  try {
    await input.client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = input.client.schedule.getHandle(options.scheduleId);
  const current = await handle.describe();
  const wanted = options.action.memo?.[FINGERPRINT];
  if (current.action.type === 'startWorkflow' && current.action.memo?.[FINGERPRINT] === wanted) return 'unchanged';
  const { scheduleId: _scheduleId, memo: _memo, ...update } = options;
  await handle.update((previous) => ({ ...update, state: previous.state }));
  return 'updated';
}
