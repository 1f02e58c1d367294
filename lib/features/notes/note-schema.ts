import { z } from 'zod';

export const NOTE_MAX_CHARS = 5_000;

/** A note as the form sends it. */
export const addNoteSchema = z.object({
  conversationId: z.string().min(1).max(100),
  body: z.string().trim().min(1, 'Write something first.').max(NOTE_MAX_CHARS, `At most ${NOTE_MAX_CHARS} characters.`),
});
export type AddNoteInput = z.infer<typeof addNoteSchema>;
