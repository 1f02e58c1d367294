import { z } from 'zod';

/** Undo of an agent's send from the browser; whether the window is still open is the workflow's call. */
export const undoSendSchema = z.object({
  conversationId: z.string().min(1).max(200),
  draftVersion: z.number().int().min(1),
  requestId: z.uuid(),
});
export type UndoSendRequest = z.infer<typeof undoSendSchema>;
