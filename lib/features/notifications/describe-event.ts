import type { DbClient } from '../../platform/db/client';
import type { Notice, NotifyEvent } from './notify-event';

const conversationHref = (id: string) => `/conversations/${encodeURIComponent(id)}`;

/**
 * The words of a notice: the same for every recipient. Subjects and customer text are
 * quoted as data, never as markup (the bell renders text; the webhook sends plain text).
 */
export async function describeEvent(event: NotifyEvent, db: DbClient): Promise<Notice> {
  switch (event.kind) {
    case 'mention': {
      const [subject, author] = await Promise.all([subjectOf(event.conversationId, db), nameOf(event.authorId, db)]);
      return { title: `${author} mentioned you on “${subject}”`, body: event.excerpt, href: conversationHref(event.conversationId), conversationId: event.conversationId, dedupeKey: `mention:${event.noteId}` };
    }
    case 'assignment': {
      const [subject, actor] = await Promise.all([subjectOf(event.conversationId, db), event.actorId ? nameOf(event.actorId, db) : Promise.resolve('Round-robin')]);
      return {
        title: `${actor} assigned you “${subject}”`,
        body: 'It is in your Mine queue.',
        href: conversationHref(event.conversationId),
        conversationId: event.conversationId,
        dedupeKey: `assignment:${event.conversationId}:${event.key ?? crypto.randomUUID()}`,
      };
    }
    case 'escalation': {
      const subject = await subjectOf(event.conversationId, db);
      return {
        title: `Escalated: “${subject}”`,
        body: `No one has decided draft v${event.draftVersion} within ${event.waitedMinutes} minutes.`,
        href: conversationHref(event.conversationId),
        conversationId: event.conversationId,
        dedupeKey: `escalation:${event.conversationId}:v${event.draftVersion}`,
      };
    }
    case 'needs_person': {
      const subject = await subjectOf(event.conversationId, db);
      return { title: `Needs a person: “${subject}”`, body: event.reason, href: conversationHref(event.conversationId), conversationId: event.conversationId, dedupeKey: `needs_person:${event.conversationId}:${event.key}` };
    }
    case 'sla_reminder':
    case 'sla_breach': {
      const subject = await subjectOf(event.conversationId, db);
      const breach = event.kind === 'sla_breach';
      return {
        title: `${breach ? 'Overdue' : 'Due soon'}: “${subject}”`,
        body: `The reply ${breach ? 'was' : 'is'} due at ${event.dueAt}.`,
        href: conversationHref(event.conversationId),
        conversationId: event.conversationId,
        dedupeKey: `${event.kind}:${event.conversationId}:${event.key ?? event.dueAt}`,
      };
    }
    case 'demotion':
      return { title: `Auto-send switched off for “${event.category}”`, body: event.summary, href: '/overview', conversationId: null, dedupeKey: `demotion:${event.category}:${event.at}` };
    case 'digest':
      return { title: event.title, body: event.body, href: '/overview', conversationId: null, dedupeKey: `digest:${event.date}` };
  }
}

async function subjectOf(conversationId: string, db: DbClient): Promise<string> {
  const row = await db.conversation.findUnique({ where: { id: conversationId }, select: { subject: true } });
  return (row?.subject || '(no subject)').slice(0, 200);
}

async function nameOf(userId: string, db: DbClient): Promise<string> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  return row?.name ?? 'Someone';
}
