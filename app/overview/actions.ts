'use server';

import { revalidatePath } from 'next/cache';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { categoryAutoSendSchema } from '@/lib/core/policy/autonomy-schemas';
import { disableCategoryAutoSend, enableCategoryAutoSend } from '@/lib/features/autonomy/set-category-auto-send';

export type CategoryAutoSendResult = ActionResult | null;

/** A manager turns auto-send on for a category that has earned it (refused otherwise); audited. */
export const enableCategoryAutoSendAction = serverAction({ role: 'manager', schema: categoryAutoSendSchema }, async (input, manager) => {
  await enableCategoryAutoSend({ id: manager.id, role: manager.role }, input.category);
  revalidatePath('/overview');
  revalidatePath('/settings');
  return ok(null);
});

/** A manager turns an earned auto-send off again; audited. */
export const disableCategoryAutoSendAction = serverAction({ role: 'manager', schema: categoryAutoSendSchema }, async (input, manager) => {
  await disableCategoryAutoSend({ id: manager.id, role: manager.role }, input.category);
  revalidatePath('/overview');
  revalidatePath('/settings');
  return ok(null);
});
