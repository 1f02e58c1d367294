import { AppError, NotFoundError } from '../../core/errors';
import { getDb, type DbClient } from '../../platform/db';
import type { BlobStore } from '../../platform/storage/blob-store';
import { getBlobStore } from '../../platform/storage/create-blob-store';

/** The file may not be served (a program or script): the reason is safe to show. */
export class AttachmentRefusedError extends AppError {
  override name = 'AttachmentRefusedError';
}

/** An attachment's row and bytes, for a download. Refused types are never read from the store. */
export async function readAttachment(id: string, db: DbClient = getDb(), blobs?: BlobStore) {
  const row = await db.attachment.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('Attachment', id);
  if (row.refusedReason) throw new AttachmentRefusedError(`${row.filename} cannot be downloaded: ${row.refusedReason}.`);
  const bytes = await (blobs ?? (await getBlobStore())).get(row.sha256);
  if (!bytes) throw new NotFoundError('Attachment content', row.sha256);
  return { row, bytes };
}
