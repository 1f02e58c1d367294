import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'prisma', 'schema.prisma');
/** What the schema language cannot say (triggers, functions), appended to the baseline. */
export const BASELINE_EXTRAS_FILE = path.join(PROJECT_ROOT, 'prisma', 'baseline-extras.sql');
/** The one migration a fresh database starts from; `npm run db:baseline` rewrites it. */
export const BASELINE_NAME = '20261129000000_baseline';

/** Prisma's text for a diff with nothing in it. */
export function isEmptyDiff(sql: string): boolean {
  return sql.replace(/--.*$/gm, '').trim() === '';
}
