import 'server-only';
import type { Actor } from '../../core/contract';
import type { ScheduleTimes } from '../../core/schedules';
import { env } from '../../platform/config/env';
import { getTemporalClient } from '../../platform/temporal/client';
import { updateScheduleTimes } from '../settings/sla-settings';
import { ensureSchedules } from './ensure-schedules';
import { SCHEDULED_JOBS } from './schedule-registry';

/**
 * A manager's new times: saved (audited), then applied to the Temporal Schedules at once.
 * When Temporal cannot be reached the times are still saved; every worker applies them when
 * it starts. Returns whether the schedules were updated now.
 */
export async function applyScheduleTimes(actor: Actor, times: ScheduleTimes): Promise<{ applied: boolean }> {
  const saved = await updateScheduleTimes(actor, times);
  try {
    await ensureSchedules({ client: await getTemporalClient(), taskQueue: env().TEMPORAL_TASK_QUEUE, times: saved, jobs: SCHEDULED_JOBS });
    return { applied: true };
  } catch (error) {
    console.warn(`Schedules: saved, not applied yet (${(error as Error).message})`);
    return { applied: false };
  }
}
