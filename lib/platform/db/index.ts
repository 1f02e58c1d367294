import { env } from '../config/env';
import { createDb, type Db } from './client';
import { requireDatabaseUrl } from './database-url';

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
    const config = env();
    globalForDb.countersignDb = createDb(requireDatabaseUrl(config), { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'countersign-web' });
  }
  return globalForDb.countersignDb;
}
