import { inject } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../devstack/postgres/throwaway-postgres';
import { createDatabaseFromTemplate, createMigratedDatabase, type TempDb } from './test-database';

export { adminQuery, type TempDb } from './test-database';

/**
 * A fresh, migrated database for one test file: a copy of the run's template database
 * (tests/support/postgres-global-setup.ts), which PostgreSQL makes in milliseconds. Outside
 * vitest (the benchmarks reuse the test harness) one throwaway server serves the process;
 * stop it with stopStandaloneServer().
 */
export async function createTempDb(): Promise<TempDb> {
  if (process.env.VITEST) return createDatabaseFromTemplate(inject('databaseAdminUrl'), inject('databaseTemplate'));
  standalone ??= (async () => {
    const server = await startThrowawayPostgres();
    await createMigratedDatabase(server.adminUrl, 'countersign_template');
    return server;
  })();
  return createDatabaseFromTemplate((await standalone).adminUrl, 'countersign_template');
}

let standalone: Promise<ThrowawayPostgres> | undefined;

/** Stops the server createTempDb started outside vitest, if it did. */
export async function stopStandaloneServer(): Promise<void> {
  const server = standalone;
  standalone = undefined;
  await (await server)?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL (its `postgres` database). */
    databaseAdminUrl: string;
    /** The migrated database every test database is copied from. */
    databaseTemplate: string;
  }
}
