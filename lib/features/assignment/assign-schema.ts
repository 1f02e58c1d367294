import { z } from 'zod';

const userIdOrNobody = z
  .string()
  .max(100)
  .transform((value) => (value === '' ? null : value));

/** "Take it" and the assign menu, as the form sends them: an empty id means nobody. */
export const assignSchema = z.object({
  conversationId: z.string().min(1).max(100),
  assigneeId: userIdOrNobody,
  /** Who owned it on the agent's screen (empty: nobody), so a colleague's change is not overwritten. */
  expectedAssigneeId: userIdOrNobody,
});
export type AssignInput = z.output<typeof assignSchema>;

/** The inbox selection given to one person (empty id: nobody). */
export const assignManySchema = z.object({
  conversationIds: z.array(z.string().min(1).max(100)).min(1, 'Select at least one conversation.').max(200),
  assigneeId: userIdOrNobody,
});
