import 'dotenv/config';
import { defineConfig } from 'prisma/config';
import { EnvError, parseEnv } from './lib/platform/config/env';
import { toolDatabaseUrl } from './lib/platform/db/tool-database-url';
import { cliAdapter } from './prisma/cli-adapter';

// Prisma 6.19's JavaScript schema engine runs offline (the native one downloads binaries); it
// reaches PostgreSQL through the adapter below. DATABASE_URL, or the embedded database of a
// running `npm start`; `prisma generate` (postinstall) needs no database, so a placeholder
// keeps the schema's `url = env("DATABASE_URL")` resolvable when there is none.
function databaseUrl(): string {
  try {
    return toolDatabaseUrl(parseEnv(process.env));
  } catch (error) {
    if (error instanceof EnvError) return 'postgres://localhost:5432/countersign';
    throw error;
  }
}

const url = databaseUrl();
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    return cliAdapter(url);
  },
});
