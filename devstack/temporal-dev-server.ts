import path from 'node:path';
import { Connection } from '@temporalio/client';
import { cliTypeOf, SEARCH_ATTRIBUTE_KEYS } from '../lib/core/conversation/search-attributes';
import type { Env } from '../lib/platform/config/env';
import { recentWorkflowPollers } from '../lib/platform/health/worker-pollers';
import { temporalConnectionOptions } from '../lib/platform/temporal/connection-options';
import type { Supervised } from './processes';
import { waitUntil } from './wait';

/**
 * `temporal server start-dev` with its state in a file under DATA_DIR, so workflows that
 * were waiting for approval when the stack stopped are still waiting after a restart.
 */
export function devServerArgs(config: Env, dataDir: string): string[] {
  return [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(config.TEMPORAL_DEV_PORT),
    '--ui-port',
    String(config.TEMPORAL_DEV_UI_PORT),
    '--db-filename',
    path.join(dataDir, 'temporal', 'temporal.db'),
    '--namespace',
    config.TEMPORAL_NAMESPACE,
    '--log-level',
    'warn',
    // One writer, a write-ahead log, and no fsync per commit: a crash of any process loses
    // nothing; only an OS crash or power cut may lose the last moments of workflow progress.
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=normal',
    // The conversation workflow's search attributes (registering an existing one is a no-op here).
    ...SEARCH_ATTRIBUTE_KEYS.flatMap(({ name, type }) => ['--search-attribute', `${name}=${cliTypeOf(type)}`]),
  ];
}

/** Waits until Temporal answers a cheap RPC in our namespace; throws naming the address otherwise. */
export async function waitForTemporal(config: Env, options: { timeoutMs: number; process?: Supervised }): Promise<void> {
  const connectionOptions = temporalConnectionOptions(config);
  await waitUntil(
    async () => {
      const connection = await Connection.connect({ ...connectionOptions, connectTimeout: '2s' });
      try {
        await connection.workflowService.getSystemInfo({});
        await connection.workflowService.describeNamespace({ namespace: config.TEMPORAL_NAMESPACE });
        return true;
      } finally {
        await connection.close();
      }
    },
    { ...options, what: `Temporal at ${connectionOptions.address} (namespace ${config.TEMPORAL_NAMESPACE})`, intervalMs: 500 },
  );
}

/** Waits until a worker that started after `since` polls the task queue. */
export async function waitForWorker(
  config: Env,
  since: Date,
  options: { timeoutMs: number; process?: Supervised },
): Promise<void> {
  const connection = await Connection.connect({ ...temporalConnectionOptions(config), connectTimeout: '5s' });
  try {
    await waitUntil(
      async () => {
        const pollers = await recentWorkflowPollers(connection.workflowService, {
          namespace: config.TEMPORAL_NAMESPACE,
          taskQueue: config.TEMPORAL_TASK_QUEUE,
          since,
        });
        return pollers.length > 0;
      },
      { ...options, what: `a worker polling task queue "${config.TEMPORAL_TASK_QUEUE}"`, intervalMs: 500 },
    );
  } finally {
    await connection.close();
  }
}
