import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Mailer, OutgoingMail } from '../../../lib/platform/mail/mailer';
import { createScheduledActivities } from '../../../worker/activities/scheduled';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { createTimeSkippingEnv, workflowBundle } from '../../support/temporal-test-env';

export interface ScheduledRun {
  env: TestWorkflowEnvironment;
  temp: TempDb;
  mails: OutgoingMail[];
  /** Makes the next `count` SMTP sends fail (a relay hiccup): the activity retries. */
  failNextSends(count: number): void;
  /**
   * Runs a scheduled workflow the way its Schedule does (a fresh workflow id per action) and
   * returns its result. The time-skipping server has no Schedules: the test plays the schedule.
   */
  fire<T>(workflowType: string): Promise<T>;
  /** Moves the skipped clock. */
  sleep(ms: number): Promise<void>;
  now(): Promise<Date>;
}

export const TEAM = 'team@example.test';

/** The scheduled workflows with their real activities over PostgreSQL, under time skipping. */
export async function withScheduledWork(body: (run: ScheduledRun) => Promise<void>): Promise<void> {
  const env = await createTimeSkippingEnv();
  const temp = await createTempDb();
  const mails: OutgoingMail[] = [];
  let failures = 0;
  const mailer: Mailer = {
    async send(mail) {
      if (failures > 0) {
        failures -= 1;
        throw Object.assign(new Error('421 try again later'), { responseCode: 421 });
      }
      mails.push(mail);
      return { accepted: [mail.to.address], rejected: [], response: '250 ok' };
    },
    close() {},
  };
  const taskQueue = `scheduled-${randomUUID()}`;
  // The environment's own client skips time while it waits for a result, to the next pending
  // timeout (a run's ten-year default); a plain client waits in real time and leaves the clock
  // to the test's sleeps, as a schedule's firings would.
  const plain = new Client({ connection: env.connection, namespace: env.namespace });
  try {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createScheduledActivities({ db: temp.db, client: env.client, mailer, config: { taskQueue, mailFrom: 'Support <support@example.test>', escalationEmail: TEAM } }),
    });
    await worker.runUntil(
      body({
        env,
        temp,
        mails,
        failNextSends: (count) => {
          failures = count;
        },
        fire: (workflowType) => plain.workflow.execute(workflowType, { taskQueue, workflowId: `${workflowType}-${randomUUID()}`, args: [] }),
        sleep: (ms) => env.sleep(ms),
        now: async () => new Date(await env.currentTimeMs()),
      }),
    );
  } finally {
    await temp.close();
    await env.teardown();
  }
}
