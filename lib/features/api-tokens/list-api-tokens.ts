import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  userEmail: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/** Every token, newest first; the hash never leaves the database layer. */
export async function listApiTokens(db: DbClient = getDb()): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      name: true,
      prefix: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
      user: { select: { email: true } },
    },
  });
  return rows.map(({ user, ...row }) => ({ ...row, userEmail: user.email }));
}
