import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseEnv, type Env } from '../lib/platform/config/env';
import { createDb, preparePragmas } from '../lib/platform/db/client';
import { ensureBootstrapAdmin } from '../lib/features/users/ensure-bootstrap-admin';
import type { Logger } from './log';
import type { Supervisor } from './processes';
import { PROJECT_ROOT } from './project-root';
import type { StackPlan } from './stack-plan';
import { devServerArgs, waitForTemporal, waitForWorker } from './temporal-dev-server';
import { waitForHttp, waitForPort } from './wait';
import { buildNeeded, recordBuild, sourceFingerprint } from './web-build';

export interface StackContext {
  plan: StackPlan;
  /** The environment every child gets (see childEnv). */
  env: NodeJS.ProcessEnv;
  supervisor: Supervisor;
  log: Logger;
  /** Resolved by ensureTemporalCli when the plan runs Temporal locally. */
  temporalCli?: string;
}

const WORKER_STOP_GRACE_MS = 40_000;

const bin = (name: string): string => path.join(PROJECT_ROOT, 'node_modules', '.bin', name);

export interface StartedStack {
  config: Env;
  /** Set when this start created the first admin (the users table was empty). */
  createdAdmin?: string;
}

/** Brings the stack up in dependency order, each piece healthy before the next starts. */
export async function startStack(ctx: StackContext): Promise<StartedStack> {
  // Re-validate what the children will see: it is the configuration that actually runs.
  const config = parseEnv(ctx.env);
  const { plan, supervisor, log } = ctx;
  const spec = (name: Parameters<Supervisor['start']>[0]['name'], command: string, args: string[]) => ({
    name,
    command,
    args,
    env: ctx.env,
    cwd: PROJECT_ROOT,
  });

  if (plan.localTemporal && ctx.temporalCli) {
    mkdirSync(path.join(plan.dataDir, 'temporal'), { recursive: true });
    const temporal = supervisor.start(spec('temporal', ctx.temporalCli, devServerArgs(config, plan.dataDir)));
    await waitForTemporal(config, { timeoutMs: 60_000, process: temporal });
    log.info(`Temporal dev server ready on 127.0.0.1:${config.TEMPORAL_DEV_PORT}`);
  } else {
    await waitForTemporal(config, { timeoutMs: 30_000 });
    log.info(`Temporal reachable at ${config.TEMPORAL_ADDRESS}`);
  }

  await supervisor.run(spec('migrate', bin('prisma'), ['migrate', 'deploy']));
  const db = createDb(config.DATABASE_URL);
  let createdAdmin: string | undefined;
  try {
    await preparePragmas(db);
    // Idempotent: only while nobody exists, so a changed password is never overwritten.
    const admin = await ensureBootstrapAdmin(config, db);
    if (admin.created) createdAdmin = admin.email;
  } finally {
    await db.$disconnect();
  }

  if (plan.simulator) {
    log.info('Claude: OFFLINE SIMULATOR (set ANTHROPIC_API_KEY to use the real API)');
    const sim = supervisor.start(spec('claude-sim', bin('tsx'), ['devstack/claude-simulator/main.ts']));
    await waitForHttp(`http://127.0.0.1:${config.CLAUDE_SIMULATOR_PORT}/health`, { timeoutMs: 30_000, process: sim });
  } else {
    log.info('Claude: Anthropic API');
  }

  if (plan.mailCatcher) {
    const mail = supervisor.start(spec('mail', bin('tsx'), ['devstack/mail-catcher/main.ts']));
    await waitForHttp(`http://127.0.0.1:${config.MAILCATCHER_HTTP_PORT}/health`, { timeoutMs: 30_000, process: mail });
  }

  if (!existsSync(path.join(PROJECT_ROOT, 'worker', 'main.ts'))) throw new Error('worker/main.ts is missing: nothing to run as the worker');
  const workerStarted = new Date(Date.now() - 1_000);
  const workerArgs = plan.dev ? ['watch', 'worker/main.ts'] : ['worker/main.ts'];
  // The worker lets in-flight activities finish on SIGTERM (its shutdownGraceTime); wait a bit longer.
  const worker = supervisor.start({ ...spec('worker', bin('tsx'), workerArgs), stopGraceMs: WORKER_STOP_GRACE_MS });
  await waitForWorker(config, workerStarted, { timeoutMs: 120_000, process: worker });
  log.info(`worker polling task queue "${config.TEMPORAL_TASK_QUEUE}"`);

  await startWeb(ctx, config, spec);
  return { config, createdAdmin };
}

async function startWeb(
  ctx: StackContext,
  config: Env,
  spec: (name: 'build' | 'web', command: string, args: string[]) => Parameters<Supervisor['start']>[0],
): Promise<void> {
  const port = String(config.PORT);
  if (!ctx.plan.dev) {
    const publicEnv = Object.fromEntries(
      Object.entries(ctx.env).filter((entry): entry is [string, string] => entry[0].startsWith('NEXT_PUBLIC_') && entry[1] !== undefined),
    );
    const fingerprint = sourceFingerprint(PROJECT_ROOT, publicEnv);
    const reason = buildNeeded(PROJECT_ROOT, fingerprint);
    if (reason) {
      ctx.log.info(`building the web app (${reason}); this takes a minute or two`);
      await ctx.supervisor.run(spec('build', bin('next'), ['build']));
      recordBuild(PROJECT_ROOT, fingerprint);
    }
  }
  const web = ctx.supervisor.start(spec('web', bin('next'), [ctx.plan.dev ? 'dev' : 'start', '-p', port]));
  await waitForPort(config.PORT, { what: `the web app on port ${port}`, timeoutMs: 120_000, process: web });
}
