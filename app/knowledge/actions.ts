'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { renderMarkdown } from '@/lib/web/render-markdown';
import { articleInputSchema, keywordsSchema, slugSchema } from '@/lib/features/knowledge/article-schemas';
import { setArticleArchived } from '@/lib/features/knowledge/archive-article';
import { saveArticle } from '@/lib/features/knowledge/save-article';
import { KNOWLEDGE_LIMITS } from '@/lib/core/knowledge/limits';

export type SaveArticleActionResult = ActionResult<{ slug: string; version: number; outcome: 'created' | 'updated' | 'unchanged'; staleDrafts: number }> | null;
export type PreviewResult = ActionResult<{ html: string }> | null;

const saveSchema = articleInputSchema.extend({
  note: z.string().trim().max(500).optional(),
  mode: z.enum(['create', 'update']),
  // The form's textarea: one keyword or phrasing a line.
  keywords: z
    .string()
    .optional()
    .transform((text) => (text ?? '').split(/\r?\n/))
    .pipe(keywordsSchema),
});

/** Managers and admins write articles; the author's role is kept with the version. */
export const saveArticleAction = serverAction({ role: 'manager', schema: saveSchema }, async (input, actor) => {
  const result = await saveArticle({ ...input, note: input.note || undefined, createOnly: input.mode === 'create', authorId: actor.id, authorRole: actor.role, source: 'dashboard' });
  revalidatePath('/knowledge');
  revalidatePath(`/knowledge/${input.slug}`);
  return ok({ slug: input.slug, version: result.version, outcome: result.outcome, staleDrafts: result.staleDrafts });
});

export const setArchivedAction = serverAction(
  { role: 'manager', schema: z.object({ slug: slugSchema, archived: z.enum(['true', 'false']).transform((value) => value === 'true') }) },
  async (input) => {
    const result = await setArticleArchived(input);
    revalidatePath('/knowledge');
    revalidatePath(`/knowledge/${input.slug}`);
    return ok(result);
  },
);

/** The preview renders on the server, through the same sanitiser as the article page. */
export const previewMarkdownAction = serverAction(
  { role: 'manager', schema: z.object({ body: z.string().max(KNOWLEDGE_LIMITS.maxArticleChars) }) },
  async (input) => ok({ html: renderMarkdown(input.body) }),
);
