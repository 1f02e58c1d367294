import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string | null;
  createdAt: Date;
  read: boolean;
  /** Copies by email or webhook that failed, with why. */
  failedCopies: { channel: string; error: string }[];
}

/** The bell's number: unread notices of one person (an index range). */
export async function countUnread(userId: string, db: DbClient = getDb()): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** One person's notices, newest first. */
export async function listNotifications(userId: string, options: { limit?: number } = {}, db: DbClient = getDb()): Promise<NotificationView[]> {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(options.limit ?? 100, 500),
    include: { deliveries: { where: { status: 'failed' }, select: { channel: true, error: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    href: row.href,
    createdAt: row.createdAt,
    read: row.readAt !== null,
    failedCopies: row.deliveries.map((delivery) => ({ channel: delivery.channel, error: delivery.error ?? 'failed' })),
  }));
}
