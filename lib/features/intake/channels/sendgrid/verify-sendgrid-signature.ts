import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';
const MAX_SKEW_MS = 5 * 60_000;

/** The security policy's public key: base64 DER (SubjectPublicKeyInfo, P-256) as SendGrid shows it, or PEM. */
export function sendgridPublicKey(value: string): KeyObject {
  const trimmed = value.trim();
  return trimmed.startsWith('-----BEGIN')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
}

/**
 * SendGrid's signed webhooks (Inbound Parse with a security policy): an ECDSA P-256/SHA-256
 * signature (base64 DER) over the timestamp's digits followed directly by the body's exact
 * bytes, checked before anything parses the body. Stale timestamps are refused.
 */
export function verifySendgridSignature(input: { key: KeyObject; body: Uint8Array; signature: string | null; timestamp: string | null; now: number }): string | undefined {
  if (!input.signature || !input.timestamp) return 'missing signature headers (is the security policy attached to this Parse setting?)';
  if (!/^\d+$/.test(input.timestamp) || Math.abs(input.now - Number(input.timestamp) * 1000) > MAX_SKEW_MS) return 'timestamp outside the allowed window';
  try {
    const signed = Buffer.concat([Buffer.from(input.timestamp, 'utf8'), input.body]);
    return verify('sha256', signed, input.key, Buffer.from(input.signature, 'base64')) ? undefined : 'invalid signature';
  } catch {
    return 'invalid signature';
  }
}
