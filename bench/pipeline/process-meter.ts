import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Per-process figures for the bench's stack, grouped by role: CPU time and memory (PSS)
 * from /proc (every process whose environment carries the stack's DATA_DIR, so PostgreSQL's
 * backends and the Temporal server count too), and the database round trips the web and worker
 * processes made (counted by bench/pipeline/process-probe.mjs inside them).
 */
export type Role = 'worker' | 'web' | 'temporal' | 'postgres' | 'supervisor' | 'tsx launchers' | 'tsx esbuild' | 'claude simulator' | 'mail catcher' | 'other';

export interface RoleFigures {
  cpuMs: number;
  rssMb: number;
  processes: number;
}

export interface Snapshot {
  roles: Partial<Record<Role, RoleFigures>>;
  /** Round trips to PostgreSQL, by the probed process role. */
  queries: Partial<Record<'worker' | 'web', number>>;
  /** The statements behind them, by their first words and process role. */
  statements: Record<string, number>;
  /** process.memoryUsage() of the web and worker processes (MB): where their memory is. */
  heaps: Partial<Record<'worker' | 'web', Record<string, number>>>;
}

const TICK_MS = 10; // CLK_TCK is 100 on Linux

function roleOf(argv: string[]): Role {
  const [exe = '', first = ''] = argv;
  const script = argv.filter(Boolean).at(-1) ?? '';
  if (/(^|\/)postgres$/.test(exe)) return 'postgres';
  if (/(^|\/)temporal$/.test(exe)) return 'temporal';
  if (/(^|\/)esbuild$/.test(exe)) return 'tsx esbuild';
  const all = argv.join(' ');
  // tsx's launcher (node .bin/tsx FILE) spawns node with tsx's loader to run FILE.
  if (/(\.bin\/tsx|tsx\/dist\/cli\.m?js)$/.test(first)) return 'tsx launchers';
  // npm start runs the entries compiled (devstack/compiled-entries.ts): .build/<name>.mjs.
  const compiled = /\.build\/([a-z-]+)\.mjs$/.exec(script)?.[1];
  if (all.includes('devstack/start.ts') || compiled === 'start') return 'supervisor';
  if (script.endsWith('worker/main.ts') || compiled === 'worker') return 'worker';
  if (script.endsWith('web/main.ts') || compiled === 'web') return 'web';
  if (all.includes('claude-simulator') || compiled === 'claude-sim') return 'claude simulator';
  if (all.includes('mail-catcher') || compiled === 'mail') return 'mail catcher';
  return 'other';
}

interface StackProcess {
  pid: number;
  role: Role;
  cpuMs: number;
  rssKb: number;
}

export function stackProcesses(dataDir: string): StackProcess[] {
  const found: (StackProcess & { ppid: number; ours: boolean })[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      // PostgreSQL's postmaster is started with a clean environment: it is known by its data
      // directory, and its backends by their parent.
      const ours = readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`DATA_DIR=${dataDir}\0`) || argv.some((arg) => arg.startsWith(dataDir));
      // Fields after the command's closing parenthesis: ppid is the 2nd, utime the 12th; stime, cutime, cstime follow.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
      // Proportional set size: shared pages (PostgreSQL's shared buffers, above all) divided among
      // the processes that map them, so the sum over the stack is what it really holds.
      const rss = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8')) ?? /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      found.push({ pid: Number(entry), ppid: Number(fields[1]), ours, role: roleOf(argv), cpuMs: ticks * TICK_MS, rssKb: Number(rss?.[1] ?? 0) });
    } catch {
      // Gone between listing and reading, or not ours to read.
    }
  }
  const postmasters = new Set(found.filter((proc) => proc.ours && proc.role === 'postgres').map((proc) => proc.pid));
  return found
    .filter((proc) => proc.ours || postmasters.has(proc.ppid))
    .map(({ pid, ppid, role, cpuMs, rssKb }) => ({ pid, role: postmasters.has(ppid) ? 'postgres' : role, cpuMs, rssKb }));
}

/** Asks each probed process for its counters and waits for the answers. */
interface ProbeAnswer {
  role: 'worker' | 'web';
  queries: number;
  statements?: Record<string, number>;
  memory?: NodeJS.MemoryUsage;
  at: number;
}

async function probe(pids: number[], probeDir: string): Promise<ProbeAnswer[]> {
  const asked = Date.now();
  for (const pid of pids) process.kill(pid, 'SIGWINCH');
  const answers: ProbeAnswer[] = [];
  for (const pid of pids) {
    const file = path.join(probeDir, `${pid}.json`);
    for (let attempt = 0; ; attempt++) {
      if (existsSync(file)) {
        const answer = JSON.parse(readFileSync(file, 'utf8')) as ProbeAnswer;
        if (answer.at >= asked) {
          answers.push(answer);
          break;
        }
      }
      if (attempt > 100) throw new Error(`process ${pid} did not answer the bench's probe`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return answers;
}

export async function snapshot(dataDir: string, probeDir: string): Promise<Snapshot> {
  const processes = stackProcesses(dataDir);
  const roles: Snapshot['roles'] = {};
  for (const proc of processes) {
    const figures = (roles[proc.role] ??= { cpuMs: 0, rssMb: 0, processes: 0 });
    figures.cpuMs += proc.cpuMs;
    figures.rssMb += proc.rssKb / 1024;
    figures.processes += 1;
  }
  const queries: Snapshot['queries'] = {};
  const probed = processes.filter((proc) => proc.role === 'worker' || proc.role === 'web').map((proc) => proc.pid);
  const statements: Snapshot['statements'] = {};
  const heaps: Snapshot['heaps'] = {};
  for (const answer of await probe(probed, probeDir)) {
    if (answer.memory) heaps[answer.role] = Object.fromEntries(Object.entries(answer.memory).map(([key, bytes]) => [key, Math.round(bytes / 2 ** 20)]));
    queries[answer.role] = (queries[answer.role] ?? 0) + answer.queries;
    for (const [text, count] of Object.entries(answer.statements ?? {})) statements[`${answer.role}: ${text}`] = (statements[`${answer.role}: ${text}`] ?? 0) + count;
  }
  return { roles, queries, statements, heaps };
}

export interface Usage {
  /** CPU milliseconds per email, by role, over the window. */
  cpuMsPerEmail: Partial<Record<Role, number>>;
  /** Database round trips per email over the window: web, worker and both. */
  roundTripsPerEmail: { web: number; worker: number; total: number };
  /** The most frequent statements over the window, per email, most first. */
  topStatementsPerEmail: [string, number][];
}

export function usageBetween(before: Snapshot, after: Snapshot, emails: number): Usage {
  const cpuMsPerEmail: Usage['cpuMsPerEmail'] = {};
  for (const [role, figures] of Object.entries(after.roles) as [Role, RoleFigures][]) {
    cpuMsPerEmail[role] = Math.round((figures.cpuMs - (before.roles[role]?.cpuMs ?? 0)) / emails);
  }
  const per = (role: 'web' | 'worker') => Math.round((((after.queries[role] ?? 0) - (before.queries[role] ?? 0)) / emails) * 10) / 10;
  const web = per('web');
  const worker = per('worker');
  const topStatementsPerEmail = Object.entries(after.statements)
    .map(([text, count]): [string, number] => [text, Math.round(((count - (before.statements[text] ?? 0)) / emails) * 100) / 100])
    .filter(([, perEmail]) => perEmail > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40);
  return { cpuMsPerEmail, roundTripsPerEmail: { web, worker, total: Math.round((web + worker) * 10) / 10 }, topStatementsPerEmail };
}

/** Resident memory by role, in MB. */
export function memoryByRole(snap: Snapshot): Partial<Record<Role, number>> {
  return Object.fromEntries(Object.entries(snap.roles).map(([role, figures]) => [role, Math.round(figures.rssMb)]));
}
