'use server';

import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { changeOwnPassword } from '@/lib/features/users/change-own-password';
import { changeOwnPasswordSchema } from '@/lib/features/users/schema';

export type ChangePasswordResult = ActionResult | null;

/** Anyone changes their own password with the current one; they are then signed out everywhere. */
export const changeOwnPasswordAction = serverAction({ role: 'agent', schema: changeOwnPasswordSchema }, async (input, user) => {
  await changeOwnPassword({ userId: user.id, currentPassword: input.currentPassword, newPassword: input.newPassword });
  return ok(null);
});
