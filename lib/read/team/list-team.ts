import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { isRole } from '../../core/roles';

export interface TeamMember {
  id: string;
  name: string;
  email: string;
}

/** Everyone who may be assigned or mentioned: enabled people with a dashboard role, by name. */
export async function listTeam(db: DbClient = getDb()): Promise<TeamMember[]> {
  const users = await db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, email: true, role: true }, orderBy: { name: 'asc' } });
  return users.filter((user) => isRole(user.role)).map(({ id, name, email }) => ({ id, name, email }));
}

/** Display names by id, disabled people included (an old owner still has a name). */
export async function namesOf(ids: string[], db: DbClient = getDb()): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}
