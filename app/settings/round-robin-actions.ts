'use server';

import { refresh } from 'next/cache';
import { setRoundRobinEnabled } from '@/lib/features/assignment/round-robin-setting';
import { availabilitySchema } from '@/lib/features/notifications/preferences-schema';
import { ok } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';

/** Managers turn round-robin of new conversations on or off (audited). */
export const setRoundRobinAction = serverAction({ role: 'manager', schema: availabilitySchema }, async (input, actor) => {
  await setRoundRobinEnabled(input.available, actor.id);
  refresh();
  return ok(null);
});
