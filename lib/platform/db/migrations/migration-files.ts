import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface MigrationFile {
  /** The folder name, e.g. 20261129000000_baseline: its timestamp orders the migrations. */
  name: string;
  sql: string;
  /** What Prisma records in _prisma_migrations.checksum: the SHA-256 of the file, hex. */
  checksum: string;
}

const FOLDER = /^\d{14}_[\w-]+$/;

/** Every `<folder>/migration.sql` under `dir`, in the order Prisma applies them. */
export function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && FOLDER.test(entry.name) && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}
