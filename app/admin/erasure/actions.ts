'use server';

import { revalidatePath } from 'next/cache';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { erasureRequestSchema, requestErasure } from '@/lib/features/erasure/request-erasure';

export type RequestErasureResult = ActionResult<{ erasureId: string }> | null;

export const requestErasureAction = serverAction({ role: 'admin', schema: erasureRequestSchema }, async (input, admin) => {
  const started = await requestErasure({ id: admin.id, role: admin.role }, input);
  revalidatePath('/admin/erasure');
  return ok(started);
});
