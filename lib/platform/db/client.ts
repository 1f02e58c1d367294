import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from './generated/client';

export type Db = PrismaClient;
/** What data functions accept: the client itself or an interactive transaction. */
export type DbClient = Prisma.TransactionClient;

export interface DbOptions {
  /** Connections this process may hold; every web and worker process has its own pool. */
  poolSize?: number;
  /** Shown in pg_stat_activity, so an operator sees which process holds which connection. */
  applicationName?: string;
}

/** A Prisma client on a PostgreSQL connection pool (node-postgres through @prisma/adapter-pg). */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'countersign',
    // A database that does not answer fails the request instead of queueing it forever.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  const adapter = new PrismaPg(pool, {
    // An idle connection dropped by the server (restart, failover) is replaced on next use;
    // without a listener node-postgres would crash the process.
    onPoolError: (error) => console.warn(`database: idle connection closed (${error.message})`),
    // $disconnect ends it, as it ends a pool the adapter made itself.
    disposeExternalPool: true,
  });
  const db = new PrismaClient({ adapter });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<Db, pg.Pool>();

/**
 * The node-postgres pool under a client createDb made (the same connections and limit), for a
 * hot path whose few statements are cheaper without Prisma's query compiler: web intake.
 */
export function sqlPoolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}
