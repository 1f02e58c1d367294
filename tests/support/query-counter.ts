import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type PgModule = { Client: { prototype: { query: (...args: unknown[]) => unknown } } };

/** Every copy of node-postgres this process may load (the adapter can carry its own), as the bench's probe finds them. */
function pgCopies(): Set<PgModule> {
  const require = createRequire(import.meta.url);
  const copies = new Set<PgModule>([require('pg') as PgModule]);
  for (let dir = path.dirname(require.resolve('@prisma/adapter-pg')); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'pg');
    if (existsSync(path.join(candidate, 'package.json'))) copies.add(require(candidate) as PgModule);
  }
  return copies;
}

/**
 * The database round trips `work` makes in this process: every statement node-postgres sends
 * (Prisma's, raw SQL, BEGIN and COMMIT), by its first words, in order. Nothing else may use
 * the database meanwhile.
 */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const restore: (() => void)[] = [];
  for (const pg of pgCopies()) {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function countedQuery(this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      statements.push(String(text ?? '?').replace(/\s+/g, ' ').trim().slice(0, 120));
      return query.apply(this, args);
    };
    restore.push(() => {
      pg.Client.prototype.query = query;
    });
  }
  try {
    return { result: await work(), statements };
  } finally {
    for (const undo of restore) undo();
  }
}
