import type { DbClient } from '../../platform/db/client';
import { toSessionUser, type SessionUser } from '../users/session-user';
import { hashApiToken, looksLikeApiToken } from './token-secret';
import { getDb } from '../../platform/db';

// Writing lastUsedAt on every request would turn every API read into a write on one hot row.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The user a presented token acts as, or null if it is malformed, unknown, revoked, or its
 * user is disabled. Lookup is by hash, so no comparison ever touches the raw secret.
 */
export async function verifyApiToken(token: string, db: DbClient = getDb()): Promise<SessionUser | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  const user = toSessionUser(row.user);
  if (!user) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return user;
}
