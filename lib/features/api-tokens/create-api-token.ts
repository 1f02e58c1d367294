import type { Db } from '../../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import { UserError } from '../users/user-error';
import { generateApiToken } from './token-secret';
import { getDb } from '../../platform/db';

export interface CreateApiTokenOptions {
  name: string;
  /** The user the token acts as (its role decides what it may do). */
  userId: string;
  actorId: string;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  /** Returned once; only its hash is kept. */
  token: string;
}

export async function createApiToken(options: CreateApiTokenOptions, db: Db = getDb()): Promise<CreatedApiToken> {
  const { token, prefix, tokenHash } = generateApiToken();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId }, select: { disabledAt: true } });
    // A token for a disabled user would never verify; refuse it instead of minting a dud.
    if (!user || user.disabledAt) throw new UserError('not_found');
    const row = await tx.apiToken.create({
      data: { name: options.name, userId: options.userId, tokenHash, prefix },
      select: { id: true, name: true, prefix: true },
    });
    await recordAudit({
      actorId: options.actorId,
      action: 'api_token.create',
      target: `api_token:${row.id}`,
      after: { name: row.name, prefix: row.prefix, userId: options.userId },
    }, tx);
    return { ...row, token };
  });
}
