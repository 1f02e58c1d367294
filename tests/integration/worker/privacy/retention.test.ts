import { mkdtempSync, rmSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_WORKFLOW } from '../../../../lib/core/contract';
import { RETENTION_WORKFLOW, type RetentionWorkflowInput, type RetentionWorkflowResult } from '../../../../lib/core/privacy/erasure-contract';
import { DEFAULT_SCHEDULE_TIMES, SCHEDULE_NAMES, scheduleId } from '../../../../lib/core/schedules';
import { ensureSchedules } from '../../../../lib/features/schedules/ensure-schedules';
import { SCHEDULED_JOBS } from '../../../../lib/features/schedules/schedule-registry';
import { updateRetention } from '../../../../lib/features/retention/retention-setting';
import { createLocalBlobStore } from '../../../../lib/platform/storage/local-blob-store';
import type { ActivityDeps } from '../../../../worker/activities';
import { createErasureActivities } from '../../../../worker/activities/erasure-steps';
import { createLocalEnv, workflowBundle } from '../../../support/temporal-test-env';
import { createTempDb, type TempDb } from '../../../support/temp-db';

/**
 * Retention on a real Temporal dev server and PostgreSQL, with the clock injected: the
 * conversations' ages are set in the database, and a run may be given the time it measures
 * from. The schedule is created idempotently and a manual trigger runs it as the daily fire would.
 */

const DAY = 24 * 60 * 60 * 1000;
const manager = { id: 'manager-1', role: 'manager' as const };
let env: TestWorkflowEnvironment;
let store: TempDb;
let worker: Worker;
let running: Promise<void>;
let dir: string;
const taskQueue = `retention-${randomUUID()}`;
const blobs = () => createLocalBlobStore(path.join(dir, 'attachments'));

async function conversationAged(days: number, label: string): Promise<string> {
  const id = `conv-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const at = new Date(Date.now() - days * DAY);
  const bytes = Buffer.from(`attachment of ${label}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await blobs().put(sha256, bytes);
  await store.db.conversation.create({
    data: {
      id,
      rootMessageId: `<${id}@customer.test>`,
      subject: label,
      customerEmail: `${label}@example.com`,
      customerAddress: `${label}@example.com`,
      status: 'sent',
      lastMessageAt: at,
      lastMessagePreview: label,
      messages: { create: { direction: 'inbound', messageIdHeader: `<${id}@customer.test>`, dedupeKey: `in:${id}`, fromAddress: `${label}@example.com`, subject: label, textBody: label, sentAt: at } },
      attachments: { create: { sha256, filename: 'a.txt', contentType: 'text/plain', sizeBytes: bytes.length } },
    },
  });
  // @updatedAt is set by Prisma on every write: age it afterwards, as time would.
  await store.db.$executeRawUnsafe(`UPDATE "Conversation" SET "updatedAt" = $1::timestamp WHERE id = $2`, at.toISOString(), id);
  return id;
}

const exists = async (id: string) => (await store.db.conversation.count({ where: { id } })) === 1;
const runRetention = (input: RetentionWorkflowInput) =>
  env.client.workflow.execute(RETENTION_WORKFLOW, { taskQueue, workflowId: `retention-test-${randomUUID()}`, args: [input] }) as Promise<RetentionWorkflowResult>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-retention-'));
  [env, store] = await Promise.all([createLocalEnv(), createTempDb()]);
  const deps = { db: store.db, blobs: blobs(), temporal: { client: env.client, namespace: 'default' } } as unknown as ActivityDeps;
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: createErasureActivities(deps) });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await Promise.allSettled([env?.teardown(), store?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('retention', () => {
  it('deletes nothing while it is off', async () => {
    const old = await conversationAged(400, 'ancient');
    expect(await runRetention({})).toEqual({ batches: 0, conversations: 0 });
    expect(await exists(old)).toBe(true);
    await store.db.conversation.delete({ where: { id: old } });
  });

  it('runs from its schedule and deletes conversations past the age, with their workflows and attachment files', async () => {
    await updateRetention(manager, { days: 30 }, store.db);
    const expired = await conversationAged(40, 'expired');
    const recent = await conversationAged(10, 'recent');
    // The expired conversation's workflow is still running (stuck on an activity this worker lacks).
    await env.client.workflow.start(CONVERSATION_WORKFLOW, { taskQueue, workflowId: expired, args: [{ conversationId: expired }] });
    const expiredBlob = (await store.db.attachment.findFirstOrThrow({ where: { conversationId: expired } })).sha256;

    const jobs = SCHEDULED_JOBS.filter((job) => job.name === SCHEDULE_NAMES.retention);
    const ensure = (retentionAt: string) => ensureSchedules({ client: env.client, taskQueue, times: { ...DEFAULT_SCHEDULE_TIMES, retentionAt }, jobs });
    expect(Object.values(await ensure('03:30'))).toEqual(['created']);
    expect(Object.values(await ensure('04:15'))).toEqual(['updated']); // again: updated, not duplicated
    const schedule = env.client.schedule.getHandle(scheduleId(taskQueue, SCHEDULE_NAMES.retention));
    const described = await schedule.describe();
    expect(described.spec.calendars?.[0]?.hour).toEqual([{ start: 4, end: 4, step: 1 }]);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: RETENTION_WORKFLOW, taskQueue });

    await schedule.trigger();
    const started = await waitFor(async () => (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId);
    expect(await env.client.workflow.getHandle(started).result()).toEqual({ batches: 1, conversations: 1 });

    expect(await exists(expired)).toBe(false);
    expect(await exists(recent)).toBe(true);
    expect(await blobs().get(expiredBlob)).toBeUndefined();
    await expect(env.client.workflow.getHandle(expired).describe()).rejects.toThrow(/not found/i);
    const audit = await store.db.auditLog.findFirstOrThrow({ where: { action: 'retention.erasure.done' } });
    expect(audit.after).toMatchObject({ subjectHash: null, counts: { conversations: 1, messages: 1, attachments: 1, blobs: 1 } });

    // The clock moved on 25 days: now the recent one is past the age too.
    expect(await runRetention({ asOf: new Date(Date.now() + 25 * DAY).toISOString() })).toEqual({ batches: 1, conversations: 1 });
    expect(await exists(recent)).toBe(false);
  });
});

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
