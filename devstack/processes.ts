import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger, LogSource } from './log';
import { groupAlive, signalGroup, waitGroupGone } from './process-group';

export interface ProcessSpec {
  name: LogSource;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** How long SIGTERM may take before SIGKILL; defaults to the supervisor's grace. */
  stopGraceMs?: number;
  /** Sees every output line (after it is logged), e.g. to learn the port a child bound. */
  onLine?: (line: string) => void;
  /** Run as this user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** What asks it to stop; SIGTERM unless the program wants another (PostgreSQL: SIGINT, a fast shutdown). */
  stopSignal?: NodeJS.Signals;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Supervised {
  name: LogSource;
  pid: number;
  /** Settles when the process itself exits (its process group may take a moment longer). */
  exited: Promise<ExitInfo>;
  stopGraceMs?: number;
  stopSignal?: NodeJS.Signals;
}

export class ProcessFailedError extends Error {
  override name = 'ProcessFailedError';
}

/**
 * Starts the stack's processes, prefixes their output, and stops them in reverse order.
 * Each child leads its own process group, so stopping it also stops what it spawned
 * (tsx's node child, next's server worker) and a terminal Ctrl-C reaches only us: we
 * decide the order.
 */
export class Supervisor {
  private readonly children: Supervised[] = [];
  private stopping = false;

  constructor(
    private readonly log: Logger,
    private readonly onUnexpectedExit: (child: Supervised, exit: ExitInfo) => void,
  ) {
    // Last resort if this process dies on an exception: no orphaned servers holding ports.
    process.on('exit', () => {
      for (const child of this.children) signalGroup(child.pid, 'SIGKILL');
    });
  }

  /** A long-running service; exiting on its own is reported as a failure of the stack. */
  start(spec: ProcessSpec): Supervised {
    const child = this.spawn(spec);
    void child.exited.then((exit) => {
      if (!this.stopping) this.onUnexpectedExit(child, exit);
    });
    return child;
  }

  /**
   * A service on probation: exiting before `promote()` is the caller's to handle (a port
   * taken between choosing and binding it, say), not a failure of the stack.
   */
  startTrial(spec: ProcessSpec): { child: Supervised; promote(): void } {
    const child = this.spawn(spec);
    let promoted = false;
    void child.exited.then((exit) => {
      if (promoted && !this.stopping) this.onUnexpectedExit(child, exit);
      if (!promoted) this.children.splice(this.children.indexOf(child), 1);
    });
    return { child, promote: () => (promoted = true) };
  }

  /** A one-shot step (migrate, build): resolves when it exits 0, throws otherwise. */
  async run(spec: ProcessSpec): Promise<void> {
    const child = this.spawn(spec);
    const exit = await child.exited;
    this.children.splice(this.children.indexOf(child), 1);
    if (exit.code !== 0) {
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      throw new ProcessFailedError(`${spec.name}: \`${[spec.command, ...spec.args].join(' ')}\` ${how}`);
    }
  }

  /** Stops every child, newest first: SIGTERM, then SIGKILL after its grace (default `graceMs`). */
  async stopAll(graceMs: number): Promise<void> {
    this.stopping = true;
    for (const child of [...this.children].reverse()) {
      await this.stop(child, child.stopGraceMs ?? graceMs);
    }
  }

  private async stop(child: Supervised, graceMs: number): Promise<void> {
    if (!groupAlive(child.pid)) return;
    this.log.info(`stopping ${child.name}`);
    signalGroup(child.pid, child.stopSignal ?? 'SIGTERM');
    if (await waitGroupGone(child.pid, graceMs)) return;
    this.log.error(`${child.name} did not stop within ${graceMs / 1000}s; killing it`);
    signalGroup(child.pid, 'SIGKILL');
    await waitGroupGone(child.pid, 5_000);
  }

  private spawn(spec: ProcessSpec): Supervised {
    // Startup may still be running when Ctrl-C arrives; nothing new may start behind stopAll's back.
    if (this.stopping) throw new ProcessFailedError(`${spec.name}: not started, the stack is stopping`);
    const proc = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: spec.uid,
      gid: spec.gid,
    });
    const exited = new Promise<ExitInfo>((resolve) => {
      proc.once('error', (error) => {
        this.log.error(`${spec.name}: could not run ${spec.command}: ${error.message}`);
        resolve({ code: 127, signal: null });
      });
      proc.once('exit', (code, signal) => resolve({ code, signal }));
    });
    pipeLines(proc, spec.name, this.log, spec.onLine);
    const child: Supervised = { name: spec.name, pid: proc.pid ?? -1, exited, stopGraceMs: spec.stopGraceMs, stopSignal: spec.stopSignal };
    this.children.push(child);
    return child;
  }
}

function pipeLines(proc: ChildProcess, name: LogSource, log: Logger, onLine?: (line: string) => void): void {
  if (proc.stdout) {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      log.line(name, line);
      onLine?.(line);
    });
  }
  if (proc.stderr) {
    createInterface({ input: proc.stderr }).on('line', (line) => {
      log.line(name, line, 'err');
      onLine?.(line);
    });
  }
}
