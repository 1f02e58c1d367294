import { formatBytes, safeFilename } from '../../core/mail/attachment-policy';
import { BodyTooLargeError, readLimitedBody } from '../../features/intake/channels/api/read-limited-body';
import { UploadRefusedError } from '../../features/attachments/store-upload';

/** An upload's bytes and what the browser said about them, refusing an oversized body before reading it all. */
export async function readUpload(request: Request, maxBytes: number): Promise<{ filename: string; contentType: string; bytes: Uint8Array }> {
  let name = request.headers.get('x-filename') ?? 'attachment';
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as sent
  }
  const filename = safeFilename(name);
  try {
    const bytes = await readLimitedBody(request, maxBytes);
    return { filename, contentType: (request.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]?.trim() ?? '', bytes };
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new UploadRefusedError(`${filename} is larger than the limit of ${formatBytes(maxBytes)}.`, 413);
    throw error;
  }
}
