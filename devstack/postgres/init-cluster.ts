import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PostgresBinaries } from './binaries';
import { allowTraversal, type RunAs } from './run-as';

const run = promisify(execFile);

export interface ClusterOptions {
  dir: string;
  user: string;
  password: string;
  runAs: RunAs;
}

/** Whether `dir` already holds an initialised cluster. */
export function clusterExists(dir: string): boolean {
  return existsSync(path.join(dir, 'PG_VERSION'));
}

/**
 * A UTF-8 character classification the machine has: full-text search lowercases and splits
 * words by it (in plain C, "ÉCOLE" would not match "école"). Sorting stays C (byte order).
 */
function utf8Ctype(): string {
  try {
    const available = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8' }).split(/\r?\n/).map((line) => line.trim()));
    return ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8'].find((name) => available.has(name)) ?? 'C';
  } catch {
    return 'C';
  }
}

/**
 * Creates a cluster in `dir` (once; an existing one is kept with its data): password login
 * (SCRAM) for one superuser, UTF-8, byte-order sorting and a UTF-8 character classification.
 */
export async function initCluster(binaries: PostgresBinaries, options: ClusterOptions): Promise<void> {
  if (clusterExists(options.dir)) return;
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  allowTraversal(path.dirname(options.dir), options.runAs);
  if (options.runAs.uid !== undefined) chownSync(options.dir, options.runAs.uid, options.runAs.gid ?? options.runAs.uid);
  // initdb reads the password from a file (never argv, which `ps` shows); the server user must read it.
  const secretDir = mkdtempSync(path.join(os.tmpdir(), 'countersign-initdb-'));
  const passwordFile = path.join(secretDir, 'password');
  try {
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (options.runAs.uid !== undefined) {
      allowTraversal(secretDir, options.runAs);
      chownSync(passwordFile, options.runAs.uid, options.runAs.gid ?? options.runAs.uid);
    }
    await run(
      binaries.initdb,
      [
        `--pgdata=${options.dir}`,
        `--username=${options.user}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        `--lc-ctype=${utf8Ctype()}`,
      ],
      // The server's user may be unable to enter the project (root's 0700 home): run from /.
      { ...options.runAs, cwd: '/' },
    );
  } catch (error) {
    // A half-made cluster would be mistaken for a real one on the next start.
    rmSync(options.dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`initdb failed for ${options.dir}: ${stderr.trim() || (error as Error).message}`);
  } finally {
    rmSync(secretDir, { recursive: true, force: true });
  }
}

/** The server's command line: loopback TCP only, no Unix socket, logs to stderr. */
export function serverArgs(dir: string, port: number, settings: Record<string, string> = {}): string[] {
  const all: Record<string, string> = { listen_addresses: '127.0.0.1', unix_socket_directories: '', timezone: 'UTC', ...settings };
  return ['-D', dir, '-p', String(port), ...Object.entries(all).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
}
