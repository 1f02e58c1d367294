import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/free-port';

export interface RunningStack {
  baseUrl: string;
  /** The mail catcher's HTTP API: what the stack "sent". */
  mailUrl: string;
  dataDir: string;
  /** Everything the stack printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
// Local stand-ins are chosen when these are unset, so the inherited values must go.
const CLEARED = ['DATABASE_URL', 'APP_URL', 'TEMPORAL_ADDRESS', 'ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'SMTP_URL', 'MAILCATCHER_URL', 'MAILCATCHER_DIR'];


/**
 * `npm start` (tsx devstack/start.ts) on free ports with a throw-away data directory,
 * resolved once the web app answers. The stack builds Next on first use: allow minutes.
 */
export async function startStack({ timeoutMs = 540_000 } = {}): Promise<RunningStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'countersign-e2e-'));
  const ports = {
    PORT: await freePort(),
    TEMPORAL_DEV_PORT: await freePort(),
    TEMPORAL_DEV_UI_PORT: await freePort(),
    CLAUDE_SIMULATOR_PORT: await freePort(),
    MAILCATCHER_SMTP_PORT: await freePort(),
    MAILCATCHER_HTTP_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/countersign.db` };
  for (const name of CLEARED) if (name !== 'DATABASE_URL') delete env[name];
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);

  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'devstack/start.ts'], { cwd: ROOT, env, detached: true });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://localhost:${ports.PORT}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the stack exited with code ${child.exitCode}:\n${output.slice(-4000)}`);
    }
    const ready = await fetch(`${baseUrl}/sign-in`, { redirect: 'manual' }).then((r) => r.status === 200, () => false);
    if (ready) return { baseUrl, mailUrl: `http://127.0.0.1:${ports.MAILCATCHER_HTTP_PORT}`, dataDir, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  await stop();
  throw new Error(`the web app did not answer within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
}
