import { z } from 'zod';
import { isTimeZone } from './sla/zoned-time';
import { RETENTION_WORKFLOW } from './privacy/erasure-contract';

/**
 * The periodic work that runs as Temporal Schedules: their ids (what the Temporal UI lists),
 * workflow type names and payloads, and the times managers set. Shared by the worker (which
 * registers the workflows) and the side that creates the schedules.
 */
export const SCHEDULED_WORKFLOWS = {
  reconcileIntake: 'reconcileIntakeWorkflow',
  slaSweep: 'slaSweepWorkflow',
  dailyDigest: 'dailyDigestWorkflow',
  retention: RETENTION_WORKFLOW,
  embedKnowledge: 'embedKnowledgeWorkflow',
} as const;

export const SCHEDULE_NAMES = {
  reconcileIntake: 'reconcile-intake',
  slaSweep: 'sla-sweep',
  dailyDigest: 'daily-digest',
  retention: 'retention',
  embedKnowledge: 'embed-knowledge',
} as const;

/**
 * A schedule's id: the task queue's name first, so installs sharing a namespace keep apart
 * (`countersign-daily-digest` with the default queue).
 */
export function scheduleId(taskQueue: string, name: string): string {
  return `${taskQueue}-${name}`;
}

export const scheduleTimesSchema = z.object({
  /** How often stored mail that never reached Temporal is delivered again. */
  reconcileEverySeconds: z.number().int().min(5).max(3600),
  /** How often SLA due times are recomputed and reminders and breaches sent. */
  slaSweepEveryMinutes: z.number().int().min(1).max(60),
  /** When the daily digest of yesterday goes out, local time. */
  digestAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 07:00'),
  digestTimeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin'),
  /** When retention deletes conversations past the age in settings, UTC. */
  retentionAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 03:30'),
});

export type ScheduleTimes = z.infer<typeof scheduleTimesSchema>;

export const DEFAULT_SCHEDULE_TIMES: ScheduleTimes = {
  reconcileEverySeconds: 15,
  slaSweepEveryMinutes: 5,
  digestAt: '07:00',
  digestTimeZone: 'UTC',
  retentionAt: '03:30',
};

export interface SlaSweepInput {
  /** The sweep's clock: the workflow's time, so time-skipping tests move it. */
  now: string;
}

export interface SlaSweepResult {
  reminders: number;
  breaches: number;
}

export interface DailyDigestInput {
  /** When the schedule fired (the workflow's start); the digest covers the local day before. */
  firedAt: string;
}

export interface DailyDigestResult {
  day: string;
  /** False when that day's digest had already gone out (a retry, a second firing). */
  sent: boolean;
}
