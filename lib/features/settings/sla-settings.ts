import type { Db, DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import type { Actor } from '../../core/contract';
import { hasRole } from '../../core/roles';
import { DEFAULT_SLA_POLICY, slaPolicySchema, type SlaPolicy } from '../../core/sla/sla-policy';
import { DEFAULT_SCHEDULE_TIMES, scheduleTimesSchema, type ScheduleTimes } from '../../core/schedules';
import { recordAudit } from '../audit/record-audit';
import { SettingsError } from './settings-error';

export const SLA_POLICY_KEY = 'sla_policy';
export const SCHEDULE_TIMES_KEY = 'schedule_times';

/**
 * The SLA policy in force (targets, business hours, holidays). Every SLA sweep reads it, so a
 * change reaches running conversations at the next sweep. A row nobody can read falls back to
 * the defaults rather than silencing reminders.
 */
export async function getSlaPolicy(db: DbClient = getDb()): Promise<SlaPolicy> {
  const row = await db.setting.findUnique({ where: { key: SLA_POLICY_KEY } });
  const saved = row ? slaPolicySchema.safeParse(row.value) : undefined;
  return saved?.success ? saved.data : DEFAULT_SLA_POLICY;
}

/** When the scheduled work runs; applied to the Temporal Schedules at worker start and on save. */
export async function getScheduleTimes(db: DbClient = getDb()): Promise<ScheduleTimes> {
  const row = await db.setting.findUnique({ where: { key: SCHEDULE_TIMES_KEY } });
  // Times saved before a job existed read that job's default.
  const saved = row ? scheduleTimesSchema.safeParse({ ...DEFAULT_SCHEDULE_TIMES, ...(row.value as object) }) : undefined;
  return saved?.success ? saved.data : DEFAULT_SCHEDULE_TIMES;
}

export async function updateSlaPolicy(actor: Actor, next: SlaPolicy, db: Db = getDb()): Promise<SlaPolicy> {
  return saveSetting(actor, SLA_POLICY_KEY, slaPolicySchema.parse(next), () => getSlaPolicy(db), db);
}

export async function updateScheduleTimes(actor: Actor, next: ScheduleTimes, db: Db = getDb()): Promise<ScheduleTimes> {
  return saveSetting(actor, SCHEDULE_TIMES_KEY, scheduleTimesSchema.parse(next), () => getScheduleTimes(db), db);
}

async function saveSetting<T extends object>(actor: Actor, key: string, after: T, current: () => Promise<T>, db: Db): Promise<T> {
  if (!hasRole(actor, 'manager')) throw new SettingsError('forbidden', 'Only managers can change SLA and schedule settings.');
  const before = await current();
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key },
      create: { key, value: { ...after }, updatedBy: actor.id },
      update: { value: { ...after }, updatedBy: actor.id },
    });
    await recordAudit({ actorId: actor.id, action: `settings.${key}.update`, target: `setting:${key}`, before: { ...before }, after: { ...after } }, tx);
  });
  return after;
}
