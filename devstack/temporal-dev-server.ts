import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { cliTypeOf, SEARCH_ATTRIBUTE_KEYS } from '../lib/core/conversation/search-attributes';
import type { Env } from '../lib/platform/config/env';
import { compiledPath } from './compiled-entries';
import type { Supervised } from './processes';
import { PROJECT_ROOT } from './project-root';
import { NotReadyError } from './wait';

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
export function waitForTemporal(env: NodeJS.ProcessEnv, options: ReadinessOptions): Promise<void> {
  return checkInChild(env, ['temporal', String(options.timeoutMs)], options, 'Temporal');
}

/** Waits until a worker that started after `since` polls the task queue. */
export function waitForWorker(env: NodeJS.ProcessEnv, since: Date, options: ReadinessOptions): Promise<void> {
  return checkInChild(env, ['worker', String(options.timeoutMs), String(since.getTime())], options, 'a worker');
}

interface ReadinessOptions {
  timeoutMs: number;
  /** Give up at once if this process exits while we wait. */
  process?: Supervised;
  /** The compiled checker; tests compile their own rather than write into the stack's .build/. */
  entry?: string;
}

/**
 * Runs a check of ./temporal-ready/main.ts in a child of its own (compiled, as npm start runs
 * every entry): the supervisor never loads the Temporal client. The child's stdin is our pipe,
 * so it exits with us; its stderr line is the reason it gives up.
 */
async function checkInChild(env: NodeJS.ProcessEnv, args: string[], options: ReadinessOptions, what: string): Promise<void> {
  const child = spawn(process.execPath, [options.entry ?? compiledPath('temporal-ready'), ...args], { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  const gaveUp = options.process?.exited.then(() => 'exited' as const);
  const first = await Promise.race([exited.then(([code]) => code), ...(gaveUp ? [gaveUp] : [])]);
  if (first === 'exited') {
    child.kill('SIGKILL');
    throw new NotReadyError(`${options.process?.name ?? 'process'} exited before ${what} was ready`);
  }
  if (first === 0) return;
  const reason = stderr.trim().split('\n').at(-1);
  throw new NotReadyError(reason || `the readiness check for ${what} exited with code ${String(first)}`);
}
