import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOnPorts } from '../../../devstack/listen';
import { createLogger } from '../../../devstack/log';
import { Supervisor } from '../../../devstack/processes';
import { findTemporalCli } from '../../../devstack/temporal-cli';
import { devServerArgs, waitForTemporal } from '../../../devstack/temporal-dev-server';
import { parseEnv, type Env } from '../../../lib/platform/config/env';
import { temporalConnectionOptions } from '../../../lib/platform/temporal/connection-options';

/**
 * The dev server exactly as `npm start` runs it (devServerArgs), started for real: on one
 * machine a task queue has one partition, not the server's default four, so polls and tasks
 * are not forwarded between partitions of the same queue.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'countersign-temporal-dev-'));
const supervisor = new Supervisor(createLogger({ color: false }), () => undefined);
let config: Env;

beforeAll(async () => {
  const cli = findTemporalCli(parseEnv({}));
  if (!cli) throw new Error('temporal CLI not found: run `bash .ci/run` or `npm start` once to install it into .tools/');
  mkdirSync(path.join(dataDir, 'temporal'));
  const base = parseEnv({});
  const withPorts = ([port = 0, uiPort = 0]: number[]): Env => ({ ...base, TEMPORAL_DEV_PORT: port, TEMPORAL_DEV_UI_PORT: uiPort });
  const { ports } = await startOnPorts(
    supervisor,
    [0, 0],
    (chosen) => ({ name: 'temporal', command: cli, args: devServerArgs(withPorts(chosen), dataDir), env: process.env, cwd: dataDir }),
    (child, chosen) => waitForTemporal(withPorts(chosen), { timeoutMs: 60_000, process: child }),
  );
  config = withPorts(ports);
}, 120_000);

afterAll(async () => {
  await supervisor.stopAll(10_000);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start's Temporal dev server", () => {
  it('gives the task queue one partition for workflow tasks and one for activities', async () => {
    const connection = await Connection.connect(temporalConnectionOptions(config));
    try {
      const partitions = await connection.workflowService.listTaskQueuePartitions({
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: { name: config.TEMPORAL_TASK_QUEUE },
      });
      expect(partitions.workflowTaskQueuePartitions).toHaveLength(1);
      expect(partitions.activityTaskQueuePartitions).toHaveLength(1);
    } finally {
      await connection.close();
    }
  });
});
