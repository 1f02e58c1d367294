import pg from 'pg';
import type { Database } from 'sql.js';
import { convertValue } from './convert-value';
import { DERIVED_COLUMNS } from './derived-columns';
import { openSqlite, sqliteRows } from './open-sqlite';
import { postgresTables, type PgColumn } from './postgres-tables';
import { copyLegacyKnowledge, LEGACY_KNOWLEDGE_TABLE } from './legacy-knowledge';

export class ImportError extends Error {
  override name = 'ImportError';
}

const BATCH = 500;
// The tables npm start fills on its own in a fresh database (the first admin, a demo agent);
// an import replaces them with the SQLite file's.
const MAY_HOLD_BOOTSTRAP_ROWS = ['User', 'Account', 'Session', 'Setting', 'AuditLog', 'RateLimit', 'Verification', 'ApiToken', 'Article'];

export interface ImportResult {
  /** Rows copied per table. */
  copied: Record<string, number>;
  /** SQLite columns the PostgreSQL schema no longer has (their values are not copied). */
  dropped: string[];
}

/**
 * Copies every row of a Countersign SQLite database into a migrated PostgreSQL database, in
 * one transaction (all or nothing), parents before children. The target must hold no mail
 * yet; users and settings a fresh `npm start` created there are replaced by the file's.
 */
export async function importSqlite(file: string, databaseUrl: string): Promise<ImportResult> {
  const source = await openSqlite(file);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'countersign-import' });
  await client.connect();
  try {
    const target = await postgresTables(client);
    if (target.size === 0) throw new ImportError('The target database has no tables: run `npm run db:migrate` first.');
    const sourceTables = [
      ...sqliteRows(source, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`),
    ].map((row) => ({ name: String(row.name) }));
    const unknown = sourceTables.filter((table) => !target.has(table.name) && table.name !== LEGACY_KNOWLEDGE_TABLE).map((table) => table.name);
    if (unknown.length > 0) throw new ImportError(`Tables in the file that the database does not have: ${unknown.join(', ')}`);

    const { rows } = await client.query<{ n: string }>('SELECT (SELECT COUNT(*) FROM "Conversation") + (SELECT COUNT(*) FROM "Message") AS n');
    if (Number(rows[0]?.n ?? 0) > 0) throw new ImportError('The target database already holds mail; import into a fresh database only.');

    await client.query('BEGIN');
    try {
      const present = new Set(sourceTables.map((table) => table.name));
      // Articles are seeded at every worker start: the file's knowledge replaces them.
      const hasKnowledge = present.has(LEGACY_KNOWLEDGE_TABLE) || present.has('Article');
      const empty = [...target.keys()].filter((name) => MAY_HOLD_BOOTSTRAP_ROWS.includes(name) && (present.has(name) || (name === 'Article' && hasKnowledge)));
      if (empty.length > 0) await client.query(`TRUNCATE ${empty.map((name) => `"${name}"`).join(', ')} CASCADE`);
      const result: ImportResult = { copied: {}, dropped: [] };
      for (const [table, columns] of target) {
        if (!present.has(table)) continue;
        result.copied[table] = await copyTable(source, client, table, columns, result.dropped);
      }
      if (present.has(LEGACY_KNOWLEDGE_TABLE)) result.copied.Article = await copyLegacyKnowledge(source, client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    source.close();
    await client.end();
  }
}

async function copyTable(source: Database, client: pg.Client, table: string, target: PgColumn[], dropped: string[]): Promise<number> {
  const sourceColumns = [...sqliteRows(source, `PRAGMA table_info("${table}")`)].map((column) => String(column.name));
  const byName = new Map(target.map((column) => [column.name, column]));
  const derive = Object.entries(DERIVED_COLUMNS[table] ?? {}).filter(([name]) => byName.has(name) && !sourceColumns.includes(name));
  const shared = sourceColumns.filter((name) => byName.has(name));
  dropped.push(...sourceColumns.filter((name) => !byName.has(name)).map((name) => `${table}.${name}`));
  const columns = [...shared, ...derive.map(([name]) => name)];
  let copied = 0;
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, row) => `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(', ')})`);
    await client.query(`INSERT INTO "${table}" (${columns.map((name) => `"${name}"`).join(', ')}) VALUES ${values.join(', ')}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const row of sqliteRows(source, `SELECT * FROM "${table}" ORDER BY rowid`)) {
    const derived = derive.map(([, compute]) => compute(row));
    batch.push([...shared.map((name) => convertValue(row[name], byName.get(name)?.type ?? 'text')), ...derived]);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return copied;
}
