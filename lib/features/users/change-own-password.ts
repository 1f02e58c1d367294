import { verifyPassword } from 'better-auth/crypto';
import type { Db } from '../../platform/db/client';
import { setUserPassword } from './set-user-password';
import { UserError } from './user-error';
import { getDb } from '../../platform/db';

/**
 * Someone changes their own password: only with the current one (a session left open on a
 * shared computer must not be enough to take the account). Signs them out everywhere.
 */
export async function changeOwnPassword(input: { userId: string; currentPassword: string; newPassword: string }, db: Db = getDb()): Promise<void> {
  const account = await db.account.findFirst({ where: { userId: input.userId, providerId: 'credential' }, select: { password: true } });
  if (!account?.password) throw new UserError('no_password');
  if (!(await verifyPassword({ hash: account.password, password: input.currentPassword }))) throw new UserError('wrong_password');
  await setUserPassword({ userId: input.userId, password: input.newPassword, actorId: input.userId }, db);
}
