import type { DbClient } from '../../platform/db/client';
import type { AgentRole } from '../../core/contract';
import { getDb } from '../../platform/db';

const SUPPORT_ROLES = new Set<string>(['agent', 'manager', 'admin']);

/** Everyone who may decide drafts, by user id: what conversation workflows validate against. */
export async function loadSupportRoster(db: DbClient = getDb()): Promise<Record<string, AgentRole>> {
  const users = await db.user.findMany({ where: { disabledAt: null }, select: { id: true, role: true } });
  return Object.fromEntries(users.filter((user) => SUPPORT_ROLES.has(user.role)).map((user) => [user.id, user.role as AgentRole]));
}
