import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../lib/platform/db/client';
import { withDatabaseName } from '../../lib/platform/db/database-url';

export interface TempDb {
  db: Db;
  /** Its own URL, for child processes (the worker, a CLI) and raw bulk seeding. */
  url: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a copy of the run's template database
 * (tests/support/postgres-global-setup.ts), which PostgreSQL makes in milliseconds.
 */
export function createTempDb(): Promise<TempDb> {
  return createDatabaseFromTemplate(inject('databaseAdminUrl'), inject('databaseTemplate'));
}

/** `CREATE DATABASE … TEMPLATE …` on the server `adminUrl` points at; dropped again by close(). */
export async function createDatabaseFromTemplate(adminUrl: string, template: string): Promise<TempDb> {
  const name = `countersign_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabaseName(adminUrl, name);
  const db = createDb(url);
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      // FORCE ends what a test left connected (a SIGKILLed worker's sessions, a web server).
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL (its `postgres` database). */
    databaseAdminUrl: string;
    /** The migrated database every test database is copied from. */
    databaseTemplate: string;
  }
}
