'use server';

import { refresh } from 'next/cache';
import { setNotificationPreferences } from '@/lib/features/notifications/preferences';
import { availabilitySchema, preferencesFromForm, preferencesSchema, webhookFormSchema } from '@/lib/features/notifications/preferences-schema';
import { setWebhookUrl, webhookUrlSchema } from '@/lib/features/notifications/webhook-url';
import { setAvailability } from '@/lib/features/assignment/set-availability';
import { fail, ok } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';

/** Which channels the signed-in person wants for each kind of notice. */
export const savePreferencesAction = serverAction({ role: 'agent', schema: preferencesSchema, fromForm: preferencesFromForm }, async (input, actor) => {
  await setNotificationPreferences(actor.id, input);
  refresh();
  return ok(null);
});

/** Their Slack-compatible webhook; an empty field removes it. */
export const saveWebhookAction = serverAction({ role: 'agent', schema: webhookFormSchema }, async (input, actor) => {
  if (input.url === '') {
    await setWebhookUrl(actor.id, null);
  } else {
    const url = webhookUrlSchema.safeParse(input.url);
    if (!url.success) return fail(url.error.issues[0]?.message ?? 'That is not a webhook URL.', { url: url.error.issues[0]?.message ?? '' });
    await setWebhookUrl(actor.id, url.data);
  }
  refresh();
  return ok(null);
});

/** Whether round-robin gives them new conversations. */
export const setAvailabilityAction = serverAction({ role: 'agent', schema: availabilitySchema }, async (input, actor) => {
  await setAvailability(actor.id, input.available);
  refresh();
  return ok(null);
});
