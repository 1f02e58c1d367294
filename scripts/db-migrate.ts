/**
 * `npm run db:migrate`: applies prisma/migrations to DATABASE_URL. Safe to run from every
 * node of a deploy at once (one applies under Prisma's advisory lock, the rest find nothing
 * to do); `npm start` runs it before the worker and the web app. Then, like every entry,
 * creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD while there are no users.
 */
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { env, EnvError } from '../lib/platform/config/env';
import { redactDatabaseUrl } from '../lib/platform/db/database-url';
import { toolDatabaseUrl } from '../lib/platform/db/tool-database-url';
import { applyMigrations, MigrationError } from '../lib/platform/db/migrations/apply-migrations';
import { applyFirstRun } from '../lib/features/users/first-run';

const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

async function main(): Promise<number> {
  const config = env();
  const url = toolDatabaseUrl(config);
  const applied = await applyMigrations(url, { dir: MIGRATIONS_DIR, log: (line) => console.log(line) });
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s) to ${redactDatabaseUrl(url)}.` : `${redactDatabaseUrl(url)} is up to date.`);
  await applyFirstRun({ config, databaseUrl: url, log: (line) => console.log(line) });
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const expected = error instanceof EnvError || error instanceof MigrationError;
    console.error(expected ? error.message : error);
    process.exitCode = 1;
  },
);
