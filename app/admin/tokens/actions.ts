'use server';

import { revalidatePath } from 'next/cache';
import { fail, ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { createApiToken } from '@/lib/features/api-tokens/create-api-token';
import { revokeApiToken } from '@/lib/features/api-tokens/revoke-api-token';
import { createApiTokenSchema, revokeApiTokenSchema } from '@/lib/features/api-tokens/schema';

/** The token itself travels back exactly once, to the admin who created it. */
export type CreateApiTokenResult = ActionResult<{ name: string; token: string }> | null;
export type RevokeApiTokenResult = ActionResult | null;

export const createApiTokenAction = serverAction({ role: 'admin', schema: createApiTokenSchema }, async (input, admin) => {
  const created = await createApiToken({ ...input, actorId: admin.id });
  revalidatePath('/admin/tokens');
  return ok({ name: created.name, token: created.token });
});

export const revokeApiTokenAction = serverAction({ role: 'admin', schema: revokeApiTokenSchema }, async (input, admin) => {
  const found = await revokeApiToken({ id: input.id, actorId: admin.id });
  revalidatePath('/admin/tokens');
  return found ? ok(null) : fail('No such token.');
});
