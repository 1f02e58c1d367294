// The simulator's CLI entry: env parsing, the one startup line, a usable server, clean SIGTERM exit.
import { describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../../support/run-cli';


const runCli = (env: Record<string, string>, onStdout?: (text: string, kill: () => void) => void) =>
  runCliEntry('devstack/claude-simulator/main.ts', env, onStdout);

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
