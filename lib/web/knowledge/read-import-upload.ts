import { z } from 'zod';
import { KNOWLEDGE_LIMITS } from '../../core/knowledge/limits';
import { formatBytes } from '../../core/mail/attachment-policy';
import { BodyTooLargeError, readLimitedBody } from '../../features/intake/channels/api/read-limited-body';

/** Why an import upload cannot be read at all, with the HTTP status that says so. */
export class ImportUploadError extends Error {
  override name = 'ImportUploadError';
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
  }
}

const filesSchema = z.array(z.instanceof(File)).transform((files) => files.filter((file) => file.size > 0));

/**
 * The files of an import upload (multipart/form-data, field `files`, each named as the browser
 * sent it: a folder upload sends its path inside the folder). The body is read as it streams in
 * and dropped as soon as it passes `maxBytes`, so an oversized upload is refused without being
 * held in memory; only then is it parsed.
 */
export async function readImportUpload(request: Request, maxBytes: number = KNOWLEDGE_LIMITS.maxImportUploadBytes): Promise<{ name: string; bytes: Uint8Array }[]> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new ImportUploadError('send the files as multipart/form-data (field "files")', 415);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readLimitedBody(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ImportUploadError(`the upload is larger than the limit of ${formatBytes(maxBytes)}: import it in parts`, 413);
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new ImportUploadError('the upload is not readable multipart/form-data', 400);
  }
  const files = filesSchema.safeParse(form.getAll('files'));
  if (!files.success) throw new ImportUploadError('the field "files" holds something other than files', 400);
  return Promise.all(files.data.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
