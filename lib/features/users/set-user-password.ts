import { hashPassword } from 'better-auth/crypto';
import { generateId } from 'better-auth';
import type { Db } from '../../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import { getDb } from '../../platform/db';

export interface SetUserPasswordOptions {
  userId: string;
  password: string;
  actorId: string | null;
}

/** Replaces a user's password and signs them out everywhere. */
export async function setUserPassword({ userId, password, actorId }: SetUserPasswordOptions, db: Db = getDb()): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const existing = await tx.account.findFirst({ where: { userId, providerId: 'credential' }, select: { id: true } });
    if (existing) await tx.account.update({ where: { id: existing.id }, data: { password: passwordHash } });
    else {
      await tx.account.create({
        data: { id: generateId(), accountId: userId, providerId: 'credential', userId, password: passwordHash },
      });
    }
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit({ actorId, action: 'user.password_set', target: `user:${userId}` }, tx);
  });
}
