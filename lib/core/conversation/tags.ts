import { z } from 'zod';

/**
 * Labels people put on conversations (the classifier's category stays apart, in its own
 * column): lower case, letters, digits and dashes, so a tag reads the same in a URL, a filter
 * and the list. Client-safe.
 */
export const TAG_MAX_LENGTH = 32;
export const TAGS_PER_CONVERSATION = 12;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/\s+/g, '-'))
  .pipe(
    z
      .string()
      .min(1, 'A tag must not be empty')
      .max(TAG_MAX_LENGTH, `A tag is at most ${TAG_MAX_LENGTH} characters`)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u, 'A tag is letters, digits and dashes'),
  );

/** Add and remove tags on one or more conversations (the inbox selection, or one page). */
export const tagChangeSchema = z
  .object({
    conversationIds: z.array(z.string().min(1).max(200)).min(1, 'Select at least one conversation').max(100),
    add: z.array(tagSchema).max(TAGS_PER_CONVERSATION).default([]),
    remove: z.array(tagSchema).max(TAGS_PER_CONVERSATION).default([]),
  })
  .refine((change) => change.add.length + change.remove.length > 0, 'Name a tag to add or remove');
export type TagChange = z.infer<typeof tagChangeSchema>;
