import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import type { PresenceState, PresentPerson } from '../../core/team/presence';

/**
 * Who is on each of these conversations now, one entry per person (their tabs folded:
 * writing in any tab counts as writing), writers first. Expired rows are left out even before
 * a heartbeat sweeps them.
 */
export async function listPresence(conversationIds: string[], db: DbClient = getDb(), now = new Date()): Promise<Map<string, PresentPerson[]>> {
  const result = new Map<string, PresentPerson[]>();
  if (conversationIds.length === 0) return result;
  const rows = await db.conversationPresence.findMany({ where: { conversationId: { in: conversationIds }, expiresAt: { gt: now } } });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.userId))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  const folded = new Map<string, PresentPerson & { conversationId: string }>();
  for (const row of rows) {
    const key = `${row.conversationId} ${row.userId}`;
    const seen = folded.get(key);
    const state: PresenceState = seen?.state === 'writing' || row.state === 'writing' ? 'writing' : 'viewing';
    const expiresAt = seen && seen.expiresAt > row.expiresAt.toISOString() ? seen.expiresAt : row.expiresAt.toISOString();
    folded.set(key, { conversationId: row.conversationId, userId: row.userId, name: names.get(row.userId) ?? 'Someone', state, expiresAt });
  }
  for (const { conversationId, ...person } of folded.values()) {
    const list = result.get(conversationId) ?? [];
    list.push(person);
    result.set(conversationId, list);
  }
  for (const list of result.values()) list.sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === 'writing' ? -1 : 1));
  return result;
}
