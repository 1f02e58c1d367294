import { getDb, type Db } from '../../platform/db';

/** Marks one person's notices read: the ones named, or all of them. Another person's are untouched. */
export async function markNotificationsRead(input: { userId: string; ids?: string[] }, db: Db = getDb(), now = new Date()): Promise<number> {
  const result = await db.notification.updateMany({
    where: { userId: input.userId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: now },
  });
  return result.count;
}
