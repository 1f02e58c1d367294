import { createHmac } from 'node:crypto';
import { sameSecret } from '../webhooks/webhook-response';

export const MAILGUN_MAX_AGE_MS = 5 * 60_000;

export function mailgunSignature(signingKey: string, timestamp: string, token: string): string {
  return createHmac('sha256', signingKey).update(timestamp + token).digest('hex');
}

/**
 * Mailgun signs `timestamp + token` (no separator) with HMAC-SHA256 under the webhook signing
 * key, hex. The signature covers neither body nor URL, so it is only half the check: the
 * timestamp must be fresh and the token unused (recordMailgunToken).
 */
export function verifyMailgunSignature(input: { signingKey: string; timestamp: string; token: string; signature: string; now: number }): string | undefined {
  if (!input.timestamp || !input.token || !input.signature) return 'missing timestamp, token or signature';
  if (!/^\d+$/.test(input.timestamp) || Math.abs(input.now - Number(input.timestamp) * 1000) > MAILGUN_MAX_AGE_MS) return 'timestamp outside the allowed window';
  return sameSecret(input.signature.toLowerCase(), mailgunSignature(input.signingKey, input.timestamp, input.token)) ? undefined : 'invalid signature';
}
