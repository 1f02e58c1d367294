import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../../platform/db/client';
import type { Env } from '../../platform/config/env';
import { insertUser } from './create-user';
import { getDb } from '../../platform/db';

export type BootstrapAdminConfig = Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'ADMIN_NAME'>;

export type BootstrapAdminResult =
  | { created: true; email: string }
  | { created: false; reason: 'users_exist' | 'not_configured' };

/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, but only while nobody exists:
 * later starts never overwrite a password an admin has since changed. Every process entry
 * calls it on start, so several nodes may race here: a transaction-scoped advisory lock lets
 * one decide while the others wait, then find the admin it made.
 */
export async function ensureBootstrapAdmin(config: BootstrapAdminConfig, db: Db = getDb()): Promise<BootstrapAdminResult> {
  if ((await db.user.count()) > 0) return { created: false, reason: 'users_exist' };
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return { created: false, reason: 'not_configured' };
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = config;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx): Promise<BootstrapAdminResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('countersign:bootstrap-admin'))`;
    if ((await tx.user.count()) > 0) return { created: false, reason: 'users_exist' };
    const user = await insertUser({ email, name: config.ADMIN_NAME, role: 'admin', password, actorId: null }, passwordHash, tx);
    return { created: true, email: user.email };
  });
}
