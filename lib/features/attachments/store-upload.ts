import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import { formatBytes, refusedReason, safeFilename } from '../../core/mail/attachment-policy';
import { getDb, type DbClient } from '../../platform/db';
import type { BlobStore } from '../../platform/storage/blob-store';
import { getBlobStore } from '../../platform/storage/create-blob-store';

export class UploadRefusedError extends AppError {
  override name = 'UploadRefusedError';
  constructor(
    message: string,
    readonly status: 413 | 415 | 400,
  ) {
    super(message);
  }
}

export interface UploadInput {
  conversationId: string;
  actorId: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
  maxBytes: number;
}

/**
 * A file an agent attaches to a reply: checked (size, type: no programs or scripts), stored by
 * content, and recorded unassigned until the reply that carries it is sent (assignUploads).
 */
export async function storeUpload(input: UploadInput, db: DbClient = getDb(), blobs?: BlobStore) {
  const filename = safeFilename(input.filename);
  const contentType = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(input.contentType) ? input.contentType.toLowerCase() : 'application/octet-stream';
  if (input.bytes.byteLength === 0) throw new UploadRefusedError(`${filename} is empty.`, 400);
  if (input.bytes.byteLength > input.maxBytes) throw new UploadRefusedError(`${filename} is ${formatBytes(input.bytes.byteLength)}; the limit is ${formatBytes(input.maxBytes)}.`, 413);
  const refused = refusedReason(filename, contentType);
  if (refused) throw new UploadRefusedError(`${filename} cannot be attached: ${refused}.`, 415);
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, select: { id: true } });
  if (!conversation) throw new UploadRefusedError('No such conversation.', 400);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await (blobs ?? (await getBlobStore())).put(sha256, input.bytes);
  return db.attachment.create({
    data: { conversationId: input.conversationId, uploadedBy: input.actorId, sha256, filename, contentType, sizeBytes: input.bytes.byteLength },
    select: { id: true, filename: true, contentType: true, sizeBytes: true },
  });
}
