import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { RunAs } from './run-as';

/**
 * Where root keeps what the `postgres` user must reach when the project sits in a folder that
 * user cannot enter (root's 0700 home, say): a copy of the server binaries, and clusters.
 */
export const OUTSIDE_DIR = '/var/lib/countersign';

/**
 * Whether the server's user can reach `target` with `access` (x: enter a folder or run a
 * file; w: write), every folder on the way included. Asked of the OS as that user
 * (access(2) through test(1)): group memberships and ACLs count, as they will for PostgreSQL.
 */
export function canReach(target: string, runAs: RunAs, access: 'x' | 'w' = 'x'): boolean {
  if (runAs.uid === undefined) return true;
  const result = spawnSync('test', [`-${access}`, target], { uid: runAs.uid, gid: runAs.gid, cwd: '/', stdio: 'ignore' });
  return result.status === 0;
}

/** The first folder on the way to `target` the server's user cannot enter, if any. */
export function blockedAt(target: string, runAs: RunAs): string | undefined {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let depth = 1; depth <= parts.length; depth += 1) {
    const folder = path.sep + parts.slice(0, depth).join(path.sep);
    if (!canReach(folder, runAs)) return folder;
  }
  return undefined;
}
