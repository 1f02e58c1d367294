import type { NotificationKind } from '../../core/team/notification-kinds';

/**
 * What `notify` is told, one shape per kind. Ids only: the notifier reads the subject and
 * the people itself, so a caller needs nothing but the fact. `key` (where present) names the
 * occurrence: the same event notified twice (a retried activity) reaches nobody twice.
 */
export type NotifyEvent =
  | { kind: 'mention'; conversationId: string; noteId: string; authorId: string; mentionedUserIds: string[]; excerpt: string }
  | { kind: 'assignment'; conversationId: string; assigneeId: string; actorId: string | null; key?: string }
  | { kind: 'escalation'; conversationId: string; draftVersion: number; waitedMinutes: number }
  | { kind: 'needs_person'; conversationId: string; reason: string; key: string }
  | { kind: 'sla_reminder'; conversationId: string; dueAt: string; key?: string }
  | { kind: 'sla_breach'; conversationId: string; dueAt: string; key?: string }
  | { kind: 'demotion'; category: string; summary: string; at: string }
  | { kind: 'digest'; title: string; body: string; date: string; userIds?: string[] };

/** The event of one kind. */
export type NotifyEventOf<K extends NotificationKind> = Extract<NotifyEvent, { kind: K }>;

/** One person's notice, as stored and sent. */
export interface Notice {
  title: string;
  body: string;
  /** A path in the dashboard, e.g. `/conversations/conv-…`. */
  href: string | null;
  conversationId: string | null;
  dedupeKey: string;
}
