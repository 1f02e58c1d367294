import { timingSafeEqual } from 'node:crypto';
import { BodyTooLargeError, readLimitedBody } from '../api/read-limited-body';

export function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Constant-time equality of two strings (length leaks, content does not). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * What a provider posts is larger than the message it carries (base64 adds a third, form
 * encoding more): the body limit is the message limit plus that, and a megabyte of fields.
 */
export function webhookBodyLimit(maxMessageBytes: number): number {
  return Math.ceil(maxMessageBytes * 1.4) + 1024 * 1024;
}

/** A provider's body, exactly as sent and read up to the webhook limit; over it, the 413 to answer. */
export async function readWebhookBody(request: Request, maxMessageBytes: number): Promise<{ body: Uint8Array<ArrayBuffer> } | { refused: Response }> {
  try {
    return { body: await readLimitedBody(request, webhookBodyLimit(maxMessageBytes)) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { refused: json(413, { error: 'too_large', message: error.message }) };
    throw error;
  }
}

/** Bytes of a field that may be a string (UTF-8) or a file. */
export async function fieldBytes(value: FormDataEntryValue | null): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (value === null) return undefined;
  if (typeof value === 'string') return new Uint8Array(Buffer.from(value, 'utf8'));
  return new Uint8Array(await value.arrayBuffer());
}
