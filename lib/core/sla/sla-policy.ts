import { z } from 'zod';
import { PRIORITIES, isPriority, type Priority } from '../conversation/priorities';
import { businessHoursSchema, DEFAULT_BUSINESS_HOURS } from './business-hours';

/**
 * Response targets in business minutes: the first reply to a new conversation, and the next
 * reply after each later customer message. Client-safe: the settings form validates with it.
 */
const minutes = z.number().int().min(1).max(60 * 24 * 60);
export const responseTargetsSchema = z.object({ firstResponseMinutes: minutes, nextResponseMinutes: minutes });
export type ResponseTargets = z.infer<typeof responseTargetsSchema>;

export const slaPolicySchema = z.object({
  enabled: z.boolean(),
  businessHours: businessHoursSchema,
  /** Per classifier priority; a conversation not yet classified counts as `normal`. */
  targets: z.record(z.enum(PRIORITIES), responseTargetsSchema),
  /** Per mailbox id, overriding the priority's target where set. */
  mailboxTargets: z.record(z.string().min(1), z.partialRecord(z.enum(PRIORITIES), responseTargetsSchema)).default({}),
  /** The reminder goes out this many business minutes before the due time. */
  reminderMinutesBefore: z.number().int().min(0).max(60 * 24),
});

export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  enabled: true,
  businessHours: DEFAULT_BUSINESS_HOURS,
  targets: {
    urgent: { firstResponseMinutes: 60, nextResponseMinutes: 60 },
    high: { firstResponseMinutes: 240, nextResponseMinutes: 240 },
    normal: { firstResponseMinutes: 480, nextResponseMinutes: 480 },
    low: { firstResponseMinutes: 960, nextResponseMinutes: 960 },
  },
  mailboxTargets: {},
  reminderMinutesBefore: 30,
};

/** The targets for a conversation: its mailbox's where set, else its priority's. */
export function targetsFor(policy: SlaPolicy, priority: string | null, mailboxId: string | null): ResponseTargets {
  const level: Priority = isPriority(priority) ? priority : 'normal';
  return (mailboxId ? policy.mailboxTargets[mailboxId]?.[level] : undefined) ?? policy.targets[level];
}
