import { z } from 'zod';
import { DECISION_LIMITS } from './limits';
import { MAX_ATTACHMENTS_PER_REPLY } from '../mail/attachment-policy';

/**
 * An agent's own reply and a confirmed resend, as the conversation page and the REST API send
 * them. Schema-only, so the browser and the server validate alike; the workflow's validators
 * check the same limits.
 */
const base = {
  conversationId: z.string().min(1).max(300),
  /** Chosen by the browser once per intended reply: a double click is one reply. */
  requestId: z.uuid(),
};

export const composeReplyInputSchema = z.object({
  ...base,
  action: z.literal('compose'),
  body: z
    .string()
    .max(DECISION_LIMITS.editedBody, `The reply is longer than ${DECISION_LIMITS.editedBody.toLocaleString('en')} characters.`)
    .refine((body) => body.trim() !== '', 'Write the reply first.'),
  /** Files the agent uploaded for this reply (POST /api/conversations/{id}/attachments). */
  attachmentIds: z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS_PER_REPLY, `Attach at most ${MAX_ATTACHMENTS_PER_REPLY} files.`).default([]),
});

export const resendReplyInputSchema = z.object({
  ...base,
  action: z.literal('resend'),
  draftVersion: z.number().int().positive(),
  /** The outbox state the agent was shown; they must have ticked the confirmation. */
  confirmedLedgerStatus: z.enum(['sending', 'failed']),
  confirmed: z.literal(true, 'Confirm that you checked the outbox first.'),
});

export const replyInputSchema = z.discriminatedUnion('action', [composeReplyInputSchema, resendReplyInputSchema]);
// Input shape: callers may leave attachmentIds out (the schema defaults it to none).
export type ReplyInput = z.input<typeof replyInputSchema>;
