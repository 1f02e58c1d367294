import { z } from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '../../core/team/notification-kinds';

/** The preferences form: one checkbox per kind and channel, named `<kind>:<channel>`. */
export const preferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.array(z.enum(NOTIFICATION_CHANNELS)).max(NOTIFICATION_CHANNELS.length)])) as Record<NotificationKind, z.ZodArray<z.ZodEnum<{ [C in NotificationChannel]: C }>>>,
);

/** Ticked boxes become each kind's channel list; an unticked kind is an empty list (nothing). */
export function preferencesFromForm(form: FormData): unknown {
  const result: Record<string, string[]> = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, []]));
  for (const [name, value] of form.entries()) {
    const [kind, channel] = name.split(':');
    // Own keys only: a field named `constructor:email` must not reach Object's prototype.
    if (value === 'on' && kind && channel && Object.hasOwn(result, kind)) result[kind]?.push(channel);
  }
  return result;
}

export const webhookFormSchema = z.object({ url: z.string().trim().max(2000) });
export const availabilitySchema = z.object({ available: z.enum(['true', 'false']).transform((value) => value === 'true') });
export const markReadSchema = z.object({ id: z.string().max(100).optional() });
