import { z } from 'zod';

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, 'Name the token after what uses it.').max(80),
  /** The user the token acts as; its role bounds what the token may do. */
  userId: z.string().min(1, 'Choose the user this token acts as.'),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ id: z.string().min(1) });
