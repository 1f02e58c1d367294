import { z } from 'zod';
import type { Db } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import type { BlobStore } from '../../platform/storage/blob-store';

/**
 * Removes from storage each attachment content the erased rows named, unless another row
 * still names it (contents are shared: the same PDF mailed by two customers is stored once).
 * Returns how many were removed; the request forgets them once done.
 */
export async function eraseOrphanBlobs(erasureId: string, blobs: BlobStore, db: Db = getDb()): Promise<number> {
  const row = await db.erasureRequest.findUniqueOrThrow({ where: { id: erasureId }, select: { pendingBlobs: true } });
  const pending = z.array(z.string()).parse(row.pendingBlobs);
  let removed = 0;
  for (const sha256 of pending) {
    if ((await db.attachment.count({ where: { sha256 } })) > 0) continue;
    await blobs.delete(sha256);
    removed += 1;
  }
  await db.erasureRequest.update({ where: { id: erasureId }, data: { pendingBlobs: [] } });
  return removed;
}
