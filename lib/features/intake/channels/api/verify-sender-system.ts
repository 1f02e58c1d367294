import { createHmac, timingSafeEqual } from 'node:crypto';

const MAX_SKEW_SECONDS = 300;

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Authenticates the system that forwards mail to us: either `Authorization: Bearer <secret>`
 * or an HMAC-SHA256 signature `X-Countersign-Signature: sha256=<hex>` over
 * `<X-Countersign-Timestamp>.<body>` (a stolen request cannot be replayed minutes later).
 */
export function verifySenderSystem(headers: Headers, body: string, secret: string, now = Date.now()): string | undefined {
  const authorization = headers.get('authorization');
  if (authorization?.startsWith('Bearer ')) {
    return equal(authorization.slice('Bearer '.length).trim(), secret) ? undefined : 'invalid bearer token';
  }
  const signature = headers.get('x-countersign-signature');
  const timestamp = headers.get('x-countersign-timestamp');
  if (!signature || !timestamp) return 'missing Authorization or X-Countersign-Signature header';
  const seconds = Number(timestamp);
  if (!Number.isFinite(seconds) || Math.abs(now / 1000 - seconds) > MAX_SKEW_SECONDS) return 'timestamp outside the allowed window';
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return equal(signature, expected) ? undefined : 'invalid signature';
}

export function signInboundBody(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'x-countersign-timestamp': String(timestamp),
    'x-countersign-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  };
}
