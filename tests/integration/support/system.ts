import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startClaudeSimulator } from '../../../devstack/claude-simulator';
import { startMailCatcher, type MailCatcher } from '../../../devstack/mail-catcher/server';
import type { AutomationPolicy } from '../../../lib/core/contract';
import { createLocalEnv } from '../../support/temporal-test-env';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

export interface System {
  temporal: TestWorkflowEnvironment;
  simulator: Awaited<ReturnType<typeof startClaudeSimulator>>;
  mail: MailCatcher;
  store: TempDb;
  taskQueue: string;
  workerEnv: Record<string, string>;
  startWorker(): Promise<WorkerProcess>;
  stop(): Promise<void>;
}

/**
 * The real pieces, on this machine: a Temporal dev server (the CLI `npm start` runs), a
 * migrated PostgreSQL database of its own, the Claude simulator, the SMTP mail catcher, and the worker
 * process itself. Only the simulator stands in for an outside service.
 */
export async function startSystem(policy: Partial<AutomationPolicy>, extraWorkerEnv: Record<string, string> = {}): Promise<System> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-system-'));
  const [temporal, simulator, mail, store] = await Promise.all([
    createLocalEnv(),
    startClaudeSimulator({ port: 0 }),
    startMailCatcher({ smtpPort: 0, httpPort: 0, storageDir: path.join(dir, 'mail') }),
    createTempDb(),
  ]);
  await store.db.setting.create({ data: { key: 'automation_policy', value: { ...policy } } });
  const taskQueue = `integration-${path.basename(dir)}`;
  const workerEnv = {
    DATABASE_URL: store.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    ANTHROPIC_API_KEY: 'offline-simulator',
    ANTHROPIC_BASE_URL: simulator.url,
    CLAUDE_TIMEOUT_MS: '5000',
    SMTP_URL: mail.smtpUrl,
    KNOWLEDGE_DIR: 'docs/knowledge',
    AUTO_SEND_HOURLY_CAP_PER_SENDER: '100',
    ...extraWorkerEnv,
  };
  const workers: WorkerProcess[] = [];
  return {
    temporal,
    simulator,
    mail,
    store,
    taskQueue,
    workerEnv,
    async startWorker() {
      const worker = startWorkerProcess(workerEnv);
      workers.push(worker);
      await worker.ready;
      return worker;
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
      await Promise.allSettled([temporal.teardown(), simulator.close(), mail.close(), store.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
