import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../../lib/platform/db/client';
import { withDatabaseName } from '../../lib/platform/db/database-url';
import { applyMigrations } from '../../lib/platform/db/migrations/apply-migrations';
import { PROJECT_ROOT } from './project-root';

export interface TempDb {
  db: Db;
  /** Its own URL, for child processes (the worker, a CLI) and raw bulk seeding. */
  url: string;
  close(): Promise<void>;
}

/** One statement as the server's superuser (CREATE / DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database named `name` with every migration applied: the template test databases copy. */
export async function createMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabaseName(adminUrl, name);
  await applyMigrations(url, { dir: `${PROJECT_ROOT}/prisma/migrations` });
  return url;
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
