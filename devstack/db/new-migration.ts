// `npm run db:migration -- <name>`: writes the SQL that takes a database built from the
// existing migrations to what prisma/schema.prisma now says, as a new migration folder.
// Review it (rename a column rather than drop and add, backfill before NOT NULL) and commit.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startThrowawayPostgres } from '../postgres/throwaway-postgres';
import { diffMigrationsToSchema } from './schema-drift';
import { MIGRATIONS_DIR } from './migrations-folder';

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('Usage: npm run db:migration -- <name> (lowercase letters, digits and _)');
  const server = await startThrowawayPostgres();
  try {
    const sql = await diffMigrationsToSchema(server.adminUrl);
    if (!sql) {
      console.log('The migrations already match prisma/schema.prisma: nothing to write.');
      return;
    }
    const folder = path.join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'migration.sql'), sql);
    console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql:\n\n${sql}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
