import * as wf from '@temporalio/workflow';
import type { ScheduledActivities } from '../activities/scheduled';
import type { DailyDigestResult, SlaSweepResult } from '../../lib/core/schedules';

/**
 * The workflows Temporal Schedules start (lib/features/schedules/schedule-registry.ts). Each
 * is one activity: the schedule gives "once, on time, whatever the number of workers", the
 * activity does the I/O. Clocks come from workflow time, so time-skipping tests move them.
 */

const { reconcileIntake, sweepSla } = wf.proxyActivities<ScheduledActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

// Mail to managers: patient like SMTP replies (80 attempts, about 12 hours), within the day the
// digest is about.
const { sendDailyDigest } = wf.proxyActivities<ScheduledActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 80 },
});

export async function reconcileIntakeWorkflow(): Promise<number | null> {
  return reconcileIntake();
}

export async function slaSweepWorkflow(): Promise<SlaSweepResult> {
  return sweepSla({ now: new Date().toISOString() });
}

// A big import takes minutes on one core; the heartbeat (each batch of 8) shows it is alive,
// and a retry resumes where it stopped since every batch is stored.
const { embedKnowledge } = wf.proxyActivities<ScheduledActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

export async function embedKnowledgeWorkflow(): Promise<number> {
  return embedKnowledge();
}

export async function dailyDigestWorkflow(): Promise<DailyDigestResult> {
  return sendDailyDigest({ firedAt: new Date().toISOString() });
}
