import { getDb, type Db } from '../../platform/db';
import type { DbClient } from '../../platform/db/client';
import { recordAudit } from '../audit/record-audit';

/** Whether this person takes round-robin turns (the toggle on their account page). */
export async function isAvailable(userId: string, db: DbClient | Db = getDb()): Promise<boolean> {
  const row = await db.agentAvailability.findUnique({ where: { userId } });
  return row?.available ?? false;
}

export async function setAvailability(userId: string, available: boolean, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.agentAvailability.upsert({ where: { userId }, create: { userId, available }, update: { available } });
    await recordAudit({ actorId: userId, action: available ? 'user.available' : 'user.unavailable', target: `user:${userId}` }, tx);
  });
}
