import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isCatchId } from './catch-id';
import { sendBytes, sendError, sendJson } from './http-response';
import type { MailStore } from './store';
import { renderIndexPage, renderMessagePage } from './web-page';

/**
 * JSON API for the dashboard outbox and for tests in other processes, plus a minimal page:
 *   GET    /health                  {ok:true, count}
 *   GET    /api/messages            {messages: CaughtMessageSummary[]}, newest first
 *   DELETE /api/messages            {ok:true}
 *   GET    /api/messages/:id        CaughtMessage
 *   GET    /api/messages/:id/raw    message/rfc822
 *   GET    /  and  /messages/:id    HTML for people
 */
export function createHttpHandler(store: MailStore): RequestListener {
  return (req, res) => {
    route(store, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'internal_error', String(error));
      else res.destroy();
    });
  };
}

async function route(store: MailStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const segments = pathSegments(req.url ?? '/');
  if (segments === null) return sendError(res, 400, 'bad_request', 'Malformed URL');
  // Node drops the body of HEAD responses itself, so HEAD can share the GET handlers.
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  const [first, second, id, fourth, ...rest] = segments;

  if (first === 'health' && second === undefined) {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    return sendJson(res, 200, { ok: true, count: await store.count() });
  }
  if (first === undefined) {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    return sendBytes(res, 'text/html; charset=utf-8', renderIndexPage(await store.list()));
  }
  if (first === 'messages' && second !== undefined && id === undefined) {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    if (!isCatchId(second)) return invalidId(res);
    const message = await store.get(second);
    if (!message) return notFound(res, 'No such message');
    return sendBytes(res, 'text/html; charset=utf-8', renderMessagePage(message));
  }
  if (first !== 'api' || second !== 'messages' || rest.length > 0) return notFound(res, 'No such route');

  if (id === undefined) {
    if (method === 'GET') return sendJson(res, 200, { messages: await store.list() });
    if (method === 'DELETE') {
      await store.clear();
      return sendJson(res, 200, { ok: true });
    }
    return methodNotAllowed(res, 'GET, DELETE');
  }
  if (fourth !== undefined && fourth !== 'raw') return notFound(res, 'No such route');
  if (method !== 'GET') return methodNotAllowed(res, 'GET');
  // The id becomes a file name; anything but the strict id shape (e.g. "../x") stops here.
  if (!isCatchId(id)) return invalidId(res);
  if (fourth === 'raw') {
    const raw = await store.getRaw(id);
    return raw ? sendBytes(res, 'message/rfc822', raw) : notFound(res, 'No such message');
  }
  const message = await store.get(id);
  return message ? sendJson(res, 200, message) : notFound(res, 'No such message');
}

/** Decoded path segments, or null when percent-decoding fails. */
function pathSegments(url: string): string[] | null {
  try {
    const { pathname } = new URL(url, 'http://localhost');
    return pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse, message: string): void {
  sendError(res, 404, 'not_found', message);
}

function invalidId(res: ServerResponse): void {
  sendError(res, 400, 'invalid_id', 'Message ids look like 1732000000000-0123abcd');
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendJson(res, 405, { error: 'method_not_allowed', message: `Allowed: ${allow}` }, { Allow: allow });
}
