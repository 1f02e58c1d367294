import { z } from 'zod';
import type { Actor } from '../../core/contract';
import { hasRole, roleSchema } from '../../core/roles';
import { getDb, type Db, type DbClient } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { SettingsError } from '../settings/settings-error';

export const TWO_FACTOR_POLICY_KEY = 'two_factor_policy';

/** The roles whose password accounts must use two-factor sign-in (an admin's choice). */
export const twoFactorPolicySchema = z.object({ requiredFor: z.array(roleSchema).max(3) });
export type TwoFactorPolicy = z.output<typeof twoFactorPolicySchema>;

/** The admin form: one checkbox per role (`requiredFor` repeated). */
export const twoFactorPolicyFormSchema = z.object({
  requiredFor: z.preprocess((value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]), z.array(roleSchema).max(3)),
});

export async function getTwoFactorPolicy(db: DbClient = getDb()): Promise<TwoFactorPolicy> {
  const row = await db.setting.findUnique({ where: { key: TWO_FACTOR_POLICY_KEY } });
  const parsed = twoFactorPolicySchema.safeParse(row?.value ?? { requiredFor: [] });
  // Fail closed: an unreadable policy requires two-factor of everyone.
  return parsed.success ? parsed.data : { requiredFor: ['agent', 'manager', 'admin'] };
}

export async function updateTwoFactorPolicy(actor: Actor, policy: TwoFactorPolicy, db: Db = getDb()): Promise<TwoFactorPolicy> {
  if (!hasRole(actor, 'admin')) throw new SettingsError('forbidden', 'Only admins can require two-factor sign-in.');
  const value = { requiredFor: [...new Set(policy.requiredFor)] };
  return db.$transaction(async (tx) => {
    const before = await getTwoFactorPolicy(tx);
    await tx.setting.upsert({ where: { key: TWO_FACTOR_POLICY_KEY }, create: { key: TWO_FACTOR_POLICY_KEY, value }, update: { value } });
    await recordAudit({ actorId: actor.id, action: 'settings.two_factor_policy', target: 'setting:two_factor_policy', before, after: value }, tx);
    return value;
  });
}
