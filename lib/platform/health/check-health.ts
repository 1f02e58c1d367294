import { recentWorkflowPollers, type WorkflowService } from './worker-pollers';
import { withTimeout } from './with-timeout';

export interface HealthReport {
  /**
   * ok: everything answers. degraded: this node can serve but no worker is polling (mail
   * waits in Temporal until one is back). down: the database or Temporal is unreachable from
   * this node. What fails the check (HTTP 503) is `down`, and `degraded` only when asked.
   */
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; latencyMs: number; error?: string };
  temporal: { ok: boolean; address: string; namespace: string; error?: string };
  worker: { ok: boolean; pollers: number; lastSeenAt?: string };
  /** Mailboxes whose reader reports a failure (wrong password, unreachable server), with why. */
  mailboxes: { ok: boolean; failing: { address: string; error: string; since?: string }[] };
  /** True when Claude is the offline simulator, so a "healthy" system is not mistaken for a live one. */
  simulator: boolean;
}

export interface HealthDeps {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  simulator: boolean;
  /** Runs `SELECT 1` against the application database. */
  pingDatabase: () => Promise<void>;
  workflowService: () => Promise<WorkflowService>;
  /** Enabled mailboxes whose reader is in error; default none. */
  failingMailboxes?: () => Promise<{ address: string; error: string; since?: string }[]>;
  now?: () => Date;
  timeoutMs?: number;
}

/** A worker that has not polled for this long is considered gone. */
export const WORKER_STALE_MS = 60_000;

/** Checks the database, Temporal and that a worker is polling; never throws. */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const timeoutMs = deps.timeoutMs ?? 4_000;
  const [database, temporalAndWorker, failing] = await Promise.all([
    checkDatabase(deps, timeoutMs),
    checkTemporalAndWorker(deps, timeoutMs),
    withTimeout(deps.failingMailboxes?.() ?? Promise.resolve([]), timeoutMs, 'The mailbox list').catch(() => []),
  ]);
  const reachable = database.ok && temporalAndWorker.temporal.ok;
  const status = !reachable ? 'down' : temporalAndWorker.worker.ok ? 'ok' : 'degraded';
  return { status, database, ...temporalAndWorker, mailboxes: { ok: failing.length === 0, failing }, simulator: deps.simulator };
}

/**
 * Whether a report should fail a health check. A load balancer asks about this web node:
 * a missing worker is not its fault, and taking every web node out of rotation for it would
 * turn "replies are late" into "nobody can work". Whole-system monitors (and `npm start`)
 * ask with requireWorker. A failing mailbox (refused password, unreachable server) is reported and
 * fails the check only for monitors that ask with requireMailboxes: the web node is fine.
 */
export function isHealthy(report: HealthReport, options: { requireWorker: boolean; requireMailboxes?: boolean }): boolean {
  if (options.requireMailboxes && !report.mailboxes.ok) return false;
  return report.status === 'ok' || (report.status === 'degraded' && !options.requireWorker);
}

async function checkDatabase(deps: HealthDeps, timeoutMs: number): Promise<HealthReport['database']> {
  const started = performance.now();
  try {
    await withTimeout(deps.pingDatabase(), timeoutMs, 'The database');
    return { ok: true, latencyMs: elapsed(started) };
  } catch (error) {
    return { ok: false, latencyMs: elapsed(started), error: messageOf(error) };
  }
}

async function checkTemporalAndWorker(
  deps: HealthDeps,
  timeoutMs: number,
): Promise<Pick<HealthReport, 'temporal' | 'worker'>> {
  const temporal = { address: deps.temporalAddress, namespace: deps.namespace };
  let service: WorkflowService;
  try {
    service = await withTimeout(deps.workflowService(), timeoutMs, 'Temporal');
    await withTimeout(service.getSystemInfo({}), timeoutMs, 'Temporal');
  } catch (error) {
    return { temporal: { ok: false, ...temporal, error: messageOf(error) }, worker: { ok: false, pollers: 0 } };
  }
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - WORKER_STALE_MS);
  try {
    const pollers = await withTimeout(
      recentWorkflowPollers(service, { namespace: deps.namespace, taskQueue: deps.taskQueue, since }),
      timeoutMs,
      'Temporal task queue',
    );
    const last = Math.max(...pollers.map((poller) => poller.lastAccessTime.getTime()));
    return {
      temporal: { ok: true, ...temporal },
      worker: {
        ok: pollers.length > 0,
        pollers: pollers.length,
        lastSeenAt: pollers.length > 0 ? new Date(last).toISOString() : undefined,
      },
    };
  } catch (error) {
    return { temporal: { ok: false, ...temporal, error: messageOf(error) }, worker: { ok: false, pollers: 0 } };
  }
}

const elapsed = (started: number): number => Math.round(performance.now() - started);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
