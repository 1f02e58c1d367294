// Request/response plumbing shared by the routes: body reading with a size cap, JSON answers,
// and errors in the API's exact envelope with a `request-id` header.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorType } from './messages-api';

/** The real API accepts up to 32 MB per Messages request. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function newRequestId(): string {
  return `req_sim_${randomBytes(12).toString('hex')}`;
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(`Request exceeds the maximum size of ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

export function sendApiError(
  res: ServerResponse,
  status: number,
  type: ApiErrorType,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
  details?: { error_code: string },
): void {
  const error = details ? { type, message, details } : { type, message };
  sendJson(res, status, { type: 'error', error, request_id: requestId }, { ...headers, 'request-id': requestId });
}
