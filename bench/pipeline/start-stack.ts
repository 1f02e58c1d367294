import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileEntries } from '../../devstack/compile-entries';
import { supervisorNodeArgs } from '../../devstack/supervisor-command';
import { readStoredSecrets } from '../../devstack/secrets';
import { PROJECT_ROOT } from '../../devstack/project-root';
import { readStackFile } from '../../tests/support/stack-file';
import { snapshot, type Snapshot } from './process-meter';

export interface BenchStack {
  webUrl: string;
  mailUrl: string;
  claudeUrl: string;
  smtpUrl: string;
  /** With its password: the bench reads settle times from the stack's own database. */
  databaseUrl: string;
  inboundSecret: string;
  /**
   * Peak resident memory (MB) of the worker's node process (not tsx's launcher), sampled every
   * 200 ms since the stack was launched: start-up (bundling the workflows) counts too.
   */
  workerPeakRssMb(): number;
  /** CPU, memory and database round trips of the stack's processes, by role, now. */
  measure(): Promise<Snapshot>;
  output(): string;
  stop(): Promise<void>;
}

// Stand-ins are chosen when these are unset: a benchmark measures `npm start`'s defaults.
const CLEARED = ['DATABASE_URL', 'APP_URL', 'TEMPORAL_ADDRESS', 'ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'SMTP_URL', 'MAILCATCHER_URL', 'LANGFUSE_PUBLIC_KEY', 'LANGFUSE_SECRET_KEY'];
const PORTS = ['PORT', 'EMBEDDED_POSTGRES_PORT', 'TEMPORAL_DEV_PORT', 'TEMPORAL_DEV_UI_PORT', 'CLAUDE_SIMULATOR_PORT', 'MAILCATCHER_SMTP_PORT', 'MAILCATCHER_HTTP_PORT'];

/** Node processes running the worker's entry (as TypeScript or compiled) inside this stack's data directory. */
function workerProcesses(dataDir: string): { pid: number; rssKb: number }[] {
  const found: { pid: number; rssKb: number }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!/worker\/main\.ts|\.build\/worker\.mjs/.test(cmdline)) continue;
      if (!readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`DATA_DIR=${dataDir}\0`)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      found.push({ pid: Number(entry), rssKb: Number(rss?.[1] ?? 0) });
    } catch {
      // Gone between listing and reading.
    }
  }
  return found;
}

/**
 * `npm start` exactly as a new user runs it (embedded PostgreSQL, the Temporal dev server with
 * its SQLite file, the simulator, the mail catcher, the production web build), on ports the OS
 * picks and in a throw-away data directory; resolved once the web app answers.
 */
export async function startBenchStack(extraEnv: Record<string, string> = {}, timeoutMs = 600_000): Promise<BenchStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'countersign-bench-'));
  const probeDir = path.join(dataDir, 'bench-probe');
  mkdirSync(probeDir);
  const probe = pathToFileURL(path.join(PROJECT_ROOT, 'bench', 'pipeline', 'process-probe.mjs')).href;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    DATA_DIR: dataDir,
    BENCH_PROBE_DIR: probeDir,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(),
    ...extraEnv,
  };
  for (const name of CLEARED) delete env[name];
  for (const name of PORTS) env[name] = '0';
  let output = '';
  let peakKb = 0;
  const sample = () => {
    for (const worker of workerProcesses(dataDir)) peakKb = Math.max(peakKb, worker.rssKb);
  };
  const sampler = setInterval(sample, 200);
  // As `npm start` runs it (package.json): the entries compiled, then the compiled supervisor.
  await compileEntries();
  const child = spawn(process.execPath, supervisorNodeArgs(), { cwd: PROJECT_ROOT, env, detached: true });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    clearInterval(sampler);
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      // The supervisor's own lines say which process failed; the servers' last lines follow.
      const supervisor = output.split('\n').filter((line) => line.startsWith('[countersign]') || line.startsWith('[worker]') || line.startsWith('[web]'));
      throw new Error(`npm start exited with code ${child.exitCode}:\n${supervisor.slice(-40).join('\n')}\n…\n${output.slice(-2000)}`);
    }
    const stack = readStackFile(dataDir);
    const ready = stack && (await fetch(`${stack.webUrl}/sign-in`).then((r) => r.status === 200, () => false));
    if (stack && ready) {
      const secrets = readStoredSecrets(dataDir);
      const databaseUrl = new URL(stack.databaseUrl);
      databaseUrl.password = secrets.POSTGRES_PASSWORD ?? '';
      return {
        webUrl: stack.webUrl,
        mailUrl: stack.mailUrl ?? '',
        claudeUrl: stack.claudeBaseUrl ?? '',
        smtpUrl: stack.smtpUrl ?? '',
        databaseUrl: databaseUrl.toString(),
        inboundSecret: secrets.INBOUND_SECRET ?? '',
        workerPeakRssMb: () => {
          sample();
          return Math.round(peakKb / 1024);
        },
        measure: () => snapshot(dataDir, probeDir),
        output: () => output,
        stop,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`npm start did not answer within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
}
