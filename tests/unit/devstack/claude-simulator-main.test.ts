// The simulator's CLI entry: env parsing, the one startup line, a usable server, clean SIGTERM exit.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const entry = `${root}lib/devstack/claude-simulator/main.ts`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `onStdout` may act once the process has printed what the test waits for. */
function runCli(env: Record<string, string>, onStdout?: (text: string, kill: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, () => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('Claude simulator CLI', { timeout: 30_000 }, () => {
  it('names the variable when a value is invalid', async () => {
    const run = await runCli({ CLAUDE_SIMULATOR_PORT: 'abc' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CLAUDE_SIMULATOR_PORT');
  });

  it('prints its URL, serves requests and exits cleanly on SIGTERM', async () => {
    let health: unknown = null;
    let started = false;
    const run = await runCli({ CLAUDE_SIMULATOR_PORT: '0', CLAUDE_SIMULATOR_HOST: '127.0.0.1' }, (text, kill) => {
      const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (!url || started) return;
      started = true;
      void fetch(`${url}/health`)
        .then((response) => response.json())
        .then((body: unknown) => (health = body))
        .finally(kill);
    });
    expect(run.stdout).toMatch(/^Claude simulator \(offline\) listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(health).toEqual({ ok: true, simulator: true });
    expect(run.code).toBe(0);
  });
});
