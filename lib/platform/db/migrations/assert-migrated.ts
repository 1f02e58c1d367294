import pg from 'pg';
import { MigrationError } from './apply-migrations';
import { readMigrations } from './migration-files';

/**
 * Refuses to serve from a database that lacks this release's migrations: a web or worker
 * node deployed before `npm run db:migrate` ran would otherwise fail on its first query.
 * Migrations the database has and this release does not know are fine (an older node
 * during a rolling deploy).
 */
export async function assertMigrated(databaseUrl: string, dir: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const exists = await client.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
    const applied = exists.rows[0]?.present
      ? new Set((await client.query<{ migration_name: string }>(
          'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )).rows.map((row) => row.migration_name))
      : new Set<string>();
    const missing = readMigrations(dir).filter((migration) => !applied.has(migration.name)).map((migration) => migration.name);
    if (missing.length > 0) {
      throw new MigrationError(`The database lacks ${missing.length} migration(s) of this release (${missing.join(', ')}): run \`npm run db:migrate\` first.`);
    }
  } finally {
    await client.end();
  }
}
