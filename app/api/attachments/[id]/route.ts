import { apiHandler } from '@/lib/web/api/api-handler';
import { downloadResponse, previewResponse } from '@/lib/web/attachments/attachment-response';
import { AttachmentRefusedError, readAttachment } from '@/lib/features/attachments/read-attachment';

export const dynamic = 'force-dynamic';

/** GET /api/attachments/{id}: the file as a download; `?preview=1` an image preview (raster images only). */
export const GET = apiHandler('agent', async (request, _actor, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  try {
    const { row, bytes } = await readAttachment(id);
    return new URL(request.url).searchParams.get('preview') === '1'
      ? previewResponse({ filename: row.filename, bytes })
      : downloadResponse({ filename: row.filename, contentType: row.contentType, bytes });
  } catch (error) {
    if (error instanceof AttachmentRefusedError) return Response.json({ error: 'refused', message: error.message }, { status: 403 });
    throw error;
  }
});
