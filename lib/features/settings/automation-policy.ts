import { env } from '../../platform/config/env';
import type { Db, DbClient } from '../../platform/db/client';
import type { Actor, AutomationPolicy } from '../../core/contract';
import { recordAudit } from '../audit/record-audit';
import { hasRole } from '../../core/roles';
import { automationPolicyPatchSchema, automationPolicySchema, type AutomationPolicyPatch } from '../../core/policy/automation-policy';
import { automationPolicyFromEnv } from './default-automation-policy';
import { automationPolicyOf } from './automation-policy-of';
import { SettingsError } from './settings-error';
import { getDb } from '../../platform/db';

export const AUTOMATION_POLICY_KEY = 'automation_policy';

export interface AutomationPolicyOptions {
  /** Defaults for fields never saved; from the environment unless a test passes its own. */
  defaults?: AutomationPolicy;
  /** Categories the classifier can produce; auto-send may only name these. */
  categories?: readonly string[];
}

/**
 * The policy in force: the saved one over the environment's defaults. The worker reads it
 * at workflow start and again right before an auto-send, so the kill switch
 * (autoSendEnabled = false) reaches conversations already running.
 */
export async function getAutomationPolicy(options: AutomationPolicyOptions = {}, db: DbClient = getDb()): Promise<AutomationPolicy> {
  const defaults = options.defaults ?? automationPolicyFromEnv(env());
  return automationPolicyOf(await db.setting.findUnique({ where: { key: AUTOMATION_POLICY_KEY } }), defaults);
}

/** Applies a manager's change and records before/after in the same transaction. */
export async function updateAutomationPolicy(actor: Actor, patch: AutomationPolicyPatch, options: AutomationPolicyOptions = {}, db: Db = getDb()): Promise<AutomationPolicy> {
  if (!hasRole(actor, 'manager')) throw new SettingsError('forbidden', 'Only managers can change the automation policy.');
  const categories = options.categories ?? env().CATEGORIES;
  const unknown = [...(patch.autoSendCategories ?? []), ...(patch.approvedAnswersOnlyCategories ?? [])].filter((category) => !categories.includes(category));
  if (unknown.length) throw new SettingsError('unknown_category', `Unknown categories: ${unknown.join(', ')}.`);
  const changes = automationPolicyPatchSchema.parse(patch);
  return db.$transaction(async (tx) => {
    const before = await getAutomationPolicy(options, tx);
    const after = automationPolicySchema.parse({ ...before, ...changes });
    await tx.setting.upsert({
      where: { key: AUTOMATION_POLICY_KEY },
      create: { key: AUTOMATION_POLICY_KEY, value: { ...after }, updatedBy: actor.id },
      update: { value: { ...after }, updatedBy: actor.id },
    });
    await recordAudit({
      actorId: actor.id,
      action: 'settings.automation_policy.update',
      target: `setting:${AUTOMATION_POLICY_KEY}`,
      before: { ...before },
      after: { ...after },
    }, tx);
    return after;
  });
}
