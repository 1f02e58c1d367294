import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { senderAuthEnv } from '../../support/sender-auth-env';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the worker reports it is polling. */
  ready: Promise<void>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** The real worker entry (`tsx worker/main.ts`) as its own process, as `npm start` runs it. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild process,
  // which a SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...senderAuthEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Worker polling task queue')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`worker exited with ${code} before it was ready:\n${log}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    output: () => log,
    ready,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
