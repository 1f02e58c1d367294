import { z } from 'zod';
import { KNOWLEDGE_LIMITS } from '../../core/knowledge/limits';
import { SLUG_MAX_CHARS, SLUG_PATTERN } from '../../core/knowledge/passage-id';

export const slugSchema = z
  .string()
  .trim()
  .min(1, 'a slug is required')
  .max(SLUG_MAX_CHARS, `a slug has at most ${SLUG_MAX_CHARS} characters`)
  .regex(SLUG_PATTERN, 'a slug is lowercase letters, digits and single hyphens');

/** An article's keywords: blank ones dropped, repeats once. */
export const keywordsSchema = z
  .array(z.string().trim().max(KNOWLEDGE_LIMITS.maxKeywordChars, `a keyword has at most ${KNOWLEDGE_LIMITS.maxKeywordChars} characters`))
  .transform((keywords) => [...new Set(keywords.filter((keyword) => keyword.length > 0))])
  .refine((keywords) => keywords.length <= KNOWLEDGE_LIMITS.maxKeywords, `an article has at most ${KNOWLEDGE_LIMITS.maxKeywords} keywords`);

/** One article as an author submits it (editor, import, seed). */
export const articleInputSchema = z.object({
  slug: slugSchema,
  title: z.string().trim().min(1, 'a title is required').max(KNOWLEDGE_LIMITS.maxTitleChars, `a title has at most ${KNOWLEDGE_LIMITS.maxTitleChars} characters`),
  body: z
    .string()
    .max(KNOWLEDGE_LIMITS.maxArticleChars, `an article has at most ${KNOWLEDGE_LIMITS.maxArticleChars.toLocaleString('en')} characters (split it)`)
    .refine((body) => body.trim().length > 0, 'the article is empty'),
  /** Keywords and other ways customers ask: searched, never shown to the model. */
  keywords: keywordsSchema.default([]),
});
export type ArticleInput = z.input<typeof articleInputSchema>;
