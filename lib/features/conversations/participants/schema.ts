import { z } from 'zod';

/** "Let the sender of this message into the conversation it claimed to reply to." */
export const addParticipantSchema = z.object({
  conversationId: z.string().min(1).max(100),
  messageId: z.string().min(1).max(100),
});

export type AddParticipantInput = z.infer<typeof addParticipantSchema>;
