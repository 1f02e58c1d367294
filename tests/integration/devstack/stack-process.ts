import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '@/devstack/project-root';

/** A running `npm start` (tsx devstack/start.ts) with its output captured. */
export interface StackProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startStack(env: Record<string, string | undefined>): StackProcess {
  const child = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['devstack/start.ts'], {
    cwd: PROJECT_ROOT,
    // Next's types make NODE_ENV required; the stack must start without it, as from a shell.
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for `text` in the output; fails with the output if the stack exits or time runs out. */
export async function waitForOutput(stack: StackProcess, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void stack.exited.then((code) => (exitCode = code));
  while (!stack.output().includes(text)) {
    if (exitCode !== undefined) throw new Error(`stack exited (${exitCode}) before "${text}":\n${tail(stack.output())}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" after ${timeoutMs / 1000}s:\n${tail(stack.output())}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export function tail(text: string, lines = 80): string {
  return text.split('\n').slice(-lines).join('\n');
}


/** Live (non-zombie) processes whose environment carries `marker`: what a clean stop leaves none of. */
export function processesWithEnv(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker)) {
        found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')}`);
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}
