'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { deleteMailbox } from '@/lib/features/mailboxes/delete-mailbox';
import { saveMailbox } from '@/lib/features/mailboxes/save-mailbox';
import { oauthApps } from '@/lib/features/mailboxes/oauth/oauth-apps';
import { startOAuthConnect } from '@/lib/features/mailboxes/oauth/start-oauth-connect';
import { deleteMailboxSchema, mailboxInputSchema, oauthConnectSchema } from '@/lib/features/mailboxes/schema';
import { mailboxOAuthRedirectUri } from '@/lib/web/mailbox-oauth-redirect';

export type SaveMailboxResult = ActionResult<{ id: string; created: boolean }> | null;
export type DeleteMailboxResult = ActionResult | null;
export type ConnectOAuthResult = ActionResult | null;

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

/** Sends the admin to Google or Microsoft; the callback route finishes the connection. */
export const connectOAuthAction = serverAction({ role: 'admin', schema: oauthConnectSchema }, async (input, admin): Promise<ActionResult> => {
  const url = await startOAuthConnect({ ...input, actorId: admin.id, redirectUri: mailboxOAuthRedirectUri() }, oauthApps());
  redirect(url.href);
});
