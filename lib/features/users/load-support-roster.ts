import type { DbClient } from '../../platform/db/client';
import type { AgentRole } from '../../core/contract';
import { getDb } from '../../platform/db';

const SUPPORT_ROLES = new Set<string>(['agent', 'manager', 'admin']);

/** Everyone who may decide drafts, by user id: what conversation workflows validate against. */
export async function loadSupportRoster(db: DbClient = getDb()): Promise<Record<string, AgentRole>> {
  return supportRosterOf(await db.user.findMany({ where: { disabledAt: null }, select: { id: true, role: true } }));
}

/** The roster from the enabled users' ids and roles: everyone with a support role. */
export function supportRosterOf(users: readonly { id: string; role: string }[]): Record<string, AgentRole> {
  return Object.fromEntries(users.filter((user) => SUPPORT_ROLES.has(user.role)).map((user) => [user.id, user.role as AgentRole]));
}
