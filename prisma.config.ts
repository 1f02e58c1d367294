import 'dotenv/config';
import { defineConfig } from 'prisma/config';
import { cliAdapter } from './prisma/cli-adapter';

process.env.DATABASE_URL ??= 'postgres://localhost/countersign';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    return cliAdapter(process.env.DATABASE_URL ?? '');
  },
});
