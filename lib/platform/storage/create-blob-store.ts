import path from 'node:path';
import type { Env } from '../config/env';
import type { BlobStore } from './blob-store';
import { createLocalBlobStore } from './local-blob-store';
import { createS3BlobStore } from './s3/s3-blob-store';

/** The attachment store the configuration names: an S3 bucket when S3_BUCKET is set, else DATA_DIR/attachments. */
export function createBlobStore(config: Pick<Env, 'DATA_DIR' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>): BlobStore {
  if (!config.S3_BUCKET) return createLocalBlobStore(path.resolve(config.DATA_DIR, 'attachments'));
  if (!config.S3_ACCESS_KEY_ID || !config.S3_SECRET_ACCESS_KEY) throw new Error('S3_BUCKET is set: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY too');
  return createS3BlobStore({
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

let cached: BlobStore | undefined;

/** This process's attachment store, from its environment. */
export async function getBlobStore(): Promise<BlobStore> {
  const { env } = await import('../config/env');
  cached ??= createBlobStore(env());
  return cached;
}
