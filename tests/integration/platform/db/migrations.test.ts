import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runPrisma } from '../../../../devstack/db/prisma-cli';
import { diffMigrationsToSchema } from '../../../../devstack/db/schema-drift';
import { BASELINE_NAME, MIGRATIONS_DIR } from '../../../../devstack/db/migrations-folder';
import { withDatabaseName } from '../../../../lib/platform/db/database-url';
import { applyMigrations, MigrationError } from '../../../../lib/platform/db/migrations/apply-migrations';
import { readMigrations } from '../../../../lib/platform/db/migrations/migration-files';
import { assertMigrated } from '../../../../lib/platform/db/migrations/assert-migrated';
import { adminQuery } from '../../../support/temp-db';

const adminUrl = inject('databaseAdminUrl');
const created: string[] = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'countersign-migrations-'));

async function emptyDatabase(): Promise<string> {
  const name = `countersign_migrate_${created.length}_${process.pid}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  created.push(name);
  return withDatabaseName(adminUrl, name);
}

async function rows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the migrations folder to break on purpose. */
function migrationsCopy(name: string, change: (dir: string) => void): string {
  const dir = path.join(scratch, name);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  change(dir);
  return dir;
}

afterAll(async () => {
  for (const name of created) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(scratch, { recursive: true, force: true });
});

// Every migration of this release, in order: the baseline and whatever came after it.
const RELEASE = readMigrations(MIGRATIONS_DIR);

describe('npm run db:migrate', () => {
  it('is safe when three nodes run it at once: one applies, the others find nothing to do', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(url, { dir: MIGRATIONS_DIR })));
    expect(RELEASE[0]?.name).toBe(BASELINE_NAME);
    expect(results.filter((applied) => applied.length > 0)).toEqual([RELEASE.map((migration) => migration.name)]);
    expect(results.filter((applied) => applied.length === 0)).toHaveLength(2);
    const recorded = await rows<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const file = readFileSync(path.join(MIGRATIONS_DIR, BASELINE_NAME, 'migration.sql'));
    expect(recorded[0]).toEqual({ migration_name: BASELINE_NAME, checksum: createHash('sha256').update(file).digest('hex'), finished_at: expect.any(Date) });
    expect(recorded).toEqual(RELEASE.map((migration) => ({ migration_name: migration.name, checksum: migration.checksum, finished_at: expect.any(Date) })));
    expect(await applyMigrations(url, { dir: MIGRATIONS_DIR })).toEqual([]);
  });

  it('writes what Prisma itself reads: `prisma migrate status` agrees', async () => {
    const url = await emptyDatabase();
    await applyMigrations(url, { dir: MIGRATIONS_DIR });
    expect(await runPrisma(['migrate', 'status'], url)).toContain('Database schema is up to date');
  });

  it('rolls a failing migration back whole, records nothing, and applies it once fixed', async () => {
    const url = await emptyDatabase();
    const broken = migrationsCopy('broken', (dir) => {
      mkdirSync(path.join(dir, '29990101000000_broken'));
      writeFileSync(path.join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\nSELECT no_such_function();\n');
    });
    await expect(applyMigrations(url, { dir: broken })).rejects.toThrow(/29990101000000_broken failed and was rolled back: .*no_such_function/);
    expect(await rows(url, `SELECT to_regclass('"Half"') AS half`)).toEqual([{ half: null }]);
    expect((await rows<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name')).map((row) => row.migration_name)).toEqual(
      RELEASE.map((migration) => migration.name),
    );
    writeFileSync(path.join(broken, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\n');
    expect(await applyMigrations(url, { dir: broken })).toEqual(['29990101000000_broken']);
  });

  it('refuses a migration edited after it was applied', async () => {
    const url = await emptyDatabase();
    await applyMigrations(url, { dir: MIGRATIONS_DIR });
    const edited = migrationsCopy('edited', (dir) => {
      const file = path.join(dir, BASELINE_NAME, 'migration.sql');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- an afterthought\n`);
    });
    await expect(applyMigrations(url, { dir: edited })).rejects.toThrow(MigrationError);
    await expect(applyMigrations(url, { dir: edited })).rejects.toThrow(/was changed after it was applied/);
  });
});

describe('web and worker nodes', () => {
  it('refuse to start on a database that lacks this release migrations', async () => {
    const url = await emptyDatabase();
    await expect(assertMigrated(url, MIGRATIONS_DIR)).rejects.toThrow(/run `npm run db:migrate` first/);
    await applyMigrations(url, { dir: MIGRATIONS_DIR });
    await expect(assertMigrated(url, MIGRATIONS_DIR)).resolves.toBeUndefined();
  });
});

describe('schema and migrations', () => {
  it('agree: a database built from prisma/migrations is exactly prisma/schema.prisma', async () => {
    // If this fails, the schema changed without a migration: `npm run db:migration -- <name>`.
    expect(await diffMigrationsToSchema(adminUrl)).toBe('');
  });

  it('would be caught drifting apart (the check can fail)', async () => {
    const drifted = migrationsCopy('drifted', (dir) => {
      const file = path.join(dir, BASELINE_NAME, 'migration.sql');
      const sql = readFileSync(file, 'utf8');
      const withoutIndex = sql.replace(/CREATE INDEX "Message_search_idx"[^;]*;/, '');
      expect(withoutIndex).not.toBe(sql);
      writeFileSync(file, withoutIndex);
    });
    expect(await diffMigrationsToSchema(adminUrl, drifted)).toMatch(/CREATE INDEX "Message_search_idx" ON "Message" USING GIN \("search"\)/);
  });
});
