import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A Node request as a fetch Request, for the handlers web/main.ts serves before Next. Headers
 * as they are now (after settleForwardedHeaders rewrote them), the body streamed as it
 * arrives: a handler that refuses before reading (credentials, a declared size) reads nothing,
 * and cancelling stops taking chunks (Node discards the rest once the answer is sent, as it
 * does for Next) without destroying the socket the answer goes out on.
 */
export function toFetchRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of [value].flat()) headers.append(name, one);
  }
  const host = request.headers.host ?? 'localhost';
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onData = (chunk: Buffer) => {
    controller?.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller?.desiredSize ?? 0) <= 0) request.pause();
  };
  const body = new ReadableStream<Uint8Array>({
    start(opened) {
      controller = opened;
      request.on('data', onData);
      // Through `controller`, which cancel() clears: a cancelled stream must not be closed again.
      request.once('end', () => controller?.close());
      request.once('error', (error) => controller?.error(error));
      // A client that hangs up mid-body: the reader fails instead of waiting for ever.
      request.once('close', () => {
        if (!request.complete) controller?.error(new Error('the client closed the request before its body ended'));
      });
      request.pause();
    },
    pull() {
      request.resume();
    },
    cancel() {
      request.off('data', onData);
      controller = undefined;
    },
  });
  return new Request(`http://${host}${request.url ?? '/'}`, { method: request.method, headers, body, duplex: 'half' } as RequestInit);
}

/** Writes a fetch Response to Node's response: `extra` headers first, the handler's own win. */
export async function writeFetchResponse(answer: Response, response: ServerResponse, extra: readonly { key: string; value: string }[]): Promise<void> {
  for (const { key, value } of extra) response.setHeader(key, value);
  answer.headers.forEach((value, key) => response.setHeader(key, value));
  response.statusCode = answer.status;
  response.end(Buffer.from(await answer.arrayBuffer()));
}
