import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickFreePort } from '../../../../devstack/ports';
import { composeReplyUpdate } from '../../../../lib/core/contract';
import { GET as webMetrics } from '../../../../app/api/metrics/route';
import { createLocalBlobStore } from '../../../../lib/platform/storage/local-blob-store';
import { deliverRaw } from '../privacy/privacy-fixture';
import { waitForStatus, waitUntilSettled } from '../../support/deliver-email';
import { sampleSum } from '../../support/prometheus-text';
import { startSystem, type System } from '../../support/system';
import type { WorkerProcess } from '../../support/worker-process';

/**
 * Both Prometheus endpoints after real mail: the worker process's (its own HTTP listener, port
 * chosen by the OS and read from its log, plus the Temporal SDK's on the address it was given)
 * and the web node's /api/metrics route (called in this process, which plays the web node:
 * intake runs here, as it does in the web app for the HTTP channels). Every counter is checked
 * against what the database says happened.
 */

const TOKEN = 'metrics-token-for-the-test-0001';
let system: System;
let worker: WorkerProcess;
let dir: string;
let sdkAddress: string;

async function startWorkerWithSdkMetrics(): Promise<WorkerProcess> {
  // The SDK's core binds the address itself and cannot report a port it chose: take a free one,
  // and start again on another if something took it in between.
  for (let attempt = 1; ; attempt += 1) {
    sdkAddress = `127.0.0.1:${await pickFreePort()}`;
    system.workerEnv.TEMPORAL_SDK_METRICS_ADDRESS = sdkAddress;
    try {
      return await system.startWorker();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

const scrape = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, init);
  expect(response.status, url).toBe(200);
  return response.text();
};
const workerMetricsUrl = () => /Worker metrics on (\S+)/.exec(worker.output())?.[1] ?? '';
const web = async () => {
  const response = await webMetrics(new Request('http://web.test/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }));
  expect(response.status).toBe(200);
  return response.text();
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-metrics-'));
  system = await startSystem({ holdSeconds: 1, autoSendCategories: ['account'] }, { DATA_DIR: dir, WORKER_METRICS_PORT: '0' });
  // The web route reads this process's environment: this process is the web node here.
  process.env.DATABASE_URL = system.store.url;
  process.env.METRICS_TOKEN = TOKEN;
  worker = await startWorkerWithSdkMetrics();
});

afterAll(async () => {
  await system?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Prometheus metrics', () => {
  it('count emails by channel, replies by route, Needs a person, and model latency and cost per model and stage', async () => {
    const { db } = system.store;
    const blobs = createLocalBlobStore(path.join(dir, 'attachments'));
    const [webBefore, workerBefore] = [await web(), await scrape(workerMetricsUrl())];
    const agent = await db.user.create({ data: { email: 'agent@countersign.test', name: 'Agent', role: 'agent' } });

    // One routine question (auto-sent), one that Claude refuses (Needs a person, then an agent's own reply).
    const routine = await deliverRaw(system, blobs, {
      name: 'Maria Lopez',
      address: 'maria.lopez@example.com',
      subject: 'Password reset link never arrives',
      text: 'Hi, I tried to reset my password three times but the reset email never shows up (I checked spam). Can you help me get back in? Thanks, Maria',
      attachments: [],
    });
    await waitUntilSettled(system, [routine.conversationId], 120_000);
    system.simulator.configure({ rules: [{ purpose: 'classify', fault: 'refusal', times: 1 }] });
    const refused = await deliverRaw(system, blobs, {
      name: 'Tom Becker',
      address: 'tom@beckerdesign.example',
      subject: 'Invoice download',
      text: 'Where can I download the invoice for March? Tom',
      attachments: [],
    });
    await waitForStatus(system, refused.conversationId, 'needs_person', 120_000);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: routine.conversationId } })).status).toBe('sent');

    const webMid = await web();
    expect(sampleSum(webMid, 'countersign_emails_received_total', { channel: 'api' }) - sampleSum(webBefore, 'countersign_emails_received_total', { channel: 'api' })).toBe(2);
    expect(sampleSum(webMid, 'countersign_conversations_needs_person')).toBe(1);

    await system.temporal.client.workflow
      .getHandle(refused.conversationId)
      .executeUpdate(composeReplyUpdate, { args: [{ actor: { id: agent.id, role: 'agent' }, body: 'The invoice is under Billing, then Invoices. Regards, Support' }] });
    await waitForStatus(system, refused.conversationId, 'sent', 60_000);

    const workerAfter = await scrape(workerMetricsUrl());
    const moved = (name: string, labels: Record<string, string> = {}) => sampleSum(workerAfter, name, labels) - sampleSum(workerBefore, name, labels);
    expect(moved('countersign_replies_sent_total', { route: 'auto' })).toBe(1);
    expect(moved('countersign_replies_sent_total', { route: 'reviewed' })).toBe(1);

    // Latency and cost per model and stage: exactly what the calls recorded in the database.
    const calls = await db.llmCall.groupBy({ by: ['model', 'purpose'], _count: { _all: true }, _sum: { costUsd: true } });
    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const call of calls) {
      const labels = { model: call.model, stage: call.purpose };
      expect(moved('countersign_model_call_duration_seconds_count', labels), JSON.stringify(labels)).toBe(call._count._all);
      expect(moved('countersign_model_cost_usd_total', labels)).toBeCloseTo(call._sum.costUsd ?? 0, 9);
    }
    expect(moved('countersign_model_call_duration_seconds_count')).toBe(await db.llmCall.count());

    const webAfter = await web();
    expect(sampleSum(webAfter, 'countersign_conversations_needs_person')).toBe(0);

    // The Temporal SDK's own metrics: its workers polled and completed the tasks above.
    const sdk = await scrape(`http://${sdkAddress}/metrics`);
    expect(sampleSum(sdk, 'temporal_workflow_completed') + sampleSum(sdk, 'temporal_workflow_task_execution_latency_count')).toBeGreaterThan(0);
    expect(sampleSum(sdk, 'temporal_activity_execution_latency_count')).toBeGreaterThan(0);
  });
});
