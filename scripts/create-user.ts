/**
 * Creates a user from the command line (the first admin, or anyone without the admin UI):
 *   npm run user:create -- --email a@b.c --name "Ada" --role admin --password '...'
 * Omit --password to be prompted on a terminal, or pipe it on stdin; a password in argv
 * is visible to `ps` and shell history.
 */
import 'dotenv/config';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { env } from '../lib/platform/config/env';
import { createDb } from '../lib/platform/db/client';
import { toolDatabaseUrl } from '../lib/platform/db/tool-database-url';
import { createUserSchema } from '../lib/features/users/schema';
import { createUser } from '../lib/features/users/create-user';
import { UserError } from '../lib/features/users/user-error';
import { applyFirstRun } from '../lib/features/users/first-run';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let piped = '';
    for await (const chunk of process.stdin) piped += String(chunk);
    return piped.trim();
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question('Password: ')).trim();
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'agent' },
      password: { type: 'string' },
    },
  });
  const parsed = createUserSchema.safeParse({ ...values, password: values.password ?? (await readPassword()) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const config = env();
  const db = createDb(toolDatabaseUrl(config), { poolSize: 1 });
  try {
    // The first admin from ADMIN_EMAIL / ADMIN_PASSWORD comes first, as at every entry; it is
    // not configured here when this command is how the first admin is made.
    const first = await applyFirstRun({ config, db, log: () => undefined });
    if (first.created) console.log(`Created the first admin ${first.email} from ADMIN_EMAIL / ADMIN_PASSWORD.`);
    const user = await createUser({ ...parsed.data, actorId: null }, db);
    console.log(`Created ${user.role} ${user.email} (${user.id}).`);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
