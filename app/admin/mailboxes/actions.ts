'use server';

import { revalidatePath } from 'next/cache';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { deleteMailbox } from '@/lib/features/mailboxes/delete-mailbox';
import { saveMailbox } from '@/lib/features/mailboxes/save-mailbox';
import { deleteMailboxSchema, mailboxInputSchema } from '@/lib/features/mailboxes/schema';

export type SaveMailboxResult = ActionResult<{ id: string; created: boolean }> | null;
export type DeleteMailboxResult = ActionResult | null;

/** Passwords travel in, are sealed at once and never come back out. */
export const saveMailboxAction = serverAction({ role: 'admin', schema: mailboxInputSchema }, async (input, admin) => {
  const saved = await saveMailbox(input, { actorId: admin.id, source: 'ui' });
  revalidatePath('/admin/mailboxes');
  return ok(saved);
});

export const deleteMailboxAction = serverAction({ role: 'admin', schema: deleteMailboxSchema }, async (input, admin) => {
  await deleteMailbox({ id: input.id, actorId: admin.id });
  revalidatePath('/admin/mailboxes');
  return ok(null);
});
