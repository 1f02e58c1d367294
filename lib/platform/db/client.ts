import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, type Prisma } from './generated/client';
import { sqlitePath } from '../config/env';
import { restrictToOwner } from './owner-only';
import { withWriteLock } from './write-lock';

export type Db = PrismaClient;
/** What data functions accept: the client itself or an interactive transaction. */
export type DbClient = Prisma.TransactionClient;

// The web app and the worker share one SQLite file: WAL lets readers proceed while one
// writer commits; a writer that finds the lock taken waits asynchronously and retries,
// and transactions take the lock up front (write-lock.ts).
export function createDb(databaseUrl: string): Db {
  const file = sqlitePath(databaseUrl);
  restrictToOwner(file);
  const adapter = withWriteLock(new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 0 }));
  return new PrismaClient({ adapter });
}

/** Turns on WAL and the pragmas the shared file needs; safe to call on every start. */
export async function preparePragmas(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
}
