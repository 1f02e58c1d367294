import type { Env } from '../../platform/config/env';
import { createDb, type Db } from '../../platform/db/client';
import { createdAdminLine } from './created-admin-line';
import { ensureBootstrapAdmin, type BootstrapAdminResult } from './ensure-bootstrap-admin';

/** The first-run variables (.env.example, README "Several machines"): read by every entry, acted on once. */
export type FirstRunConfig = Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'ADMIN_NAME'>;


/** An open client, or a URL to open (and close again) a one-connection client for. */
export type FirstRunOptions = {
  config: FirstRunConfig;
  /** Where to say what happened; each entry prefixes its own name. */
  log: (line: string) => void;
} & ({ db: Db } | { databaseUrl: string });

/**
 * What every process entry (`npm start`, `npm run web`, `npm run worker`, `db:migrate`,
 * `user:create`, `db:import-sqlite`) does once the schema is in place: creates the first admin
 * from ADMIN_EMAIL / ADMIN_PASSWORD while nobody exists. Idempotent, and safe with several
 * nodes starting at once.
 */
export async function applyFirstRun(options: FirstRunOptions): Promise<BootstrapAdminResult> {
  const { config, log } = options;
  const owned = !('db' in options);
  const db = 'db' in options ? options.db : createDb(options.databaseUrl, { poolSize: 1 });
  try {
    const result = await ensureBootstrapAdmin(config, db);
    if (result.created) log(createdAdminLine(result.email));
    if (!result.created && result.reason === 'not_configured') {
      log('no users yet: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run user:create -- --role admin ...`, to be able to sign in');
    }
    return result;
  } finally {
    if (owned) await db.$disconnect();
  }
}
