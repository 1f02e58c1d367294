import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDb, preparePragmas, type Db } from '../../lib/platform/db/client';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

export interface TempDb {
  db: Db;
  /** Absolute path of the SQLite file, for raw bulk seeding. */
  file: string;
  close(): Promise<void>;
}

/**
 * A fresh SQLite file with every migration applied, in the order `migrate deploy` uses
 * (folder name). Executing the SQL directly is what deploy does, minus the CLI start-up.
 */
export async function createTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-data-'));
  const file = path.join(dir, 'test.db');
  const raw = new Database(file);
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    if (!/^\d+_/.test(name)) continue;
    raw.exec(readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'));
  }
  raw.close();
  const db = createDb(`file:${file}`);
  await preparePragmas(db);
  return {
    db,
    file,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
