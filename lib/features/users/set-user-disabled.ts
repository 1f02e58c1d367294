import type { Db } from '../../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import { UserError } from './user-error';
import { assertAnotherAdminRemains } from './last-admin';
import { getDb } from '../../platform/db';

export interface SetUserDisabledOptions {
  userId: string;
  disabled: boolean;
  actorId: string;
}

/**
 * Disables or re-enables a user. Disabling deletes their sessions in the same transaction,
 * so they are signed out on their next request; their API tokens stop verifying too.
 */
export async function setUserDisabled({ userId, disabled, actorId }: SetUserDisabledOptions, db: Db = getDb()): Promise<void> {
  if (disabled && userId === actorId) throw new UserError('cannot_disable_self');
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true, role: true } });
    if (!user) throw new UserError('not_found');
    if (Boolean(user.disabledAt) === disabled) return;
    if (disabled && user.role === 'admin') await assertAnotherAdminRemains(userId, tx);
    const disabledAt = disabled ? new Date() : null;
    await tx.user.update({ where: { id: userId }, data: { disabledAt } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await recordAudit({
      actorId,
      action: disabled ? 'user.disable' : 'user.enable',
      target: `user:${userId}`,
      before: { disabledAt: user.disabledAt?.toISOString() ?? null },
      after: { disabledAt: disabledAt?.toISOString() ?? null },
    }, tx);
  });
}
