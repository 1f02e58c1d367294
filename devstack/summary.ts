import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../lib/platform/config/env';
import pg from 'pg';
import { redactDatabaseUrl, requireDatabaseUrl } from '../lib/platform/db/database-url';
import { DEMO_EMAILS } from './demo-emails';
import type { Logger } from './log';
import { secretsPath } from './secrets';
import type { StartedStack } from './stack';
import type { StackPlan } from './stack-plan';

/** The closing banner: where everything is, and what to do first on an empty inbox. */
export async function printSummary(log: Logger, { config, createdAdmin }: StartedStack, plan: StackPlan): Promise<void> {
  const rows: [string, string][] = [['Dashboard', `http://localhost:${config.PORT}`]];
  if (plan.localTemporal) rows.push(['Temporal UI', config.TEMPORAL_UI_URL]);
  else rows.push(['Temporal', `${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE})`]);
  rows.push(
    plan.mailCatcher
      ? ['Mail outbox', `http://localhost:${config.MAILCATCHER_HTTP_PORT}`]
      : ['Mail', `sent through ${redact(config.SMTP_URL)}`],
  );
  rows.push([
    'Claude',
    plan.simulator ? 'OFFLINE SIMULATOR (set ANTHROPIC_API_KEY to use the real API)' : 'Anthropic API',
  ]);
  rows.push(['Database', `${redactDatabaseUrl(requireDatabaseUrl(config))}${plan.embeddedPostgres ? ' (embedded; password in secrets.env)' : ''}`]);
  rows.push(['Data', plan.dataDir]);
  if (createdAdmin) rows.push(['Sign in', `${createdAdmin}, password: ADMIN_PASSWORD in ${secretsPath(plan.dataDir)}`]);

  // Counted before the banner, so the banner prints as one block.
  const empty = (await conversationCount(config)) === 0;
  log.info('');
  log.info(`Countersign is running${plan.dev ? ' (dev mode: code changes reload)' : ''}`);
  for (const [label, value] of rows) log.info(`  ${label.padEnd(12)} ${value}`);
  if (empty) {
    log.info('');
    log.info(`The inbox is empty. In another terminal, run \`npm run demo\` to send ${DEMO_EMAILS.length} sample support emails.`);
    // Countersign kept its data in SQLite before it moved to PostgreSQL.
    const sqliteFile = path.join(plan.dataDir, 'countersign.db');
    if (existsSync(sqliteFile)) log.info(`Found ${sqliteFile} from an earlier (SQLite) version: \`npm run db:import-sqlite -- ${sqliteFile}\` brings it over.`);
  }
  log.info('Press Ctrl-C to stop.');
}

/**
 * node-postgres, not the app's Prisma client: the supervisor stays resident for the stack's life,
 * and loading Prisma's client and query compiler for one count would stay with it.
 */
async function conversationCount(config: Env): Promise<number> {
  const client = new pg.Client({ connectionString: requireDatabaseUrl(config) });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS "count" FROM "Conversation"');
    return rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}

// An SMTP URL may carry a password; the banner must not print it.
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
