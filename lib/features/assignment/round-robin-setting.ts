import { z } from 'zod';
import { getDb, type Db } from '../../platform/db';
import type { DbClient } from '../../platform/db/client';
import { recordAudit } from '../audit/record-audit';

export const ROUND_ROBIN_KEY = 'round_robin';
const settingSchema = z.object({ enabled: z.boolean() });

/** Whether new conversations are given out in turn to available agents; off until a manager turns it on. */
export async function isRoundRobinEnabled(db: DbClient | Db = getDb()): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: ROUND_ROBIN_KEY } });
  return roundRobinEnabledIn(row?.value);
}

/** The setting's stored value (absent or malformed: off), for a caller that read the row itself. */
export function roundRobinEnabledIn(value: unknown): boolean {
  const parsed = settingSchema.safeParse(value);
  return parsed.success && parsed.data.enabled;
}

export async function setRoundRobinEnabled(enabled: boolean, actorId: string, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await isRoundRobinEnabled(tx);
    await tx.setting.upsert({ where: { key: ROUND_ROBIN_KEY }, create: { key: ROUND_ROBIN_KEY, value: { enabled }, updatedBy: actorId }, update: { value: { enabled }, updatedBy: actorId } });
    await recordAudit({ actorId, action: 'settings.round_robin.update', target: `setting:${ROUND_ROBIN_KEY}`, before: { enabled: before }, after: { enabled } }, tx);
  });
}
