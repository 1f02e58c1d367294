import 'server-only';
import { env } from '../config/env';
import { getDb } from '../db';
import { getTemporalClient } from '../temporal/client';
import { temporalAddress } from '../temporal/connection-options';
import { checkHealth, type HealthReport } from './check-health';

/** The health of this process's real dependencies, for GET /api/health. */
export async function checkSystemHealth(): Promise<HealthReport> {
  const config = env();
  return checkHealth({
    temporalAddress: temporalAddress(config),
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    simulator: config.CLAUDE_SIMULATOR,
    pingDatabase: async () => {
      await getDb().$queryRaw`SELECT 1`;
    },
    workflowService: async () => (await getTemporalClient()).workflowService,
    failingMailboxes: async () => {
      const rows = await getDb().mailbox.findMany({
        where: { enabled: true, readerStatus: 'error' },
        select: { address: true, lastError: true, lastErrorAt: true },
        orderBy: { address: 'asc' },
      });
      return rows.map((row) => ({ address: row.address, error: row.lastError ?? 'unknown error', since: row.lastErrorAt?.toISOString() }));
    },
  });
}
