import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { readStackFile } from '../../support/stack-file';
import { adminQuery } from '../../support/temp-db';
import { withDatabaseName } from '../../../lib/platform/db/database-url';
import { compileEntries } from '../../../devstack/compile-entries';
import { supervisorNodeArgs } from '../../../devstack/supervisor-command';

export interface RunningStack {
  baseUrl: string;
  /** The mail catcher's HTTP API: what the stack "sent". */
  mailUrl: string;
  /** The Claude simulator's base URL (its /__simulator control routes inject faults). */
  claudeUrl: string;
  dataDir: string;
  /** The stack's own database (with its password), for assertions on what it stored. */
  databaseUrl: string;
  /** The provider webhooks' credentials the stack was started with. */
  webhooks: { postmarkUser: string; postmarkPassword: string; sendgridToken: string; mailgunSigningKey: string };
  /** Everything the stack printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
// Local stand-ins are chosen when these are unset, so the inherited values must go.
const CLEARED = ['DATABASE_URL', 'APP_URL', 'TEMPORAL_ADDRESS', 'ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'SMTP_URL', 'MAILCATCHER_URL', 'MAILCATCHER_DIR'];


/** Every port `npm start` binds: 0 lets the OS (or the stack, for what cannot bind 0) choose. */
const PORTS = ['PORT', 'TEMPORAL_DEV_PORT', 'TEMPORAL_DEV_UI_PORT', 'CLAUDE_SIMULATOR_PORT', 'MAILCATCHER_SMTP_PORT', 'MAILCATCHER_HTTP_PORT'];

/**
 * `npm start` (tsx devstack/start.ts) on ports it chooses, with a throw-away data directory
 * and an empty database of its own on the test run's PostgreSQL (DATABASE_URL set, as in
 * production: the stack migrates it and starts no database of its own);
 * resolved once the stack reports where it listens and the web app answers. The stack builds
 * Next on first use: allow minutes.
 */
export async function startStack({ timeoutMs = 540_000, env: extraEnv = {} }: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunningStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'countersign-e2e-'));
  const adminUrl = inject('databaseAdminUrl');
  const database = `countersign_e2e_${path.basename(dataDir).replace(/\W/g, '_').toLowerCase()}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);
  const databaseUrl = withDatabaseName(adminUrl, database);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DATA_DIR: dataDir };
  for (const name of CLEARED) delete env[name];
  env.DATABASE_URL = databaseUrl;
  for (const name of PORTS) env[name] = '0';
  // Every provider webhook is on, so the auth sweep meets each one's real check.
  const webhooks = {
    postmarkUser: 'postmark',
    postmarkPassword: randomBytes(16).toString('hex'),
    sendgridToken: randomBytes(16).toString('hex'),
    mailgunSigningKey: randomBytes(16).toString('hex'),
  };
  env.POSTMARK_INBOUND_USER = webhooks.postmarkUser;
  env.POSTMARK_INBOUND_PASSWORD = webhooks.postmarkPassword;
  env.SENDGRID_PARSE_TOKEN = webhooks.sendgridToken;
  env.MAILGUN_SIGNING_KEY = webhooks.mailgunSigningKey;
  Object.assign(env, extraEnv);

  let output = '';
  // As `npm start` runs it (package.json): the entries compiled, then the compiled supervisor.
  await compileEntries();
  const child: ChildProcess = spawn(process.execPath, supervisorNodeArgs(), { cwd: ROOT, env, detached: true });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the stack exited with code ${child.exitCode}:\n${output.slice(-4000)}`);
    }
    // The stack writes stack.json once everything is up, with the ports it chose.
    const stack = readStackFile(dataDir);
    const ready = stack && (await fetch(`${stack.webUrl}/sign-in`, { redirect: 'manual' }).then((r) => r.status === 200, () => false));
    if (stack && ready) return { baseUrl: stack.webUrl, mailUrl: stack.mailUrl ?? '', claudeUrl: stack.claudeBaseUrl ?? '', dataDir, databaseUrl, webhooks, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  await stop();
  throw new Error(`the web app did not answer within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
}
