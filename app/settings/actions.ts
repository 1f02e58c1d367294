'use server';

import { revalidatePath } from 'next/cache';
import { AuthError, requireActionUser } from '@/lib/auth';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/action-result';
import { getDb } from '@/lib/db';
import { updateAutomationPolicy } from '@/lib/settings/automation-policy';
import { automationPolicyFormSchema } from '@/lib/settings/automation-policy-schema';
import { SettingsError } from '@/lib/settings/settings-error';

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
