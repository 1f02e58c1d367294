import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { assertSha256, type BlobStore } from './blob-store';

/**
 * Blobs under a folder (DATA_DIR/attachments by default): `ab/cd/<sha256>`, written to a
 * temporary name and renamed, so a crash never leaves a half file under a real key, and
 * checked on read so a corrupted file is never served as the attachment.
 */
export function createLocalBlobStore(root: string): BlobStore {
  const fileOf = (sha256: string) => {
    assertSha256(sha256);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    kind: 'local',
    async put(sha256, bytes) {
      const file = fileOf(sha256);
      if (await exists(file)) return;
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, bytes, { mode: 0o600 });
        await rename(temporary, file);
      } finally {
        await rm(temporary, { force: true });
      }
    },
    async get(sha256) {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`attachment ${sha256} is corrupted on disk`);
      return bytes;
    },
    async delete(sha256) {
      await rm(fileOf(sha256), { force: true });
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
