/**
 * Where attachment bytes live: one object per distinct content, named by its SHA-256, so the
 * same file mailed ten times is stored once and a name can never point at other bytes.
 */
export interface BlobStore {
  readonly kind: 'local' | 's3';
  /** Stores the bytes under their SHA-256 (a no-op when that content is already there). */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when the store has no such content. */
  get(sha256: string): Promise<Buffer | undefined>;
  /**
   * Removes the content (a no-op when it is not there). Only for erasure and retention, and only
   * once no Attachment row names this SHA-256: the same bytes may belong to other messages.
   */
  delete(sha256: string): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 content key: ${sha256.slice(0, 80)}`);
}
