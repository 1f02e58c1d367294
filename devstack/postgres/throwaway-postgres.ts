import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pickFreePort } from '../ports';
import { postgresBinaries } from './binaries';
import { initCluster, serverArgs } from './init-cluster';
import { reachableBinaries } from './reachable-binaries';
import { postgresUser } from './run-as';
import { waitForPostgres } from './wait-for-postgres';

export interface ThrowawayPostgres {
  /** Superuser URL of the `postgres` database: create and drop databases through it. */
  adminUrl: string;
  stop(): Promise<void>;
}

const BIND_FAILURE = /address already in use|could not create any TCP\/IP sockets/i;
const ATTEMPTS = 5;
const USER = 'countersign';

/**
 * A private PostgreSQL for one test run, benchmark or migration diff: a fresh cluster in a
 * temp folder on a free port, without fsync (its data dies with it), removed on stop.
 * A port taken between choosing and binding it means a new port, not a failure.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const runAs = postgresUser();
  const binaries = reachableBinaries(await postgresBinaries(), runAs);
  const root = mkdtempSync(path.join(os.tmpdir(), 'countersign-pg-'));
  const dir = path.join(root, 'data');
  const password = randomBytes(18).toString('base64url');
  await initCluster(binaries, { dir, user: USER, password, runAs });
  for (let attempt = 1; ; attempt += 1) {
    const port = await pickFreePort();
    const settings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' };
    const child = spawn(binaries.postgres, serverArgs(dir, port, settings), { ...runAs, cwd: '/', stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const adminUrl = `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`;
    try {
      await waitForPostgres(adminUrl, { timeoutMs: 30_000, exited: () => child.exitCode !== null || child.signalCode !== null });
      return { adminUrl, stop: () => stopServer(child, root) };
    } catch (error) {
      await stopServer(child, undefined);
      if (attempt >= ATTEMPTS || !BIND_FAILURE.test(output)) {
        rmSync(root, { recursive: true, force: true });
        throw new Error(`${(error as Error).message}\n${output}`);
      }
    }
  }
}

/** Fast shutdown (SIGINT): sessions are ended, nothing is waited for. */
async function stopServer(child: ChildProcess, root: string | undefined): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
  if (root) rmSync(root, { recursive: true, force: true });
}
