import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InboundAnswer, InboundRequest } from '../../features/intake/channels/api/handle-inbound-request';
import { BodyTooLargeError } from '../../features/intake/channels/api/read-limited-body';

/**
 * POST /api/inbound on Node's own request and response: the relay's intake without a fetch
 * Request, a web stream for its body and a Response to copy back, which cost a burst more CPU
 * than the checks themselves. Same rules as read-limited-body.ts: a declared size over the
 * limit reads nothing; a body that grows past it stops being kept at once.
 */
export function nodeInbound(request: IncomingMessage): InboundRequest {
  return {
    header(name) {
      const value = request.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    readBody: (maxBytes) => readNodeBody(request, maxBytes),
    // Unread, Node discards it once the answer is sent.
    discardBody: async () => undefined,
  };
}

function readNodeBody(request: IncomingMessage, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLargeError(`body of ${declared} bytes exceeds ${maxBytes}`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        stop();
        // The rest flows away unkept, as Node drains any body a handler leaves.
        request.resume();
        reject(new BodyTooLargeError(`body exceeds ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      const body = new Uint8Array(bytes);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(body);
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    // A client that hangs up mid-body: fail instead of waiting for ever.
    const onClose = () => {
      if (request.complete) return;
      stop();
      reject(new Error('the client closed the request before its body ended'));
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
    request.once('close', onClose);
  });
}

/** The answer as JSON, `extra` headers first (as writeFetchResponse sets them). */
export function writeInboundAnswer({ status, body }: InboundAnswer, response: ServerResponse, extra: readonly { key: string; value: string }[]): void {
  for (const { key, value } of extra) response.setHeader(key, value);
  response.setHeader('content-type', 'application/json');
  response.statusCode = status;
  response.end(JSON.stringify(body));
}
