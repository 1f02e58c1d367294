import { spawn, type ChildProcess } from 'node:child_process';
import { pickFreePort } from '../../../devstack/ports';
import { PROJECT_ROOT } from '../../support/project-root';
import { senderAuthEnv } from '../../support/sender-auth-env';

export interface WebNode {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

const BIND_FAILURE = /EADDRINUSE|address already in use/i;

/**
 * One production web node as an operator runs it: `npm run web` (web/main.ts, which serves
 * `next start` on the built app) on 127.0.0.1 and a free port, ready once /api/health
 * answers. A port taken between choosing and binding it means another port, not a failure.
 */
export async function startWebNode(env: Record<string, string>, { timeoutMs = 90_000 } = {}): Promise<WebNode> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await pickFreePort();
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'web/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...senderAuthEnv(), ...env, HOST: '127.0.0.1', PORT: String(port) } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        process.kill(-child.pid, 'SIGTERM');
        const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    };
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && child.exitCode === null) {
      const answered = await fetch(`${url}/api/health`).then(() => true, () => false);
      if (answered) return { url, output: () => output, stop };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await stop();
    if (attempt >= 5 || !BIND_FAILURE.test(output)) throw new Error(`web node on ${url} did not start:\n${output.slice(-3000)}`);
  }
}
