import { createHash } from 'node:crypto';
import { refusedReason } from '../../core/mail/attachment-policy';
import type { BlobStore } from '../../platform/storage/blob-store';
import { getBlobStore } from '../../platform/storage/create-blob-store';
import type { InboundAttachment } from '../../core/mail/inbound-attachment';

/** An attachment row's fields, its bytes already in the store (or refused and not stored). */
export interface PreparedAttachment {
  sha256: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  contentId: string | null;
  inline: boolean;
  refusedReason: string | null;
}

/**
 * Puts each attachment's bytes in the store under their SHA-256. A program or script is not
 * stored (it stays in the raw message, whose bytes are kept whole) and is listed as refused.
 */
export async function putAttachments(attachments: readonly InboundAttachment[], blobs?: BlobStore): Promise<PreparedAttachment[]> {
  const store = blobs ?? (await getBlobStore());
  const prepared: PreparedAttachment[] = [];
  for (const attachment of attachments) {
    const sha256 = createHash('sha256').update(attachment.content).digest('hex');
    const refused = refusedReason(attachment.filename, attachment.contentType) ?? null;
    if (!refused) await store.put(sha256, attachment.content);
    prepared.push({
      sha256,
      filename: attachment.filename,
      contentType: attachment.contentType,
      sizeBytes: attachment.content.byteLength,
      contentId: attachment.contentId ?? null,
      inline: attachment.inline,
      refusedReason: refused,
    });
  }
  return prepared;
}
