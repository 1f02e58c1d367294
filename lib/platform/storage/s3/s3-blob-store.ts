import { createHash } from 'node:crypto';
import { assertSha256, type BlobStore } from '../blob-store';
import { sha256Hex, signV4 } from './sign-v4';

export interface S3Config {
  bucket: string;
  /** e.g. https://s3.eu-central-1.amazonaws.com or a MinIO/R2/B2 endpoint; default AWS's regional one. */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** endpoint/bucket/key instead of bucket.endpoint/key. */
  forcePathStyle: boolean;
  fetch?: typeof fetch;
}

export class S3Error extends Error {
  override name = 'S3Error';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Attachments in an S3-compatible bucket, with plain signed HTTP (SigV4): PUT, GET, HEAD and DELETE
 * of `attachments/<sha256>`. Every body is signed by its hash, so a proxy cannot alter it,
 * and what comes back is checked against its name before it is served.
 */
export function createS3BlobStore(config: S3Config): BlobStore {
  const send = config.fetch ?? fetch;
  const base = new URL(config.endpoint ?? `https://s3.${config.region}.amazonaws.com`);
  const urlOf = (sha256: string) => {
    assertSha256(sha256);
    const key = `attachments/${sha256}`;
    const url = new URL(base);
    if (config.forcePathStyle) url.pathname = `${base.pathname.replace(/\/$/, '')}/${config.bucket}/${key}`;
    else {
      url.hostname = `${config.bucket}.${base.hostname}`;
      url.pathname = `/${key}`;
    }
    return url;
  };
  const request = async (method: 'GET' | 'PUT' | 'HEAD' | 'DELETE', sha256: string, body?: Uint8Array) => {
    const url = urlOf(sha256);
    const headers: Record<string, string> = body ? { 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) } : {};
    const signed = signV4({
      method,
      url,
      headers,
      payloadHash: sha256Hex(body ?? new Uint8Array(0)),
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: 's3',
      date: new Date(),
    });
    const { host: _host, 'content-length': _length, ...sent } = signed.headers;
    return send(url, { method, headers: sent, body: body ? Buffer.from(body) : undefined, signal: AbortSignal.timeout(60_000) });
  };
  const failure = async (response: Response, what: string) => {
    const text = (await response.text().catch(() => '')).slice(0, 300);
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    return new S3Error(`S3 ${what} failed: ${response.status}${code ? ` ${code}` : ''}`, response.status);
  };
  return {
    kind: 's3',
    async put(sha256, bytes) {
      const head = await request('HEAD', sha256);
      if (head.ok) return;
      if (head.status !== 404) throw await failure(head, 'HEAD');
      const response = await request('PUT', sha256, bytes);
      if (!response.ok) throw await failure(response, 'PUT');
      await response.arrayBuffer();
    },
    async get(sha256) {
      const response = await request('GET', sha256);
      if (response.status === 404) {
        await response.arrayBuffer();
        return undefined;
      }
      if (!response.ok) throw await failure(response, 'GET');
      const bytes = Buffer.from(await response.arrayBuffer());
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new S3Error(`attachment ${sha256} came back altered from the bucket`, 502);
      return bytes;
    },
    async delete(sha256) {
      // S3 answers 204 whether or not the key existed: deleting twice is fine.
      const response = await request('DELETE', sha256);
      if (!response.ok && response.status !== 404) throw await failure(response, 'DELETE');
      await response.arrayBuffer();
    },
  };
}
