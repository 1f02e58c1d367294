'use server';

import { revalidatePath } from 'next/cache';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { retentionFormSchema, updateRetention } from '@/lib/features/retention/retention-setting';

export type UpdateRetentionResult = ActionResult | null;

/** A manager sets how long conversations are kept (empty: forever); audited. */
export const updateRetentionAction = serverAction({ role: 'manager', schema: retentionFormSchema }, async (input, manager) => {
  await updateRetention({ id: manager.id, role: manager.role }, input);
  revalidatePath('/settings');
  return ok(null);
});
