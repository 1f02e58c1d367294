'use server';

import { revalidatePath } from 'next/cache';
import { AuthError, requireActionUser } from '@/lib/web/auth';
import { fail, invalid, ok, type ActionResult } from '@/lib/web/actions/action-result';
import { createApiToken } from '@/lib/features/api-tokens/create-api-token';
import { revokeApiToken } from '@/lib/features/api-tokens/revoke-api-token';
import { createApiTokenSchema, revokeApiTokenSchema } from '@/lib/features/api-tokens/schema';
import { getDb } from '@/lib/platform/db';
import { UserError } from '@/lib/features/users/user-error';

/** The token itself travels back exactly once, to the admin who created it. */
export type CreateApiTokenResult = ActionResult<{ name: string; token: string }> | null;
export type RevokeApiTokenResult = ActionResult | null;

export async function createApiTokenAction(_previous: CreateApiTokenResult, formData: FormData): Promise<CreateApiTokenResult> {
  try {
    const admin = await requireActionUser('admin');
    const parsed = createApiTokenSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const created = await createApiToken(await getDb(), { ...parsed.data, actorId: admin.id });
    revalidatePath('/admin/tokens');
    return ok({ name: created.name, token: created.token });
  } catch (error) {
    if (error instanceof AuthError || error instanceof UserError) return fail(error.message);
    throw error;
  }
}

export async function revokeApiTokenAction(_previous: RevokeApiTokenResult, formData: FormData): Promise<RevokeApiTokenResult> {
  try {
    const admin = await requireActionUser('admin');
    const parsed = revokeApiTokenSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const found = await revokeApiToken(await getDb(), { id: parsed.data.id, actorId: admin.id });
    revalidatePath('/admin/tokens');
    return found ? ok(null) : fail('No such token.');
  } catch (error) {
    if (error instanceof AuthError) return fail(error.message);
    throw error;
  }
}
