import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmdirSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { blockedAt, canReach, OUTSIDE_DIR } from './reachable';
import { allowTraversal, type RunAs } from './run-as';

export interface ClusterLocation {
  /** Where the cluster is, as the server is told (-D): a path its user can reach. */
  dir: string;
  /** Set when the cluster lives outside DATA_DIR, DATA_DIR/postgres being a link to it. */
  movedBecause?: string;
}

/**
 * The embedded cluster's folder: DATA_DIR/postgres. As root the server runs as the `postgres`
 * user, which must reach it; npm start lets it through DATA_DIR itself (search permission
 * only), but never changes folders above the project. When one of those stops it (a clone
 * under root's 0700 home), the cluster is made in `outsideDir` and DATA_DIR/postgres becomes a
 * link to it, so DATA_DIR still leads to every piece of state (README "Run it").
 */
export function clusterLocation(dataDir: string, runAs: RunAs, outsideDir = OUTSIDE_DIR): ClusterLocation {
  const dir = path.join(dataDir, 'postgres');
  allowTraversal(dataDir, runAs);
  const link = lstatSync(dir, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) {
    // A link whose cluster is gone (a failed first initdb removes it) is made afresh below.
    if (existsSync(dir)) {
      const target = realpathSync(dir);
      if (!canReach(target, runAs)) throw new Error(unreachable(target, runAs));
      return { dir: target, movedBecause: `DATA_DIR/postgres links to ${target}` };
    }
    unlinkSync(dir);
  }
  if (canReach(dataDir, runAs)) return { dir };
  const blocked = blockedAt(dataDir, runAs) ?? dataDir;
  if (existsSync(dir)) {
    // A cluster already made there (by hand, or before a folder above was closed): never moved silently.
    if (readdirSync(dir).length > 0) throw new Error(unreachable(dir, runAs));
    rmdirSync(dir);
  }
  mkdirSync(outsideDir, { recursive: true, mode: 0o755 });
  chmodSync(outsideDir, 0o755);
  // A fresh name per DATA_DIR: a cluster left behind by a deleted DATA_DIR is never reused
  // (its password is gone with that DATA_DIR's secrets.env).
  const outside = mkdtempSync(path.join(outsideDir, 'cluster-'));
  if (runAs.uid !== undefined) chownSync(outside, runAs.uid, runAs.gid ?? runAs.uid);
  chmodSync(outside, 0o700);
  symlinkSync(outside, dir);
  return { dir: outside, movedBecause: `the postgres user cannot enter ${blocked}` };
}

function unreachable(dir: string, runAs: RunAs): string {
  const blocked = blockedAt(dir, runAs) ?? dir;
  return (
    `The embedded PostgreSQL runs as the postgres user, which cannot enter ${blocked} on the way to its cluster ${dir}. ` +
    `Let it through (search permission only): chmod o+x ${blocked}; or move the cluster to /var/lib/countersign and leave a link ` +
    `in its place; or set DATABASE_URL to a PostgreSQL server of your own.`
  );
}
