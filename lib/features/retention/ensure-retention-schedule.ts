import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptionsAction, type ScheduleSpec } from '@temporalio/client';
import { RETENTION_SCHEDULE_ID, RETENTION_WORKFLOW, type RetentionWorkflowInput } from '../../core/privacy/erasure-contract';

export interface RetentionScheduleConfig {
  taskQueue: string;
  /** HH:MM, UTC (RETENTION_SCHEDULE_AT). */
  at: string;
}

/**
 * The daily retention run as a Temporal Schedule (visible in the Temporal UI, one run however
 * many workers start): created when missing, brought to the configured time and task queue when
 * present, so every worker may call it at start. The age itself is read by each run from
 * settings, so changing it needs no schedule change.
 */
export async function ensureRetentionSchedule(client: Client, config: RetentionScheduleConfig): Promise<void> {
  const [hour = 3, minute = 30] = config.at.split(':').map(Number);
  const spec: ScheduleSpec = { calendars: [{ hour, minute, comment: 'retention: delete conversations past the retention setting' }] };
  const input: RetentionWorkflowInput = {};
  const action: ScheduleOptionsAction = { type: 'startWorkflow', workflowType: RETENTION_WORKFLOW, taskQueue: config.taskQueue, args: [input] };
  try {
    await client.schedule.create({ scheduleId: RETENTION_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(RETENTION_SCHEDULE_ID).update((previous) => ({ ...previous, spec, action }));
  }
}
