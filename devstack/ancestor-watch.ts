import { readFileSync } from 'node:fs';

/**
 * Calls `onGone` once any ancestor of this process exits. `npm start` runs us under npm and
 * a shell; `kill <npm pid>` or a process manager stopping npm ends those two but leaves us
 * running, orphaned, with every port held. Watching the whole chain catches that.
 */
export function watchAncestors(onGone: (pid: number) => void, intervalMs = 1_000): () => void {
  const ancestors = ancestorPids();
  const timer = setInterval(() => {
    const gone = ancestors.find((pid) => !isAlive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(gone);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Parent, grandparent, … up to (not including) init; just the parent where there is no /proc. */
function ancestorPids(): number[] {
  const pids: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && pids.length < 64) {
    pids.push(pid);
    const next = parentOf(pid);
    if (next === undefined) break;
    pid = next;
  }
  return pids;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
