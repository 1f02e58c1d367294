import { readdirSync, readFileSync } from 'node:fs';

// Each supervised child leads its own process group (pgid = its pid); these helpers act on
// the whole group so grandchildren (tsx's node, next's server) stop with their parent.

const GROUP_POLL_MS = 100;

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function groupAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(-pid, 0);
  } catch (error) {
    // EPERM means it exists but is not ours to signal; treat as alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie still answers kill(0) until someone reaps it, and not every container's
  // init does; on Linux, count only members that are still running.
  return livingGroupMembers(pid) ?? true;
}

/** Whether the group has non-zombie members, from /proc; undefined where there is no /proc. */
function livingGroupMembers(pgid: number): boolean | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  return pids.some((entry) => {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(group) === pgid && state !== 'Z';
    } catch {
      return false; // exited while we looked
    }
  });
}

export async function waitGroupGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, GROUP_POLL_MS));
  }
  return !groupAlive(pid);
}
