import type { DbClient } from '../../platform/db/client';
import { isRole } from '../../core/roles';
import { AssignmentError } from './assignment-error';

export interface AssignableUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The person a conversation may be given to: a known, enabled user with a dashboard role.
 * The one check behind "assign", "take" and round-robin.
 */
export async function requireAssignableUser(userId: string, db: DbClient): Promise<AssignableUser> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, disabledAt: true } });
  if (!user || !isRole(user.role)) throw new AssignmentError('unknown_user', 'No such person: the conversation was not assigned.');
  if (user.disabledAt) throw new AssignmentError('disabled_user', `${user.name} is disabled and cannot be assigned conversations.`);
  return { id: user.id, name: user.name, email: user.email };
}
