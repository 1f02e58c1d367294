import type { DbClient } from '../../platform/db/client';
import { hasRole, isRole, type Role } from '../../core/roles';
import type { NotifyEvent } from './notify-event';

/**
 * Who is told about an event: the one place that decides it. Disabled people never are; the
 * person who acted is not told about their own act. Conversation events go to its owner, or
 * to the whole team while nobody owns it; autonomy and digests go to managers.
 */
export async function recipientsOf(event: NotifyEvent, db: DbClient): Promise<string[]> {
  switch (event.kind) {
    case 'mention':
      return enabled(event.mentionedUserIds.filter((id) => id !== event.authorId), db);
    case 'assignment':
      return event.assigneeId === event.actorId ? [] : enabled([event.assigneeId], db);
    case 'escalation':
    case 'needs_person':
    case 'sla_reminder':
    case 'sla_breach':
      return ownerOrTeam(event.conversationId, db);
    case 'demotion':
      return withRole('manager', db);
    case 'digest':
      return event.userIds ? enabled(event.userIds, db) : withRole('manager', db);
  }
}

async function enabled(ids: string[], db: DbClient): Promise<string[]> {
  if (ids.length === 0) return [];
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] }, disabledAt: null }, select: { id: true, role: true } });
  return users.filter((user) => isRole(user.role)).map((user) => user.id);
}

async function withRole(minRole: Role, db: DbClient): Promise<string[]> {
  const users = await db.user.findMany({ where: { disabledAt: null }, select: { id: true, role: true }, orderBy: { createdAt: 'asc' } });
  return users.filter((user) => isRole(user.role) && hasRole({ role: user.role }, minRole)).map((user) => user.id);
}

async function ownerOrTeam(conversationId: string, db: DbClient): Promise<string[]> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { assigneeId: true } });
  if (conversation?.assigneeId) {
    const owner = await enabled([conversation.assigneeId], db);
    if (owner.length > 0) return owner;
  }
  return withRole('agent', db);
}
