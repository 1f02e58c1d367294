import { Connection } from '@temporalio/client';
import { z } from 'zod';
import { parseEnv, type Env } from '../../lib/platform/config/env';
import { recentWorkflowPollers } from '../../lib/platform/health/worker-pollers';
import { temporalConnectionOptions } from '../../lib/platform/temporal/connection-options';
import { waitUntil } from '../wait';

/**
 * `npm start`'s readiness checks against Temporal, run as a short-lived child of the supervisor
 * (../temporal-dev-server.ts starts it): @temporalio/client and its gRPC stack take about
 * 30 MB that a long-lived supervisor would hold for nothing once the stack is up.
 *
 *   node .build/temporal-ready.mjs temporal <timeoutMs>
 *   node .build/temporal-ready.mjs worker <timeoutMs> <sinceEpochMs>
 *
 * Exits 0 once ready; otherwise prints why on stderr and exits 1. Exits as well when its stdin
 * closes: a supervisor that died must not leave it polling.
 */
const Args = z.union([
  z.tuple([z.literal('temporal'), z.coerce.number().int().positive()]),
  z.tuple([z.literal('worker'), z.coerce.number().int().positive(), z.coerce.number().int().nonnegative()]),
]);

/** Until Temporal answers a cheap RPC in our namespace. */
async function temporalAnswers(config: Env, timeoutMs: number): Promise<void> {
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
    { timeoutMs, what: `Temporal at ${connectionOptions.address} (namespace ${config.TEMPORAL_NAMESPACE})`, intervalMs: 500 },
  );
}

/** Until a worker that started after `since` polls the task queue. */
async function workerPolls(config: Env, timeoutMs: number, since: Date): Promise<void> {
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
      { timeoutMs, what: `a worker polling task queue "${config.TEMPORAL_TASK_QUEUE}"`, intervalMs: 500 },
    );
  } finally {
    await connection.close();
  }
}

async function main(): Promise<void> {
  process.stdin.on('close', () => process.exit(1)).resume();
  const config = parseEnv(process.env);
  const args = Args.parse(process.argv.slice(2));
  if (args[0] === 'temporal') await temporalAnswers(config, args[1]);
  else await workerPolls(config, args[1], new Date(args[2]));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
