import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_TIMES, SCHEDULE_NAMES, scheduleId, type ScheduleTimes } from '../../../lib/core/schedules';
import { ensureSchedules } from '../../../lib/features/schedules/ensure-schedules';
import { SCHEDULED_JOBS } from '../../../lib/features/schedules/schedule-registry';
import type { Mailer } from '../../../lib/platform/mail/mailer';
import { createScheduledActivities } from '../../../worker/activities/scheduled';
import { seedKnowledge } from '../../../lib/features/knowledge/seed-knowledge';
import { PROJECT_ROOT } from '../../../devstack/project-root';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { createLocalEnv, workflowBundle } from '../../support/temporal-test-env';

// The real dev server (the time-skipping one has no Schedules): two workers start at once,
// each creating the schedules; one schedule each, and one scheduled action runs once.
let env: TestWorkflowEnvironment;
let temp: TempDb;
let clients: Client[];
const taskQueue = `schedules-${randomUUID()}`;
const mailer: Mailer = { send: async () => ({ accepted: [], rejected: [], response: '250' }), close() {} };

beforeAll(async () => {
  env = await createLocalEnv();
  temp = await createTempDb();
  // Two processes' worth of clients: each worker connects on its own.
  clients = await Promise.all(
    [0, 1].map(async () => new Client({ connection: await Connection.connect({ address: env.address }), namespace: env.namespace })),
  );
});

afterAll(async () => {
  for (const client of clients ?? []) await client.connection.close();
  await temp?.close();
  await env?.teardown();
});

const SCHEDULE_IDS = {
  reconcileIntake: scheduleId(taskQueue, SCHEDULE_NAMES.reconcileIntake),
  slaSweep: scheduleId(taskQueue, SCHEDULE_NAMES.slaSweep),
  dailyDigest: scheduleId(taskQueue, SCHEDULE_NAMES.dailyDigest),
  retention: scheduleId(taskQueue, SCHEDULE_NAMES.retention),
  embedKnowledge: scheduleId(taskQueue, SCHEDULE_NAMES.embedKnowledge),
};
const times: ScheduleTimes = { ...DEFAULT_SCHEDULE_TIMES, reconcileEverySeconds: 3600, slaSweepEveryMinutes: 60, digestAt: '06:30', digestTimeZone: 'Europe/Berlin' };

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('schedules on a real Temporal server', () => {
  it('two workers starting at once make one schedule each, and one scheduled reconciler action runs once', async () => {
    const outcomes = await Promise.all(clients.map((client) => ensureSchedules({ client, taskQueue, times, jobs: SCHEDULED_JOBS })));
    for (const id of Object.values(SCHEDULE_IDS)) expect(outcomes.map((outcome) => outcome[id]).sort()).toEqual(['created', 'unchanged']);
    const listed: string[] = [];
    for await (const schedule of clients[0]!.schedule.list()) listed.push(schedule.scheduleId);
    expect(listed.sort()).toEqual(Object.values(SCHEDULE_IDS).sort());

    const runs: string[] = [];
    // Two workers as two processes would run them: each on its own connection.
    const connections = await Promise.all([0, 1].map(() => NativeConnection.connect({ address: env.address })));
    const workers = await Promise.all(
      ['worker-a', 'worker-b'].map(async (name, index) => {
        const activities = createScheduledActivities({ db: temp.db, client: clients[index]!, mailer, config: { taskQueue, mailFrom: 'Support <support@example.test>' } });
        return Worker.create({
          connection: connections[index]!,
          taskQueue,
          workflowBundle: await workflowBundle(),
          activities: {
            ...activities,
            reconcileIntake: async () => {
              runs.push(name);
              return activities.reconcileIntake();
            },
          },
        });
      }),
    );
    const handle = clients[0]!.schedule.getHandle(SCHEDULE_IDS.reconcileIntake);
    await handle.pause('test: only the triggered action');
    await Promise.all(
      workers.map((worker) =>
        worker.runUntil(async () => {
          if (worker !== workers[0]) return waitFor(async () => runs.length, (count) => count > 0, 'the action');
          await handle.trigger();
          const described = await waitFor(() => handle.describe(), (info) => info.info.recentActions.length === 1, 'the triggered action');
          const workflowId = described.info.recentActions[0]!.action.workflow.workflowId;
          expect(workflowId.startsWith(SCHEDULE_IDS.reconcileIntake)).toBe(true);
          expect(await clients[0]!.workflow.getHandle(workflowId).result()).toBe(0);
        }),
      ),
    );
    for (const connection of connections) await connection.close();
    expect(runs).toHaveLength(1);
    expect((await handle.describe()).info.numActionsTaken).toBe(1);
  });

  it('updates a schedule when its settings change, and only then', async () => {
    const digest = clients[1]!.schedule.getHandle(SCHEDULE_IDS.dailyDigest);
    const next = (await digest.describe()).info.nextActionTimes;
    // 06:30 in Berlin, a day apart.
    expect(next.length).toBeGreaterThanOrEqual(2);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(next[0])).toBe('06:30');
    expect(next[1]!.getTime() - next[0]!.getTime()).toBeGreaterThanOrEqual(23 * 3_600_000);

    const changed = await ensureSchedules({ client: clients[1]!, taskQueue, times: { ...times, digestAt: '08:15', digestTimeZone: 'America/New_York' }, jobs: SCHEDULED_JOBS });
    expect(changed).toEqual({ [SCHEDULE_IDS.reconcileIntake]: 'unchanged', [SCHEDULE_IDS.slaSweep]: 'unchanged', [SCHEDULE_IDS.dailyDigest]: 'updated', [SCHEDULE_IDS.retention]: 'unchanged', [SCHEDULE_IDS.embedKnowledge]: 'unchanged' });
    const moved = (await digest.describe()).info.nextActionTimes[0]!;
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' }).format(moved)).toBe('08:15');
    // The reconciler stayed paused: an update keeps the schedule's state.
    expect((await clients[0]!.schedule.getHandle(SCHEDULE_IDS.reconcileIntake).describe()).state.paused).toBe(true);
  });

  it('embeds, through the scheduled workflow, every passage an import left without a vector', async () => {
    await seedKnowledge(path.join(PROJECT_ROOT, 'docs/knowledge'), temp.db);
    const passages = await temp.db.passage.count();
    expect(await temp.db.passage.count({ where: { embeddingModel: null } })).toBe(passages);
    const connection = await NativeConnection.connect({ address: env.address });
    try {
      const worker = await Worker.create({
        connection,
        taskQueue,
        workflowBundle: await workflowBundle(),
        activities: createScheduledActivities({ db: temp.db, client: clients[0]!, mailer, config: { taskQueue, mailFrom: 'Support <support@example.test>' } }),
      });
      const embedded = await worker.runUntil(clients[0]!.workflow.execute('embedKnowledgeWorkflow', { taskQueue, workflowId: `embed-${randomUUID()}` }));
      expect(embedded).toBe(passages);
    } finally {
      await connection.close();
    }
    expect(await temp.db.passage.count({ where: { embeddingModel: null } })).toBe(0);
  });
});
