import { readFileSync } from 'node:fs';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';

/**
 * A SQLite file, read through sql.js (SQLite compiled to WebAssembly, shipped inside the npm
 * package): nothing to compile or download at install time for a command run once. The file
 * is read whole into memory and never written back.
 */
export async function openSqlite(file: string): Promise<Database> {
  const SQL = await initSqlJs();
  return new SQL.Database(readFileSync(file));
}

/**
 * Every row of a query as an object. Integers come as bigint (as SQLite stores them: 64-bit,
 * beyond JavaScript's safe range), reals as number, text as string, blobs as Uint8Array.
 */
export function* sqliteRows(db: Database, sql: string): Generator<Record<string, SqlValue | bigint>> {
  const statement = db.prepare(sql);
  try {
    // `useBigInt` is in sql.js (1.8+) but not in its type declarations.
    const getAsObject = statement.getAsObject.bind(statement) as (params: null, config: { useBigInt: boolean }) => Record<string, SqlValue | bigint>;
    while (statement.step()) yield getAsObject(null, { useBigInt: true });
  } finally {
    statement.free();
  }
}
