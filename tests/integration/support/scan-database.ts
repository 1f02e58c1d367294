import type { Db } from '../../../lib/platform/db/client';

export interface DatabaseHit {
  table: string;
  column?: string;
  rows: number;
}

/**
 * Looks for a text in every row of every table of the public schema, whatever the schema
 * holds now or later: each row as text (JSON, tsvector, every column) case-insensitively, and
 * every bytea column (raw MIME) as bytes.
 */
export async function scanDatabase(db: Db, needle: string): Promise<DatabaseHit[]> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const byteColumns = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'bytea'`,
  );
  const hits: DatabaseHit[] = [];
  for (const { table_name: table } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" t WHERE t::text ILIKE $1`, `%${needle}%`);
    if (Number(row?.n ?? 0) > 0) hits.push({ table, rows: Number(row?.n) });
  }
  for (const { table_name: table, column_name: column } of byteColumns) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table}" WHERE position(convert_to($1, 'UTF8') in "${column}") > 0`,
      needle,
    );
    if (Number(row?.n ?? 0) > 0) hits.push({ table, column, rows: Number(row?.n) });
  }
  return hits;
}
