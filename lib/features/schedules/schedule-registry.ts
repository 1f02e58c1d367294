import { ScheduleOverlapPolicy, type ScheduleSpec } from '@temporalio/client';
import { SCHEDULE_NAMES, SCHEDULED_WORKFLOWS, type ScheduleTimes } from '../../core/schedules';

/** One piece of periodic work: a workflow its Temporal Schedule starts, and when. */
export interface ScheduledJob {
  /** The schedule is `<task queue>-<name>` (scheduleId in lib/core/schedules.ts). */
  name: string;
  workflowType: string;
  spec(times: ScheduleTimes): ScheduleSpec;
  overlap: ScheduleOverlapPolicy;
  /** How late a missed action (Temporal was down) may still run. */
  catchupWindow: string;
  /** Caps one run, so a stuck one cannot hold the schedule forever. */
  runTimeout: string;
  description: string;
}

const clock = (value: string) => ({ hour: Number(value.slice(0, 2)), minute: Number(value.slice(3, 5)) });

/**
 * Every schedule the worker creates at start. Overlap policy, per job:
 * - the reconciler and the SLA sweep are passes over the current state of the database: a pass
 *   that would overlap a running one is SKIPped, since the next pass covers everything it would
 *   have (BUFFER_ONE would only queue a redundant pass behind a slow one);
 * - the digest BUFFERs ONE: the day is named by when a run starts, so a digest still retrying
 *   its mail when the next day's fires must not cost that day its digest.
 * - retention SKIPs: a run still deleting yesterday's batches covers what today's would find.
 * - embedding SKIPs: a pass still embedding a big import will reach what the next would find.
 */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  {
    name: SCHEDULE_NAMES.reconcileIntake,
    workflowType: SCHEDULED_WORKFLOWS.reconcileIntake,
    spec: (times) => ({ intervals: [{ every: `${times.reconcileEverySeconds}s` }] }),
    overlap: ScheduleOverlapPolicy.SKIP,
    catchupWindow: '1 minute',
    runTimeout: '10 minutes',
    description: 'Delivers stored mail that intake could not hand to Temporal',
  },
  {
    name: SCHEDULE_NAMES.slaSweep,
    workflowType: SCHEDULED_WORKFLOWS.slaSweep,
    spec: (times) => ({ intervals: [{ every: `${times.slaSweepEveryMinutes}m` }] }),
    overlap: ScheduleOverlapPolicy.SKIP,
    catchupWindow: '1 minute',
    runTimeout: '30 minutes',
    description: 'Recomputes response due times; sends SLA reminders and breaches',
  },
  {
    name: SCHEDULE_NAMES.dailyDigest,
    workflowType: SCHEDULED_WORKFLOWS.dailyDigest,
    spec: (times) => ({ calendars: [{ ...clock(times.digestAt), comment: 'daily manager digest' }], timezone: times.digestTimeZone }),
    overlap: ScheduleOverlapPolicy.BUFFER_ONE,
    catchupWindow: '12 hours',
    runTimeout: '20 hours',
    description: "Mails managers yesterday's figures",
  },
  {
    name: SCHEDULE_NAMES.retention,
    workflowType: SCHEDULED_WORKFLOWS.retention,
    spec: (times) => ({ calendars: [{ ...clock(times.retentionAt), comment: 'retention: delete conversations past the age in settings' }] }),
    overlap: ScheduleOverlapPolicy.SKIP,
    catchupWindow: '12 hours',
    runTimeout: '20 hours',
    description: 'Deletes conversations older than the retention setting (off unless set)',
  },
  {
    name: SCHEDULE_NAMES.embedKnowledge,
    workflowType: SCHEDULED_WORKFLOWS.embedKnowledge,
    spec: () => ({ intervals: [{ every: '1m' }] }),
    overlap: ScheduleOverlapPolicy.SKIP,
    catchupWindow: '1 minute',
    runTimeout: '2 hours',
    description: 'Embeds knowledge passages that have no vector yet (after an import; retrieval embeds a few itself)',
  },
];
