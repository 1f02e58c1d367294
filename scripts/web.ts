/**
 * `npm run web`: one production web node (`next start` on the built app, `npm run build`
 * first), binding HOST:PORT. Run as many as you like behind a load balancer, against one
 * DATABASE_URL and one TEMPORAL_ADDRESS. No dev tooling starts here; migrations are a
 * release step (`npm run db:migrate`), and a node refuses to start before they ran.
 */
import 'dotenv/config';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, EnvError } from '../lib/platform/config/env';
import { requireDatabaseUrl } from '../lib/platform/db/database-url';
import { MigrationError } from '../lib/platform/db/migrations/apply-migrations';
import { assertMigrated } from '../lib/platform/db/migrations/assert-migrated';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<number> {
  const config = env();
  await assertMigrated(requireDatabaseUrl(config), path.join(ROOT, 'prisma', 'migrations'));
  const next = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-H', config.HOST, '-p', String(config.PORT)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // The platform's stop signal reaches next, which finishes in-flight requests.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
  return new Promise((resolve) => next.once('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const expected = error instanceof EnvError || error instanceof MigrationError;
    console.error(expected ? error.message : error);
    process.exitCode = 1;
  },
);
