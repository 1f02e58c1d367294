import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabaseName } from '../../lib/platform/db/database-url';
import { applyMigrations } from '../../lib/platform/db/migrations/apply-migrations';
import { runPrisma } from './prisma-cli';
import { isEmptyDiff, MIGRATIONS_DIR, SCHEMA_FILE } from './migrations-folder';

/**
 * The SQL that would bring a database built from the migrations folder to what
 * prisma/schema.prisma describes: empty when they agree. Applies the migrations to a
 * throwaway database on `adminUrl`'s server, introspects it (`prisma db pull`), and diffs
 * that schema against ours (`migrate diff` between two schema files).
 */
export async function diffMigrationsToSchema(adminUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<string> {
  const name = `countersign_drift_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'countersign-drift-'));
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = withDatabaseName(adminUrl, name);
    await applyMigrations(url, { dir: migrationsDir });
    const pulled = path.join(tmp, 'migrated.prisma');
    writeFileSync(pulled, schemaOnly(await runPrisma(['db', 'pull', '--print'], url)));
    const sql = await runPrisma(['migrate', 'diff', '--from-schema-datamodel', pulled, '--to-schema-datamodel', SCHEMA_FILE, '--script'], url);
    return isEmptyDiff(sql) ? '' : sql;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(tmp, { recursive: true, force: true });
  }
}

// `db pull --print` writes a warning about the schema's `url` line (kept on purpose: without
// it Prisma 6 downloads engines) to stdout before the schema itself.
function schemaOnly(printed: string): string {
  const start = printed.search(/^(generator|datasource) /m);
  return start >= 0 ? printed.slice(start) : printed;
}
