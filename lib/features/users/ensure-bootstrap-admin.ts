import type { Db } from '../../platform/db/client';
import type { Env } from '../../platform/config/env';
import { createUser } from './create-user';
import { getDb } from '../../platform/db';

export type BootstrapAdminConfig = Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'ADMIN_NAME'>;

export type BootstrapAdminResult =
  | { created: true; email: string }
  | { created: false; reason: 'users_exist' | 'not_configured' };

/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, but only while nobody exists:
 * later starts never overwrite a password an admin has since changed.
 */
export async function ensureBootstrapAdmin(config: BootstrapAdminConfig, db: Db = getDb()): Promise<BootstrapAdminResult> {
  if ((await db.user.count()) > 0) return { created: false, reason: 'users_exist' };
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return { created: false, reason: 'not_configured' };
  const user = await createUser({
    email: config.ADMIN_EMAIL,
    name: config.ADMIN_NAME,
    role: 'admin',
    password: config.ADMIN_PASSWORD,
    actorId: null,
  }, db);
  return { created: true, email: user.email };
}
