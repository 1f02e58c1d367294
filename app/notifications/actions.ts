'use server';

import { refresh } from 'next/cache';
import { markNotificationsRead } from '@/lib/features/notifications/mark-read';
import { markReadSchema } from '@/lib/features/notifications/preferences-schema';
import { ok } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';

/** Marks one notice (or, without an id, all of the signed-in person's) read. */
export const markReadAction = serverAction({ role: 'agent', schema: markReadSchema }, async (input, actor) => {
  const count = await markNotificationsRead({ userId: actor.id, ids: input.id ? [input.id] : undefined });
  refresh();
  return ok({ count });
});
