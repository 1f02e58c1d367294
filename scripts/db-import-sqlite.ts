/**
 * `npm run db:import-sqlite -- <file>`: brings a Countersign SQLite database (the default
 * before PostgreSQL, e.g. data/countersign.db) into DATABASE_URL. Migrates the target first;
 * refuses a target that already holds mail. One transaction: all rows or none.
 */
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { env, EnvError } from '../lib/platform/config/env';
import { redactDatabaseUrl } from '../lib/platform/db/database-url';
import { toolDatabaseUrl } from '../lib/platform/db/tool-database-url';
import { applyMigrations, MigrationError } from '../lib/platform/db/migrations/apply-migrations';
import { applyFirstRun } from '../lib/features/users/first-run';
import { ImportError, importSqlite } from './import-sqlite/import-sqlite';

const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || !existsSync(file)) {
    console.error('Usage: npm run db:import-sqlite -- <path to countersign.db>');
    return 2;
  }
  const config = env();
  const url = toolDatabaseUrl(config);
  await applyMigrations(url, { dir: MIGRATIONS_DIR });
  const result = await importSqlite(file, url);
  for (const [table, count] of Object.entries(result.copied)) console.log(`  ${table.padEnd(20)} ${count}`);
  if (result.dropped.length > 0) console.log(`Columns the current schema no longer has (not copied): ${result.dropped.join(', ')}`);
  console.log(`Imported ${file} into ${redactDatabaseUrl(url)}.`);
  // After the import, as every entry does once the schema is there: a file without users
  // still leaves an admin to sign in with when ADMIN_EMAIL / ADMIN_PASSWORD are set.
  await applyFirstRun({ config, databaseUrl: url, log: (line) => console.log(line) });
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const expected = error instanceof EnvError || error instanceof MigrationError || error instanceof ImportError;
    console.error(expected ? error.message : error);
    process.exitCode = 1;
  },
);
