'use server';

import { revalidatePath } from 'next/cache';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { refreshRunningRosters } from '@/lib/features/users/broadcast-roster';
import { createUser } from '@/lib/features/users/create-user';
import { createUserSchema, resetPasswordSchema, setUserDisabledSchema, updateUserSchema } from '@/lib/features/users/schema';
import { setUserPassword } from '@/lib/features/users/set-user-password';
import { updateUser } from '@/lib/features/users/update-user';
import { setUserDisabled } from '@/lib/features/users/set-user-disabled';
import { ssoPolicyFormSchema, updateSsoPolicy } from '@/lib/features/sso/sso-policy';
import { twoFactorPolicyFormSchema, updateTwoFactorPolicy } from '@/lib/features/users/two-factor-policy';

export type CreateUserResult = ActionResult<{ email: string }> | null;
export type SetUserDisabledResult = ActionResult | null;

export const createUserAction = serverAction({ role: 'admin', schema: createUserSchema }, async (input, admin) => {
  const user = await createUser({ ...input, actorId: admin.id });
  await refreshRunningRosters();
  revalidatePath('/admin/users');
  return ok({ email: user.email });
});

export const setUserDisabledAction = serverAction({ role: 'admin', schema: setUserDisabledSchema }, async (input, admin) => {
  await setUserDisabled({ ...input, actorId: admin.id });
  await refreshRunningRosters();
  revalidatePath('/admin/users');
  return ok(null);
});

export type SaveSsoPolicyResult = ActionResult | null;

/** Which email domains may sign in through SSO, and with which role a new person starts. */
export const saveSsoPolicyAction = serverAction({ role: 'admin', schema: ssoPolicyFormSchema }, async (policy, admin) => {
  await updateSsoPolicy(admin, policy);
  revalidatePath('/admin/users');
  return ok(null);
});

export type SaveTwoFactorPolicyResult = ActionResult | null;

/** Which roles must use two-factor sign-in (password accounts; SSO follows the provider). */
export const saveTwoFactorPolicyAction = serverAction(
  { role: 'admin', schema: twoFactorPolicyFormSchema, fromForm: (form) => ({ requiredFor: form.getAll('requiredFor') }) },
  async (policy, admin) => {
    await updateTwoFactorPolicy(admin, policy);
    revalidatePath('/admin/users');
    return ok(null);
  },
);

export type UpdateUserResult = ActionResult | null;

/** Rename someone or change their role (never the last admin's); running conversations learn it. */
export const updateUserAction = serverAction({ role: 'admin', schema: updateUserSchema }, async (input, admin) => {
  const { roleChanged } = await updateUser({ ...input, actorId: admin.id });
  if (roleChanged) await refreshRunningRosters();
  revalidatePath('/admin/users');
  return ok(null);
});

export type ResetPasswordResult = ActionResult | null;

/** Set a new password for someone (they are signed out everywhere); audited, never logged. */
export const resetPasswordAction = serverAction({ role: 'admin', schema: resetPasswordSchema }, async (input, admin) => {
  await setUserPassword({ ...input, actorId: admin.id });
  return ok(null);
});
