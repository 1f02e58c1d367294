import { env } from '../config/env';
import { createDb, preparePragmas, type Db } from './client';

export type { Db, DbClient } from './client';

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { countersignDb?: Db };

/**
 * The process-wide database client, created on first use. Data functions take it as a
 * default parameter (`db: DbClient = getDb()`), so pages and actions never fetch a client
 * only to pass it on; the worker and tests pass their own.
 */
export function getDb(): Db {
  if (!globalForDb.countersignDb) {
    const db = createDb(env().DATABASE_URL);
    // Queued ahead of any query on the adapter's single connection; a failure shows on the first query too.
    preparePragmas(db).catch((error: unknown) => console.error('Database pragmas failed', error));
    globalForDb.countersignDb = db;
  }
  return globalForDb.countersignDb;
}
