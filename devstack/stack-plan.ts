import path from 'node:path';
import type { Env } from '../lib/platform/config/env';
import type { Secrets } from './secrets';

/** Which local stand-ins `npm start` runs, decided once from the validated configuration. */
export interface StackPlan {
  dev: boolean;
  dataDir: string;
  /** No DATABASE_URL: run an embedded PostgreSQL under DATA_DIR/postgres. */
  embeddedPostgres: boolean;
  /** No TEMPORAL_ADDRESS: run `temporal server start-dev`. */
  localTemporal: boolean;
  /** No ANTHROPIC_API_KEY: run the offline Claude simulator. */
  simulator: boolean;
  /** No SMTP_URL: run the mail catcher and send mail there. */
  mailCatcher: boolean;
}

export const SIMULATOR_API_KEY = 'offline-simulator';
/** The first admin `npm start` creates while the users table is empty, unless ADMIN_EMAIL says otherwise. */
export const DEFAULT_ADMIN_EMAIL = 'admin@countersign.local';

export function planStack(config: Env, raw: NodeJS.ProcessEnv, options: { dev: boolean; root: string }): StackPlan {
  return {
    dev: options.dev,
    dataDir: path.resolve(options.root, config.DATA_DIR),
    embeddedPostgres: config.DATABASE_URL === undefined,
    localTemporal: config.TEMPORAL_ADDRESS === undefined,
    simulator: config.ANTHROPIC_API_KEY === undefined,
    // The schema defaults SMTP_URL, so "unset" is read from the raw environment.
    mailCatcher: !raw.SMTP_URL,
  };
}

/**
 * The environment every child gets: the user's own plus what the plan implies, so the worker
 * and the web app agree on secrets, the database and where Claude and SMTP are.
 */
export function childEnv(base: NodeJS.ProcessEnv, config: Env, plan: StackPlan, secrets: Secrets): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    DATA_DIR: plan.dataDir,
    INBOUND_SECRET: secrets.INBOUND_SECRET,
    AUTH_SECRET: secrets.AUTH_SECRET,
    ADMIN_EMAIL: config.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL,
    ADMIN_PASSWORD: secrets.ADMIN_PASSWORD,
    LANGFUSE_CUSTOMER_KEY_SECRET: secrets.LANGFUSE_CUSTOMER_KEY_SECRET,
    MAILBOX_SECRET_KEY: secrets.MAILBOX_SECRET_KEY,
  };
  // Where the embedded PostgreSQL, the simulator and the mail catcher listen is learned when
  // they start (a port of 0 lets the OS choose); startStack adds DATABASE_URL,
  // ANTHROPIC_BASE_URL, SMTP_URL and MAILCATCHER_URL then.
  if (plan.simulator) {
    env.ANTHROPIC_API_KEY = SIMULATOR_API_KEY;
    env.CLAUDE_SIMULATOR = 'true';
  }
  if (plan.mailCatcher) env.MAILCATCHER_DIR = config.MAILCATCHER_DIR ?? path.join(plan.dataDir, 'mail');
  return env;
}
