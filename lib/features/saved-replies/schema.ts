import { z } from 'zod';
import { savedReplyProblems } from '../../core/saved-replies/render-saved-reply';
import { DECISION_LIMITS } from '../../core/decisions/limits';

/** A saved reply as managers write it: refused with the unknown variable named, nothing saved. */
export const savedReplyFormSchema = z.object({
  id: z.string().min(1).max(100).optional().or(z.literal('').transform(() => undefined)),
  title: z.string().trim().min(1, 'Give it a title agents will search for.').max(120),
  body: z
    .string()
    .max(DECISION_LIMITS.editedBody)
    .refine((body) => body.trim() !== '', 'Write the reply.')
    .superRefine((body, context) => {
      for (const problem of savedReplyProblems(body)) context.addIssue({ code: 'custom', message: problem });
    }),
});
export type SavedReplyForm = z.infer<typeof savedReplyFormSchema>;

export const savedReplyIdSchema = z.object({ id: z.string().min(1).max(100) });

/** Inserting (or revising with) a saved reply in one conversation. */
export const applySavedReplySchema = z.object({
  id: z.string().min(1).max(100),
  conversationId: z.string().min(1).max(300),
});

/** The picker's list request carries nothing. */
export const listOfferedSchema = z.object({});
