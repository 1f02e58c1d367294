import type { Db } from '../../platform/db/client';
import type { Role } from '../../core/roles';
import { recordAudit } from '../audit/record-audit';
import { assertAnotherAdminRemains } from './last-admin';
import { UserError } from './user-error';
import { getDb } from '../../platform/db';

export interface UpdateUserOptions {
  userId: string;
  name: string;
  role: Role;
  actorId: string;
}

/**
 * An admin renames someone or changes their role, audited with before and after. Taking the
 * admin role from the last enabled admin is refused. Returns whether the role changed (running
 * conversations must then learn the new roster).
 */
export async function updateUser({ userId, name, role, actorId }: UpdateUserOptions, db: Db = getDb()): Promise<{ roleChanged: boolean }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, role: true, disabledAt: true } });
    if (!user) throw new UserError('not_found');
    if (user.name === name && user.role === role) return { roleChanged: false };
    if (user.role === 'admin' && role !== 'admin' && !user.disabledAt) await assertAnotherAdminRemains(userId, tx);
    await tx.user.update({ where: { id: userId }, data: { name, role } });
    await recordAudit({ actorId, action: 'user.update', target: `user:${userId}`, before: { name: user.name, role: user.role }, after: { name, role } }, tx);
    return { roleChanged: user.role !== role };
  });
}
