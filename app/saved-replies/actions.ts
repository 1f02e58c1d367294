'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { archiveSavedReply } from '@/lib/features/saved-replies/archive-saved-reply';
import { saveSavedReply } from '@/lib/features/saved-replies/save-saved-reply';
import { savedReplyFormSchema } from '@/lib/features/saved-replies/schema';

export type SaveSavedReplyResult = ActionResult<{ id: string }> | null;
export type ArchiveSavedReplyResult = ActionResult | null;

/** Create or edit a saved reply (managers); an unknown variable is refused by name. */
export const saveSavedReplyAction = serverAction({ role: 'manager', schema: savedReplyFormSchema }, async (input, manager) => {
  const saved = await saveSavedReply({ ...input, actorId: manager.id });
  revalidatePath('/saved-replies');
  return ok(saved);
});

const archiveSchema = z.object({ id: z.string().min(1).max(100), archived: z.enum(['true', 'false']).transform((value) => value === 'true') });

/** Archive (no longer offered to agents) or restore a saved reply. */
export const archiveSavedReplyAction = serverAction({ role: 'manager', schema: archiveSchema }, async (input, manager) => {
  await archiveSavedReply({ ...input, actorId: manager.id });
  revalidatePath('/saved-replies');
  return ok(null);
});
