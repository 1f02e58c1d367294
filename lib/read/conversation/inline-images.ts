import 'server-only';
import { sniffPreviewImage } from '../../core/mail/attachment-policy';
import { getDb, type DbClient } from '../../platform/db';
import type { BlobStore } from '../../platform/storage/blob-store';
import { getBlobStore } from '../../platform/storage/create-blob-store';
import type { ThreadMessage } from './detail-types';

const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const MAX_TOTAL_BYTES = 8 * 1024 * 1024;

/**
 * The `cid:` images each message's HTML refers to, as data: URIs for the sandboxed viewer
 * (its CSP loads data: images only; it cannot fetch from our origin). Only raster images whose
 * bytes say so, and within a size budget; anything else stays a broken image in the view and a
 * download in the attachment list.
 */
export async function loadCidImages(messages: readonly ThreadMessage[], db: DbClient = getDb(), blobs?: BlobStore): Promise<Record<string, Record<string, string>>> {
  const wanted = messages.flatMap((message) =>
    message.htmlBody?.includes('cid:')
      ? message.attachments.filter((attachment) => attachment.contentId && attachment.previewable && attachment.sizeBytes <= MAX_IMAGE_BYTES).map((attachment) => ({ message, attachment }))
      : [],
  );
  const result: Record<string, Record<string, string>> = {};
  if (wanted.length === 0) return result;
  const store = blobs ?? (await getBlobStore());
  const rows = await db.attachment.findMany({ where: { id: { in: wanted.map(({ attachment }) => attachment.id) } }, select: { id: true, sha256: true } });
  const shaOf = new Map(rows.map((row) => [row.id, row.sha256]));
  let total = 0;
  for (const { message, attachment } of wanted) {
    if (total + attachment.sizeBytes > MAX_TOTAL_BYTES) break;
    const sha = shaOf.get(attachment.id);
    const bytes = sha ? await store.get(sha).catch(() => undefined) : undefined;
    const type = bytes ? sniffPreviewImage(bytes) : undefined;
    if (!bytes || !type || !attachment.contentId) continue;
    total += bytes.length;
    (result[message.id] ??= {})[attachment.contentId] = `data:${type};base64,${bytes.toString('base64')}`;
  }
  return result;
}
