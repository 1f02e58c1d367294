import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEntries } from '@/devstack/compile-entries';
import { ENTRIES } from '@/devstack/compiled-entries';
import { PROJECT_ROOT } from '@/devstack/project-root';
import { waitForTemporal, waitForWorker } from '@/devstack/temporal-dev-server';
import { createLocalEnv, workflowBundle } from '../../support/temporal-test-env';

// npm start's readiness checks run in a child of their own (devstack/temporal-ready/main.ts),
// so the supervisor never loads the Temporal client. Compiled here, as npm start runs it, into
// a folder of this test's own: the stack's .build/ may be in use by another test's npm start.
const scratch = mkdtempSync(path.join(PROJECT_ROOT, '.build-test-'));
const entry = path.join(scratch, 'temporal-ready.mjs');
let temporal: TestWorkflowEnvironment;
/** Accepts TCP connections and closes them at once: a port that is open but is not Temporal. */
let notTemporal: net.Server;
let notTemporalAddress: string;

beforeAll(async () => {
  await compileEntries({ entries: { 'temporal-ready': ENTRIES['temporal-ready'] }, outdir: scratch });
  temporal = await createLocalEnv();
  notTemporal = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => notTemporal.listen(0, '127.0.0.1', resolve));
  notTemporalAddress = `127.0.0.1:${(notTemporal.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  await temporal?.teardown();
  notTemporal?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const envFor = (address: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', PATH: process.env.PATH, TEMPORAL_ADDRESS: address, ...extra });

describe('the readiness checks, in a child of their own', () => {
  it('resolves once Temporal answers in the namespace', async () => {
    await expect(waitForTemporal(envFor(temporal.address), { timeoutMs: 30_000, entry })).resolves.toBeUndefined();
  });

  it('names the address and namespace when nothing that answers is there', async () => {
    await expect(waitForTemporal(envFor(notTemporalAddress), { timeoutMs: 1_000, entry })).rejects.toThrow(
      `Temporal at ${notTemporalAddress} (namespace default) was not ready after 1s`,
    );
  });

  it('gives up at once, and stops its child, when the process it waits for exits', async () => {
    let exit: (info: { code: number; signal: null }) => void = () => undefined;
    const exited = new Promise<{ code: number; signal: null }>((resolve) => (exit = resolve));
    const waiting = waitForTemporal(envFor(notTemporalAddress), { timeoutMs: 120_000, entry, process: { name: 'temporal', pid: -1, exited } });
    exit({ code: 1, signal: null });
    await expect(waiting).rejects.toThrow('temporal exited before Temporal was ready');
  });

  it('resolves once a worker that started after the given instant polls the task queue', async () => {
    const taskQueue = `ready-${Date.now()}`;
    const since = new Date(Date.now() - 1_000);
    const worker = await Worker.create({
      connection: await NativeConnection.connect({ address: temporal.address }),
      namespace: temporal.namespace ?? 'default',
      taskQueue,
      // Readiness means a poller of workflow tasks: a worker with workflows.
      workflowBundle: await workflowBundle(),
    });
    const running = worker.run();
    try {
      await expect(waitForWorker(envFor(temporal.address, { TEMPORAL_TASK_QUEUE: taskQueue }), since, { timeoutMs: 60_000, entry })).resolves.toBeUndefined();
    } finally {
      worker.shutdown();
      await running;
    }
  });

  it('exits when its stdin closes: a supervisor that died leaves no checker polling', async () => {
    const child = spawn(process.execPath, [entry, 'temporal', '600000'], { env: envFor(notTemporalAddress), stdio: ['pipe', 'ignore', 'ignore'] });
    const closed = once(child, 'exit');
    child.stdin.end();
    const [code] = (await closed) as [number | null];
    expect(code).toBe(1);
  });
});
