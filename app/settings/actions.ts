'use server';

import { revalidatePath } from 'next/cache';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { automationPolicyFormSchema } from '@/lib/core/policy/automation-policy';
import { updateAutomationPolicy } from '@/lib/features/settings/automation-policy';
import { modelBudgetFormSchema } from '@/lib/core/policy/model-budget';
import { updateModelBudget } from '@/lib/features/settings/model-budget';

export type UpdatePolicyResult = ActionResult | null;

export const updateAutomationPolicyAction = serverAction(
  {
    role: 'manager',
    schema: automationPolicyFormSchema,
    // Checkbox groups arrive as repeated fields.
    fromForm: (form) => ({
      ...Object.fromEntries(form),
      autoSendCategories: form.getAll('autoSendCategories'),
      approvedAnswersOnlyCategories: form.getAll('approvedAnswersOnlyCategories'),
    }),
  },
  async (input, manager) => {
    await updateAutomationPolicy({ id: manager.id, role: manager.role }, input);
    revalidatePath('/settings');
    return ok(null);
  },
);

export type UpdateBudgetResult = ActionResult | null;

/** A manager sets the monthly and daily model-spend caps (empty = no cap); audited. */
export const updateModelBudgetAction = serverAction({ role: 'manager', schema: modelBudgetFormSchema }, async (input, manager) => {
  await updateModelBudget({ id: manager.id, role: manager.role }, input);
  revalidatePath('/settings');
  revalidatePath('/overview');
  return ok(null);
});
