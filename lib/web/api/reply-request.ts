import { z } from 'zod';
import { DECISION_LIMITS } from '../../core/decisions/limits';
import { MAX_ATTACHMENTS_PER_REPLY } from '../../core/mail/attachment-policy';

/** POST /api/v1/conversations/{id}/replies: the agent's (or integration's) own reply. */
export const composeReplyRequestSchema = z.object({
  body: z.string().max(DECISION_LIMITS.editedBody).refine((body) => body.trim() !== '', 'must not be empty'),
  /** Ids from POST /api/conversations/{id}/attachments, sent with this reply. */
  attachmentIds: z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS_PER_REPLY).default([]),
});

/** POST /api/v1/conversations/{id}/resend: resend a failed or uncertain reply after checking the outbox. */
export const resendReplyRequestSchema = z.object({
  draftVersion: z.number().int().positive(),
  /** The ledger state the caller checked: `sending` (uncertain) or `failed`. */
  confirmedLedgerStatus: z.enum(['sending', 'failed']),
  /** Must be true: the caller confirms they checked the outbox (or the relay's log). */
  confirm: z.literal(true),
});

/** HTTP status per failure code, shared by the decision and reply routes. */
export const OUTCOME_STATUS = {
  already_decided: 409,
  superseded: 409,
  stale: 409,
  invalid: 422,
  not_found: 404,
  unavailable: 503,
  unauthorized: 401,
  busy: 409,
  unsupported: 409,
} as const;
