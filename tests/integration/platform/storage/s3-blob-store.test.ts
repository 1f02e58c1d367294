import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3BlobStore } from '../../../../lib/platform/storage/s3/s3-blob-store';

/**
 * The S3 client against a local S3-compatible server from npm (s3rver): PUT, HEAD, GET, DELETE and the
 * 404s over real HTTP with path-style URLs. s3rver does not verify SigV4 signatures ("Signature
 * version 4 calculation is unimplemented" in its source), so the signing itself is checked
 * against AWS's published examples in tests/unit/platform/storage/sign-v4.test.ts.
 */
let server: S3rver;
let dir: string;
let endpoint: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'attachments-bucket' }] });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const store = (accessKeyId = 'S3RVER') =>
  createS3BlobStore({ bucket: 'attachments-bucket', endpoint, region: 'us-east-1', accessKeyId, secretAccessKey: 'S3RVER', forcePathStyle: true });
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('attachments in an S3-compatible bucket', () => {
  it('stores bytes under their SHA-256 once and reads them back exactly', async () => {
    const bytes = randomBytes(300_000);
    await store().put(sha(bytes), bytes);
    await store().put(sha(bytes), bytes); // already there: HEAD finds it, nothing is written again
    expect(await store().get(sha(bytes))).toEqual(bytes);
  });

  it('answers undefined for content it does not have, and refuses a non-hash key', async () => {
    expect(await store().get(sha(Buffer.from('never stored')))).toBeUndefined();
    await expect(store().get('../../etc/passwd')).rejects.toThrow(/not a SHA-256/);
  });

  it('deletes content for erasure, and deleting it again is no error', async () => {
    const bytes = randomBytes(1_000);
    await store().put(sha(bytes), bytes);
    await store().delete(sha(bytes));
    expect(await store().get(sha(bytes))).toBeUndefined();
    await store().delete(sha(bytes));
    await expect(store().delete('../x')).rejects.toThrow(/not a SHA-256/);
  });

  it('reports the server refusing the credentials', async () => {
    await expect(store('NOT-A-KEY').put(sha(Buffer.from('x')), Buffer.from('x'))).rejects.toThrow(/S3 HEAD failed: 403/);
  });
});
