'use server';

import { revalidatePath } from 'next/cache';
import { AuthError, requireActionUser } from '@/lib/web/auth';
import { fail, invalid, ok, type ActionResult } from '@/lib/web/actions/action-result';
import { getDb } from '@/lib/platform/db';
import { getTemporalClient } from '@/lib/platform/temporal/client';
import { broadcastRoster } from '@/lib/features/users/broadcast-roster';
import { createUser } from '@/lib/features/users/create-user';
import { createUserSchema, setUserDisabledSchema } from '@/lib/features/users/schema';
import { setUserDisabled } from '@/lib/features/users/set-user-disabled';
import { UserError } from '@/lib/features/users/user-error';

export type CreateUserResult = ActionResult<{ email: string }> | null;
export type SetUserDisabledResult = ActionResult | null;

export async function createUserAction(_previous: CreateUserResult, formData: FormData): Promise<CreateUserResult> {
  try {
    const admin = await requireActionUser('admin');
    const parsed = createUserSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const db = await getDb();
    const user = await createUser(db, { ...parsed.data, actorId: admin.id });
    await refreshRosters(db);
    revalidatePath('/admin/users');
    return ok({ email: user.email });
  } catch (error) {
    if (error instanceof AuthError || error instanceof UserError) return fail(error.message);
    throw error;
  }
}

export async function setUserDisabledAction(_previous: SetUserDisabledResult, formData: FormData): Promise<SetUserDisabledResult> {
  try {
    const admin = await requireActionUser('admin');
    const parsed = setUserDisabledSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const db = await getDb();
    await setUserDisabled(db, { ...parsed.data, actorId: admin.id });
    await refreshRosters(db);
    revalidatePath('/admin/users');
    return ok(null);
  } catch (error) {
    if (error instanceof AuthError || error instanceof UserError) return fail(error.message);
    throw error;
  }
}

/** Running conversations learn the change now; new ones read the roster when they start. */
async function refreshRosters(db: Awaited<ReturnType<typeof getDb>>): Promise<void> {
  try {
    await broadcastRoster(db, await getTemporalClient());
  } catch (error) {
    // The user change itself is saved; workflows started later still get the new roster.
    console.warn(`Could not update running conversations' rosters: ${(error as Error).message}`);
  }
}
