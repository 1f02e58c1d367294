import type { Db } from '../../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import { getDb } from '../../platform/db';

export interface RevokeApiTokenOptions {
  id: string;
  actorId: string;
}

/** Revokes a token at once; revoking twice is a no-op. Returns false for an unknown id. */
export async function revokeApiToken({ id, actorId }: RevokeApiTokenOptions, db: Db = getDb()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { name: true, prefix: true, revokedAt: true } });
    if (!token) return false;
    if (token.revokedAt) return true;
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id }, data: { revokedAt } });
    await recordAudit({
      actorId,
      action: 'api_token.revoke',
      target: `api_token:${id}`,
      before: { name: token.name, prefix: token.prefix, revokedAt: null },
      after: { name: token.name, prefix: token.prefix, revokedAt: revokedAt.toISOString() },
    }, tx);
    return true;
  });
}
