import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes via a dot-prefixed temp file in the same folder and renames it into place, so a
 * reader (or a restart after a crash) never sees a half-written `.eml` or sidecar. Same folder
 * keeps the rename on one file system, where it is atomic.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  const tempPath = path.join(
    path.dirname(filePath),
    `.tmp-${randomBytes(6).toString('hex')}-${path.basename(filePath)}`,
  );
  try {
    await writeFile(tempPath, data);
    await rename(tempPath, filePath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}
