import { Runtime } from '@temporalio/worker';
import type { Env } from '../lib/platform/config/env';
import { startMetricsServer, type MetricsServer } from '../lib/platform/metrics/metrics-server';

/**
 * Prometheus for the worker: the Temporal SDK's own metrics (its core serves them at
 * TEMPORAL_SDK_METRICS_ADDRESS/metrics; the runtime is installed once, before any connection)
 * and ours (prom-client, WORKER_METRICS_PORT). Both are off unless configured.
 */
export async function startWorkerTelemetry(config: Env): Promise<MetricsServer | undefined> {
  if (config.TEMPORAL_SDK_METRICS_ADDRESS) {
    Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: config.TEMPORAL_SDK_METRICS_ADDRESS } } } });
    console.log(`Temporal SDK metrics on http://${config.TEMPORAL_SDK_METRICS_ADDRESS}/metrics`);
  }
  if (config.WORKER_METRICS_PORT === undefined) return undefined;
  const server = await startMetricsServer({ host: config.WORKER_METRICS_HOST, port: config.WORKER_METRICS_PORT });
  console.log(`Worker metrics on ${server.url}`);
  return server;
}
