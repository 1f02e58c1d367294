import { revalidatePath } from 'next/cache';
import { apiHandler } from '@/lib/web/api/api-handler';
import { ImportUploadError, readImportUpload } from '@/lib/web/knowledge/read-import-upload';
import { importArticles } from '@/lib/features/knowledge/import/import-articles';

export const dynamic = 'force-dynamic';

/**
 * POST /api/knowledge/import: a folder of Markdown/HTML or a Zendesk Guide / Help Scout Docs
 * export as multipart/form-data (field `files`), up to KNOWLEDGE_LIMITS.maxImportUploadBytes
 * (a route handler, not a server action, whose body Next caps at 1 MB). All or nothing: 201
 * with the slugs created, or 422 with every problem's file, line and reason; 413 over the limit.
 */
export const POST = apiHandler('manager', async (request, actor) => {
  try {
    const files = await readImportUpload(request);
    const result = await importArticles({ files, authorId: actor.id, authorRole: actor.role });
    if (result.ok) revalidatePath('/knowledge');
    return Response.json(result, { status: result.ok ? 201 : 422 });
  } catch (error) {
    if (error instanceof ImportUploadError) return Response.json({ ok: false, problems: [{ file: '(upload)', line: 1, reason: error.message }] }, { status: error.status });
    throw error;
  }
});
