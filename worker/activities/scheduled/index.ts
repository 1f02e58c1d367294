import type { Client } from '@temporalio/client';
import type { Db } from '../../../lib/platform/db/client';
import type { Mailer } from '../../../lib/platform/mail/mailer';
import type { DailyDigestInput, DailyDigestResult, SlaSweepInput, SlaSweepResult } from '../../../lib/core/schedules';
import { reconcileOnce } from '../../../lib/features/intake/reconciler';
import { sweepSla } from '../../../lib/features/sla/sweep-sla';
import { createSlaMailPublisher, type PublishSlaEvent } from '../../../lib/features/sla/publish-sla-event';
import { sendDailyDigest } from '../../../lib/features/digest/send-daily-digest';
import { getScheduleTimes } from '../../../lib/features/settings/sla-settings';
import { notify } from '../../../lib/features/notifications/notify';
import { embedMissingPassages } from '../../../lib/features/knowledge/passage-vectors';
import { heartbeat } from '@temporalio/activity';

export interface ScheduledActivityDeps {
  db: Db;
  /** The reconciler hands stored mail to conversation workflows through it. */
  client: Client;
  mailer: Mailer;
  config: {
    taskQueue: string;
    mailFrom: string;
    /** Where SLA reminders and breaches go (ESCALATION_EMAIL). */
    escalationEmail?: string;
    appUrl?: string;
  };
  /** How SLA events reach people; default: each person as they chose (notify) and the team address. */
  publishSlaEvent?: PublishSlaEvent;
}

/** The activities of the scheduled workflows (lib/features/schedules/schedule-registry.ts). */
export function createScheduledActivities(deps: ScheduledActivityDeps) {
  const { db, mailer, config } = deps;
  const mailTeam = createSlaMailPublisher({ mailer, mailFrom: config.mailFrom, to: config.escalationEmail, appUrl: config.appUrl });
  // The owner (or the whole team while nobody owns it) in the app and by their chosen channels;
  // the notice's key is the event's identity, so a republished event tells nobody twice.
  const publish: PublishSlaEvent =
    deps.publishSlaEvent ??
    (async (event) => {
      const kind = event.kind === 'breach' ? 'sla_breach' : 'sla_reminder';
      await notify({ kind, conversationId: event.conversationId, dueAt: event.dueAt.toISOString(), key: `${event.targetKey}:${event.kind}` }, { db, mailer, mailFrom: config.mailFrom, appUrl: config.appUrl });
      await mailTeam(event);
    });
  return {
    /** Null when another pass held the lock (a worker of an older release still on its timer). */
    async reconcileIntake(): Promise<number | null> {
      const delivered = await reconcileOnce({ db, client: deps.client, config: { TEMPORAL_TASK_QUEUE: config.taskQueue } });
      if (delivered) console.log(`Reconciler: delivered ${delivered} queued message(s) to Temporal`);
      return delivered;
    },
    async sweepSla(input: SlaSweepInput): Promise<SlaSweepResult> {
      const { reminders, breaches } = await sweepSla({ now: new Date(input.now), publish }, db);
      return { reminders, breaches };
    },
    async sendDailyDigest(input: DailyDigestInput): Promise<DailyDigestResult> {
      const times = await getScheduleTimes(db);
      return sendDailyDigest({ firedAt: new Date(input.firedAt), timeZone: times.digestTimeZone }, { mailer, mailFrom: config.mailFrom, appUrl: config.appUrl }, db);
    },
    /** Vectors for passages that have none from the current model; each batch is stored as it goes. */
    async embedKnowledge(): Promise<number> {
      const embedded = await embedMissingPassages(db, { onBatch: (done) => heartbeat(done) });
      if (embedded) console.log(`Knowledge: embedded ${embedded} passage(s)`);
      return embedded;
    },
  };
}

export type ScheduledActivities = ReturnType<typeof createScheduledActivities>;
