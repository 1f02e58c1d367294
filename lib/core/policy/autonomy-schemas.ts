import { z } from 'zod';

/** A manager's one-click change of a category's auto-send (forms and API share it). */
export const categoryAutoSendSchema = z.object({ category: z.string().trim().min(1).max(60) });

/** An agent's review of a reply that went out automatically. */
export const autoSentReviewSchema = z
  .object({
    conversationId: z.string().min(1).max(100),
    draftVersion: z.coerce.number().int().min(1),
    verdict: z.enum(['ok', 'should_not_have_gone_out']),
    reason: z.string().trim().max(1000).optional().transform((value) => (value ? value : undefined)),
  })
  .refine((review) => review.verdict === 'ok' || (review.reason?.length ?? 0) >= 3, {
    message: 'Say what was wrong with it (a few words are enough).',
    path: ['reason'],
  });

export interface AutoSentReviewInput {
  conversationId: string;
  draftVersion: number;
  verdict: 'ok' | 'should_not_have_gone_out';
  reason?: string;
}
