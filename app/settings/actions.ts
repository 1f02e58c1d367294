'use server';

import { revalidatePath } from 'next/cache';
import { AuthError, requireActionUser } from '@/lib/web/auth';
import { fail, invalid, ok, type ActionResult } from '@/lib/web/actions/action-result';
import { getDb } from '@/lib/platform/db';
import { updateAutomationPolicy } from '@/lib/features/settings/automation-policy';
import { automationPolicyFormSchema } from '@/lib/core/policy/automation-policy';
import { SettingsError } from '@/lib/features/settings/settings-error';

export type UpdatePolicyResult = ActionResult | null;

export async function updateAutomationPolicyAction(_previous: UpdatePolicyResult, formData: FormData): Promise<UpdatePolicyResult> {
  try {
    const manager = await requireActionUser('manager');
    const parsed = automationPolicyFormSchema.safeParse({
      ...Object.fromEntries(formData),
      autoSendCategories: formData.getAll('autoSendCategories'),
    });
    if (!parsed.success) return invalid(parsed.error);
    await updateAutomationPolicy(await getDb(), { id: manager.id, role: manager.role }, parsed.data);
    revalidatePath('/settings');
    return ok(null);
  } catch (error) {
    if (error instanceof AuthError || error instanceof SettingsError) return fail(error.message);
    throw error;
  }
}
