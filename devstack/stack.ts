import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv, type Env } from '../lib/platform/config/env';
import { redactDatabaseUrl, requireDatabaseUrl } from '../lib/platform/db/database-url';
import { CREATED_ADMIN_LINE } from '../lib/features/users/created-admin-line';
import type { Logger } from './log';
import { startEmbeddedPostgres } from './postgres/embedded-server';
import { lineMatching, startOnPorts } from './listen';
import type { Supervised, Supervisor } from './processes';
import { findOnPath } from './find-executable';
import { compiledPath } from './compiled-entries';
import { PROJECT_ROOT } from './project-root';
import type { StackPlan } from './stack-plan';
import { devServerArgs, waitForTemporal, waitForWorker } from './temporal-dev-server';
import { NotReadyError, waitForHttp, waitForPort } from './wait';
import { buildNeeded, recordBuild, sourceFingerprint } from './web-build';

export interface StackContext {
  plan: StackPlan;
  /** The embedded PostgreSQL's password (from secrets.env), used while DATABASE_URL is unset. */
  postgresPassword: string;
  /** The environment every child gets (see childEnv). */
  env: NodeJS.ProcessEnv;
  supervisor: Supervisor;
  log: Logger;
  /** Resolved by ensureTemporalCli when the plan runs Temporal locally. */
  temporalCli?: string;
}

const WORKER_STOP_GRACE_MS = 40_000;

const bin = (name: string): string => path.join(PROJECT_ROOT, 'node_modules', '.bin', name);
/**
 * A long-running entry as one node process running its compiled JavaScript (./compile-entries.ts),
 * not under tsx: neither tsx's launcher (a second process that only relays signals) nor its
 * loader. Without --enable-source-maps: with it node parses and keeps the map of every module it
 * loads (Next's own are megabytes), measured 44 MB of the web's heap and 22 MB of the worker's
 * at idle. NODE_OPTIONS=--enable-source-maps maps traces back to the TypeScript when wanted.
 */
const runCompiled = (file: string, nodeOptions: string[] = []): [string, string[]] => [process.execPath, [...nodeOptions, file]];
/** How much lower the worker's CPU priority is than the web app's (nice(1): 0 to 19). */
const WORKER_NICENESS = 10;

export interface StartedStack {
  config: Env;
  /** Set when this start created the first admin (the users table was empty). */
  createdAdmin?: string;
}

/** Brings the stack up in dependency order, each piece healthy before the next starts. */
export async function startStack(ctx: StackContext): Promise<StartedStack> {
  // Re-validate what the children will see: it is the configuration that actually runs.
  let config = parseEnv(ctx.env);
  const { plan, supervisor, log } = ctx;
  // Written again once everything is up; a stale one would point at the last run's ports.
  rmSync(path.join(plan.dataDir, 'stack.json'), { force: true });
  const spec = (name: Parameters<Supervisor['start']>[0]['name'], command: string, args: string[]) => ({
    name,
    command,
    args,
    env: ctx.env,
    cwd: PROJECT_ROOT,
  });
  // First: the children run compiled, the readiness checks against Temporal below included.
  await supervisor.run(spec('build', bin('tsx'), ['devstack/compile-entries.ts']));

  if (plan.embeddedPostgres) {
    const url = await startEmbeddedPostgres({ supervisor, log, dataDir: plan.dataDir, password: ctx.postgresPassword, port: config.EMBEDDED_POSTGRES_PORT });
    setEnv(ctx, { DATABASE_URL: url, EMBEDDED_POSTGRES_PORT: new URL(url).port });
    config = parseEnv(ctx.env);
    log.info(`PostgreSQL (embedded) ready at ${redactDatabaseUrl(url)}`);
  } else {
    log.info(`PostgreSQL at ${redactDatabaseUrl(requireDatabaseUrl(config))}`);
  }

  if (plan.localTemporal && ctx.temporalCli) {
    const cli = ctx.temporalCli;
    mkdirSync(path.join(plan.dataDir, 'temporal'), { recursive: true });
    const withPorts = ([port = 0, uiPort = 0]: number[]): Env => ({ ...config, TEMPORAL_DEV_PORT: port, TEMPORAL_DEV_UI_PORT: uiPort });
    const { ports } = await startOnPorts(
      supervisor,
      [config.TEMPORAL_DEV_PORT, config.TEMPORAL_DEV_UI_PORT],
      (chosen) => spec('temporal', cli, devServerArgs(withPorts(chosen), plan.dataDir)),
      (child, [port = 0, uiPort = 0]) =>
        waitForTemporal({ ...ctx.env, TEMPORAL_DEV_PORT: String(port), TEMPORAL_DEV_UI_PORT: String(uiPort) }, { timeoutMs: 60_000, process: child }),
    );
    setEnv(ctx, { TEMPORAL_DEV_PORT: String(ports[0]), TEMPORAL_DEV_UI_PORT: String(ports[1]) });
    config = parseEnv(ctx.env);
    log.info(`Temporal dev server ready on 127.0.0.1:${ports[0]}`);
  } else {
    await waitForTemporal(ctx.env, { timeoutMs: 30_000 });
    log.info(`Temporal reachable at ${config.TEMPORAL_ADDRESS}`);
  }

  // db:migrate makes the first run every entry makes (the first admin, on an empty database);
  // the banner names that admin when this start made it.
  let createdAdmin: string | undefined;
  const onLine = (line: string) => (createdAdmin ??= CREATED_ADMIN_LINE.exec(line)?.[1]);
  await supervisor.run({ ...spec('migrate', bin('tsx'), ['scripts/db-migrate.ts']), onLine });

  if (plan.simulator) {
    log.info('Claude: OFFLINE SIMULATOR (set ANTHROPIC_API_KEY to use the real API)');
    const listening = lineMatching(/listening on (http:\/\/\S+)/);
    const sim = supervisor.start({ ...spec('claude-sim', ...runCompiled(compiledPath('claude-sim'))), onLine: listening.onLine });
    const [, url = ''] = await announced(listening.match, sim, 'the Claude simulator');
    setEnv(ctx, { ANTHROPIC_BASE_URL: url, CLAUDE_SIMULATOR_PORT: new URL(url).port });
    await waitForHttp(`${url}/health`, { timeoutMs: 30_000, process: sim });
  } else {
    log.info('Claude: Anthropic API');
  }

  if (plan.mailCatcher) {
    const listening = lineMatching(/SMTP (smtp:\/\/\S+), web (http:\/\/\S+)/);
    const mail = supervisor.start({ ...spec('mail', ...runCompiled(compiledPath('mail'))), onLine: listening.onLine });
    const [, smtpUrl = '', httpUrl = ''] = await announced(listening.match, mail, 'the mail catcher');
    setEnv(ctx, { SMTP_URL: smtpUrl, MAILCATCHER_URL: httpUrl, MAILCATCHER_SMTP_PORT: new URL(smtpUrl).port, MAILCATCHER_HTTP_PORT: new URL(httpUrl).port });
    await waitForHttp(`${httpUrl}/health`, { timeoutMs: 30_000, process: mail });
  }

  config = parseEnv(ctx.env);
  if (!existsSync(path.join(PROJECT_ROOT, 'worker', 'main.ts'))) throw new Error('worker/main.ts is missing: nothing to run as the worker');
  const workerStarted = new Date(Date.now() - 1_000);
  const [workerNode, workerArgs] = plan.dev ? [bin('tsx'), ['watch', 'worker/main.ts']] : runCompiled(compiledPath('worker'), [`--max-old-space-size=${config.WORKER_HEAP_MB}`, `--max-semi-space-size=${config.WORKER_SEMI_SPACE_MB}`]);
  // The worker lets in-flight activities finish on SIGTERM (its shutdownGraceTime); wait a bit longer.
  // Mail is worked in the background: when a burst fills this machine's cores, requests (intake,
  // the dashboard) go first. `nice` execs the worker, so signals and the PID are unchanged.
  const nice = findOnPath('nice', ctx.env.PATH ?? '');
  const [workerCommand, workerCommandArgs] = nice ? [nice, ['-n', String(WORKER_NICENESS), workerNode, ...workerArgs]] : [workerNode, workerArgs];
  // glibc gives each thread that allocates its own malloc arena (up to 8 per core), and the
  // worker's native threads (Temporal's core, the Prisma query compiler) leave them fragmented:
  // two arenas hold the same work in less memory (bench/README.md, "Pipeline").
  const workerEnv = { ...ctx.env, MALLOC_ARENA_MAX: ctx.env.MALLOC_ARENA_MAX ?? '2' };
  const worker = supervisor.start({ ...spec('worker', workerCommand, workerCommandArgs), env: workerEnv, stopGraceMs: WORKER_STOP_GRACE_MS });
  await waitForWorker(ctx.env, workerStarted, { timeoutMs: 120_000, process: worker });
  log.info(`worker polling task queue "${config.TEMPORAL_TASK_QUEUE}"`);

  await startWeb(ctx, config, spec);
  // What actually runs, ports resolved: for the banner and for tools (tests) that read stack.json.
  const running = parseEnv(ctx.env);
  writeStackFile(plan, running);
  return { config: running, createdAdmin };
}

/** Records resolved values in the environment every later child gets. */
function setEnv(ctx: StackContext, values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) if (value !== undefined) ctx.env[name] = value;
}

/** Waits for a child to say where it listens; gives up if it exits first. */
async function announced(match: Promise<RegExpExecArray>, child: Supervised, what: string): Promise<RegExpExecArray> {
  const exited = child.exited.then(() => {
    throw new NotReadyError(`${child.name} exited before ${what} said where it listens`);
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new NotReadyError(`${what} did not start within 30s`)), 30_000).unref());
  return Promise.race([match, exited, timeout]);
}

async function startWeb(
  ctx: StackContext,
  config: Env,
  spec: (name: 'build' | 'web', command: string, args: string[]) => Parameters<Supervisor['start']>[0],
): Promise<void> {
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
  // The server binds port 0 happily, but the app must know its own URL (auth origins), so
  // the port is chosen here and passed in. Production runs web/main.ts (next start behind
  // our own listener: HOST, and forwarding headers only from TRUST_PROXY).
  const webSpec = (port: number) =>
    ctx.plan.dev
      ? spec('web', bin('next'), ['dev', '--hostname', config.HOST, '--port', String(port)])
      : spec('web', ...runCompiled(compiledPath('web')));
  const { ports } = await startOnPorts(
    ctx.supervisor,
    [config.PORT],
    ([port = 0]) => ({ ...webSpec(port), env: { ...ctx.env, PORT: String(port) } }),
    (child, [port = 0]) =>
      waitForPort(port, { what: `the web app on ${config.HOST}:${port}`, timeoutMs: 120_000, process: child, host: reachableHost(config.HOST) }),
  );
  setEnv(ctx, { PORT: String(ports[0]) });
}

/** Where to knock to see whether a server on `host` is up: a wildcard listens on loopback too. */
function reachableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/** `DATA_DIR/stack.json`: where each running piece listens, for scripts and tests. */
function writeStackFile(plan: StackPlan, config: Env): void {
  const stack = {
    webUrl: `http://localhost:${config.PORT}`,
    // Without its password (that is in secrets.env, or the user's own DATABASE_URL).
    databaseUrl: redactDatabaseUrl(requireDatabaseUrl(config)),
    temporalAddress: config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`,
    temporalUiUrl: config.TEMPORAL_UI_URL,
    claudeBaseUrl: config.ANTHROPIC_BASE_URL,
    mailUrl: config.MAILCATCHER_URL,
    smtpUrl: plan.mailCatcher ? config.SMTP_URL : undefined,
  };
  writeFileSync(path.join(plan.dataDir, 'stack.json'), `${JSON.stringify(stack, null, 2)}\n`, { mode: 0o600 });
}
