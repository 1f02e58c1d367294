import { env } from '@/lib/platform/config/env';
import { apiHandler } from '@/lib/web/api/api-handler';
import { readUpload } from '@/lib/web/attachments/read-upload';
import { storeUpload, UploadRefusedError } from '@/lib/features/attachments/store-upload';

export const dynamic = 'force-dynamic';

/**
 * POST /api/conversations/{id}/attachments: one file as the raw body (its type in
 * Content-Type, its name in X-Filename, URI-encoded). Answers the stored attachment's id, to
 * send with the reply; 413 for a file over ATTACHMENT_MAX_BYTES, 415 for a program or script.
 */
export const POST = apiHandler('agent', async (request, actor, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const maxBytes = env().ATTACHMENT_MAX_BYTES;
  try {
    const upload = await readUpload(request, maxBytes);
    const stored = await storeUpload({ conversationId: id, actorId: actor.id, maxBytes, ...upload });
    return Response.json(stored, { status: 201 });
  } catch (error) {
    if (error instanceof UploadRefusedError) return Response.json({ error: 'refused', message: error.message }, { status: error.status });
    throw error;
  }
});
