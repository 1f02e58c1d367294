import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { readMigrations, type MigrationFile } from './migration-files';

/** The advisory lock `prisma migrate deploy` takes: this migrator and Prisma's exclude each other. */
export const PRISMA_MIGRATE_LOCK = 72707369;

// Prisma's own bookkeeping table, created exactly as Prisma creates it, so `prisma migrate
// status` and `prisma migrate deploy` read what this migrator wrote.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface ApplyMigrationsOptions {
  dir: string;
  log?: (line: string) => void;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/**
 * Applies the migrations the database has not seen, each in its own transaction with its
 * `_prisma_migrations` row, under Prisma's advisory lock. Any number of processes may run
 * this at once (every web and worker node on deploy): one applies, the others wait for the
 * lock and then find nothing to do. Returns the names it applied.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(options.dir);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'countersign-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    try {
      await client.query(CREATE_TABLE);
      const rows = (await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
      )).rows;
      const pending = pendingMigrations(migrations, rows, log);
      for (const migration of pending) {
        await applyOne(client, migration);
        log(`applied ${migration.name}`);
      }
      return pending.map((migration) => migration.name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
    }
  } finally {
    await client.end();
  }
}

function pendingMigrations(migrations: MigrationFile[], rows: AppliedRow[], log: (line: string) => void): MigrationFile[] {
  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and was never resolved. Fix the database, then mark it with ` +
        '`npx prisma migrate resolve --rolled-back <name>` (or --applied) and run `npm run db:migrate` again.',
    );
  }
  const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied to this database. Migrations are ` +
          'append-only: restore the file and add a new migration (`npm run db:migration -- <name>`).',
      );
    }
  }
  const known = new Set(migrations.map((migration) => migration.name));
  const unknown = rows.filter((row) => !known.has(row.migration_name));
  // A newer release migrated this database; an older one keeps working on the columns it knows.
  if (unknown.length > 0) log(`the database has ${unknown.length} migration(s) this release does not know: ${unknown.map((row) => row.migration_name).join(', ')}`);
  return migrations.filter((migration) => !applied.has(migration.name));
}

/** One migration and its bookkeeping row commit together, or neither does. */
async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      'INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)',
      [id, migration.checksum, migration.name],
    );
    // No parameters: the simple query protocol runs every statement of the file in order.
    await client.query(migration.sql);
    await client.query('UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
  }
}
