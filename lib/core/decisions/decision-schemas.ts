import { z } from 'zod';
import { DECISION_LIMITS } from './limits';
import { MAX_ATTACHMENTS_PER_REPLY } from '../mail/attachment-policy';
import { variantLabelSchema } from '../ab/variants';

/**
 * What the decision form sends. Schema-only, so the client form and the server action
 * validate with the same rules. Limits match the workflow's validators.
 */
const base = {
  conversationId: z.string().min(1).max(300),
  draftVersion: z.number().int().positive(),
  /** Chosen by the browser once per intended decision: a double click is one decision. */
  requestId: z.uuid(),
};

export const approveInputSchema = z.object({
  ...base,
  action: z.literal('approve'),
  editedBody: z
    .string()
    .max(DECISION_LIMITS.editedBody, `The reply is longer than ${DECISION_LIMITS.editedBody.toLocaleString('en')} characters.`)
    .refine((body) => body.trim() !== '', 'The reply must not be empty.')
    .optional(),
  /** Files the agent uploaded to go with the approved draft, as with their own reply. */
  attachmentIds: z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS_PER_REPLY, `Attach at most ${MAX_ATTACHMENTS_PER_REPLY} files.`).optional(),
  /** The side of an A/B draft the agent picked (lib/core/ab/variants.ts). */
  variant: variantLabelSchema.optional(),
});
export const rejectInputSchema = z.object({
  ...base,
  action: z.literal('reject'),
  reason: z.string().trim().min(1, 'Give a reason for rejecting.').max(DECISION_LIMITS.reason),
});
export const reviseInputSchema = z.object({
  ...base,
  action: z.literal('revise'),
  instructions: z.string().trim().min(1, 'Tell Claude what to change.').max(DECISION_LIMITS.instructions),
});
export const cancelHoldInputSchema = z.object({ ...base, action: z.literal('cancel_hold') });

export const decisionInputSchema = z.discriminatedUnion('action', [
  approveInputSchema,
  rejectInputSchema,
  reviseInputSchema,
  cancelHoldInputSchema,
]);
export type DecisionInput = z.infer<typeof decisionInputSchema>;
export type DecisionAction = DecisionInput['action'];
