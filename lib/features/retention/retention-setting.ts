import { z } from 'zod';
import type { Actor } from '../../core/contract';
import { hasRole } from '../../core/roles';
import type { Db, DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { SettingsError } from '../settings/settings-error';

export const RETENTION_KEY = 'retention';

/** Days after a conversation's last message when the retention schedule deletes it; null: keep forever. */
export const retentionSchema = z.object({ days: z.number().int().min(1).max(36_500).nullable() });
export type Retention = z.infer<typeof retentionSchema>;

/** The settings form: an empty field turns retention off. */
export const retentionFormSchema = z.object({
  days: z.preprocess((value) => (value === '' || value === undefined ? null : Number(value)), z.number().int('Whole days').min(1, 'At least 1 day').max(36_500).nullable()),
});

/** Off until a manager sets it: deleting customers' mail is never a default. */
export async function getRetention(db: DbClient = getDb()): Promise<Retention> {
  const row = await db.setting.findUnique({ where: { key: RETENTION_KEY } });
  const saved = retentionSchema.safeParse(row?.value);
  // An unreadable row deletes nothing: failing open here would destroy mail.
  return saved.success ? saved.data : { days: null };
}

/** A manager's change, audited with before and after in the same transaction. */
export async function updateRetention(actor: Actor, next: Retention, db: Db = getDb()): Promise<Retention> {
  if (!hasRole(actor, 'manager')) throw new SettingsError('forbidden', 'Only managers can change retention.');
  const value = retentionSchema.parse(next);
  return db.$transaction(async (tx) => {
    const before = await getRetention(tx);
    await tx.setting.upsert({ where: { key: RETENTION_KEY }, create: { key: RETENTION_KEY, value, updatedBy: actor.id }, update: { value, updatedBy: actor.id } });
    await recordAudit({ actorId: actor.id, action: 'settings.retention.update', target: `setting:${RETENTION_KEY}`, before, after: value }, tx);
    return value;
  });
}
