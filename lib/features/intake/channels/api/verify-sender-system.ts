import { createHmac, timingSafeEqual } from 'node:crypto';

const MAX_SKEW_SECONDS = 300;

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function signatureOf(timestamp: string, body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export type SenderCredentials =
  | { kind: 'bearer' }
  /** The headers are well-formed and fresh; the signature is checked over the body's bytes. */
  | { kind: 'signed'; verify(body: Uint8Array): boolean }
  | { kind: 'refused'; reason: string };

/**
 * Authenticates the system that forwards mail to us from its headers alone, so nothing is
 * read from a stranger: either `Authorization: Bearer <secret>` (decided here), or an
 * HMAC-SHA256 signature `X-Countersign-Signature: sha256=<hex>` over
 * `<X-Countersign-Timestamp>.<body bytes>` (a stolen request cannot be replayed minutes later).
 */
export function checkSenderCredentials(request: { header(name: string): string | null }, secret: string, now = Date.now()): SenderCredentials {
  const authorization = request.header('authorization');
  if (authorization?.startsWith('Bearer ')) {
    return equal(authorization.slice('Bearer '.length).trim(), secret) ? { kind: 'bearer' } : { kind: 'refused', reason: 'invalid bearer token' };
  }
  const signature = request.header('x-countersign-signature');
  const timestamp = request.header('x-countersign-timestamp');
  if (!signature || !timestamp) return { kind: 'refused', reason: 'missing Authorization or X-Countersign-Signature header' };
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - seconds) > MAX_SKEW_SECONDS) return { kind: 'refused', reason: 'timestamp outside the allowed window' };
  return { kind: 'signed', verify: (body) => equal(signature, signatureOf(timestamp, body, secret)) };
}

/** The headers a relay sends to sign `body` (its exact bytes; a string is signed as UTF-8). */
export function signInboundBody(body: string | Uint8Array, secret: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { 'x-countersign-timestamp': String(timestamp), 'x-countersign-signature': signatureOf(String(timestamp), body, secret) };
}
