import { z } from 'zod';
import { LIFECYCLE_ACTIONS } from './lifecycle';

/**
 * A lifecycle change from the browser. Whether it may apply (snoozing into the past, closing
 * twice, a draft still open) is the workflow's validator's call, with the same rule for both.
 */
export const lifecycleInputSchema = z.object({
  conversationId: z.string().min(1).max(200),
  action: z.enum(LIFECYCLE_ACTIONS),
  /** A snooze's wake-up time (ISO with offset); absent: until the customer replies. */
  until: z.iso.datetime({ offset: true }).optional(),
  requestId: z.uuid(),
});
export type LifecycleChange = z.infer<typeof lifecycleInputSchema>;

/** The same change for a selection in the inbox; one request id per conversation is derived. */
export const bulkLifecycleSchema = z.object({
  conversationIds: z.array(z.string().min(1).max(200)).min(1, 'Select at least one conversation').max(100),
  action: z.enum(LIFECYCLE_ACTIONS),
  until: z.iso.datetime({ offset: true }).optional(),
  requestId: z.uuid(),
});
export type BulkLifecycleChange = z.infer<typeof bulkLifecycleSchema>;
