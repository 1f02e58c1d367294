import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASURE_WORKFLOW, type ErasureCounts } from '../../../lib/core/privacy/erasure-contract';
import type { createErasureActivities } from '../../../worker/activities/erasure-steps';
import { createTimeSkippingEnv, workflowBundle } from '../../support/temporal-test-env';

type Steps = ReturnType<typeof createErasureActivities>;

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(async () => {
  await env?.teardown();
});

/** Fake steps that fail `failures[step]` times first (LangFuse down, S3 down), recording the order they ran in. */
function flakySteps(failures: Partial<Record<keyof Steps, number>>) {
  const order: string[] = [];
  let finished: ErasureCounts | undefined;
  const step = <R>(name: keyof Steps, result: R) => async () => {
    order.push(name);
    const left = failures[name] ?? 0;
    if (left > 0) {
      failures[name] = left - 1;
      throw new Error(`${name}: the service is unavailable`);
    }
    return result;
  };
  const steps = {
    scopeErasure: step('scopeErasure', { conversations: 2, messages: 1 }),
    eraseWorkflowHistories: step('eraseWorkflowHistories', { workflowRuns: 3 }),
    eraseLangfuseRecords: step('eraseLangfuseRecords', { traces: 5, datasetItems: 1 }),
    eraseRows: step('eraseRows', { conversations: 2, messages: 5, attachments: 2, evalItems: 1 }),
    eraseOrphanBlobs: step('eraseOrphanBlobs', { blobs: 1 }),
    finishErasure: async (input: { counts: ErasureCounts }) => {
      order.push('finishErasure');
      finished = input.counts;
    },
    openRetentionBatch: () => Promise.reject(new Error('not used')),
  } as unknown as Steps;
  return { steps, order, finished: () => finished };
}

describe('erasureWorkflow', () => {
  it('retries each step until it is done, in order, and audits the counts once at the end', async () => {
    const fake = flakySteps({ eraseLangfuseRecords: 4, eraseOrphanBlobs: 2 });
    const taskQueue = `erasure-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: fake.steps });
    const counts = await worker.runUntil(
      env.client.workflow.execute(ERASURE_WORKFLOW, { taskQueue, workflowId: `erasure-${randomUUID()}`, args: [{ erasureId: 'req-1' }] }),
    );
    const expected: ErasureCounts = { conversations: 2, messages: 5, attachments: 2, blobs: 1, evalItems: 1, traces: 5, workflowRuns: 3 };
    expect(counts).toEqual(expected);
    expect(fake.finished()).toEqual(expected);
    expect(fake.order).toEqual([
      'scopeErasure',
      'eraseWorkflowHistories',
      ...Array<string>(5).fill('eraseLangfuseRecords'),
      'eraseRows',
      ...Array<string>(3).fill('eraseOrphanBlobs'),
      'finishErasure',
    ]);
  });
});
