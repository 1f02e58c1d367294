'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { slaPolicySchema } from '@/lib/core/sla/sla-policy';
import { slaPolicyFromFields } from '@/lib/core/sla/sla-form';
import { scheduleTimesSchema } from '@/lib/core/schedules';
import { updateSlaPolicy } from '@/lib/features/settings/sla-settings';
import { applyScheduleTimes } from '@/lib/features/schedules/apply-schedule-times';

export type SlaSettingsResult = ActionResult<{ applied?: boolean }> | null;

/** Targets, business hours and holidays; the next SLA sweep recomputes every open conversation. */
export const updateSlaPolicyAction = serverAction(
  {
    role: 'manager',
    schema: slaPolicySchema,
    fromForm: (form) => slaPolicyFromFields((name) => form.get(name) as string | null),
    // Nested fields: name where each problem is.
    onInvalid: (error): SlaSettingsResult => fail(error.issues.slice(0, 3).map((issue) => `${issue.path.join(' → ')}: ${issue.message}`).join('; ')),
  },
  async (input, manager): Promise<SlaSettingsResult> => {
    await updateSlaPolicy({ id: manager.id, role: manager.role }, input);
    revalidatePath('/settings');
    return ok({});
  },
);

const scheduleTimesForm = z
  .object({ reconcileEverySeconds: z.coerce.number(), slaSweepEveryMinutes: z.coerce.number(), digestAt: z.string(), digestTimeZone: z.string().trim(), retentionAt: z.string() })
  .pipe(scheduleTimesSchema);

/** When the scheduled work runs; applied to the Temporal Schedules on save. */
export const updateScheduleTimesAction = serverAction({ role: 'manager', schema: scheduleTimesForm }, async (input, manager): Promise<SlaSettingsResult> => {
  const { applied } = await applyScheduleTimes({ id: manager.id, role: manager.role }, input);
  revalidatePath('/settings');
  return ok({ applied });
});
