import type pg from 'pg';

export interface PgColumn {
  name: string;
  /** information_schema data_type: 'timestamp without time zone', 'boolean', 'jsonb', 'bytea', ... */
  type: string;
}

/** The application's tables in the target database, parents before children (foreign keys). */
export async function postgresTables(client: pg.Client): Promise<Map<string, PgColumn[]>> {
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
     JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const tables = new Map<string, PgColumn[]>();
  for (const row of columns.rows) {
    const list = tables.get(row.table_name) ?? [];
    list.push({ name: row.column_name, type: row.data_type });
    tables.set(row.table_name, list);
  }
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references.rows) {
    if (unquote(child) === unquote(parent)) continue;
    const set = parents.get(unquote(child)) ?? new Set<string>();
    set.add(unquote(parent));
    parents.set(unquote(child), set);
  }
  // Topological order: a table comes once everything it references has come.
  const ordered = new Map<string, PgColumn[]>();
  const visit = (name: string, path: string[]) => {
    if (ordered.has(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(' -> ')}`);
    for (const parent of parents.get(name) ?? []) if (tables.has(parent)) visit(parent, [...path, name]);
    ordered.set(name, tables.get(name) ?? []);
  };
  for (const name of [...tables.keys()].sort()) visit(name, []);
  return ordered;
}
