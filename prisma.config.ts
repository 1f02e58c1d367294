import 'dotenv/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { env, sqlitePath } from './lib/platform/config/env';

// Prisma 6.19's JavaScript schema engine runs offline (the native one downloads binaries).
// The schema's `url = env("DATABASE_URL")` must resolve, so the validated default is exported.
const { DATABASE_URL } = env();
process.env.DATABASE_URL = DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    return new PrismaBetterSQLite3({ url: `file:${sqlitePath(DATABASE_URL)}` });
  },
});
