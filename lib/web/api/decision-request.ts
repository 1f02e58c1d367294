import { z } from 'zod';
import { DECISION_LIMITS } from '../../core/decisions/limits';

/** POST /api/v1/conversations/{id}/decisions: the REST form of an agent decision. */
export const decisionRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), draftVersion: z.number().int().positive(), editedBody: z.string().min(1).max(DECISION_LIMITS.editedBody).optional() }),
  z.object({ action: z.literal('reject'), draftVersion: z.number().int().positive(), reason: z.string().trim().min(1).max(DECISION_LIMITS.reason) }),
  z.object({ action: z.literal('revise'), draftVersion: z.number().int().positive(), instructions: z.string().trim().min(1).max(DECISION_LIMITS.instructions) }),
]);

/** An Idempotency-Key header makes a retried request the same decision (it becomes the update id). */
export const idempotencyKeySchema = z.string().min(8).max(200).regex(/^[A-Za-z0-9._:-]+$/);
