import 'server-only';
import { env } from '../config/env';
import { createDb, preparePragmas, type Db } from './client';

export type { Db, DbClient } from './client';

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { countersignDb?: Promise<Db> };

/** The process-wide database client, connected and with its pragmas set. */
export function getDb(): Promise<Db> {
  globalForDb.countersignDb ??= (async () => {
    const db = createDb(env().DATABASE_URL);
    await preparePragmas(db);
    return db;
  })();
  return globalForDb.countersignDb;
}
