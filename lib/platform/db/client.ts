import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, type Prisma } from './generated/client';
import { sqlitePath } from '../config/env';

export type Db = PrismaClient;
/** What data functions accept: the client itself or an interactive transaction. */
export type DbClient = Prisma.TransactionClient;

// The web app and the worker share one SQLite file: WAL lets readers proceed while one
// writer commits, and the busy timeout makes a writer wait instead of failing at once.
const BUSY_TIMEOUT_MS = 5_000;

export function createDb(databaseUrl: string): Db {
  const adapter = new PrismaBetterSQLite3({ url: `file:${sqlitePath(databaseUrl)}`, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

/** Turns on WAL and the pragmas the shared file needs; safe to call on every start. */
export async function preparePragmas(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
}
