import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for LangFuse speaking its two ingestion protocols: OTLP/HTTP JSON on
 * `POST /api/public/otel/v1/traces` and the REST `POST /api/public/scores`. `hang` accepts
 * connections and reads requests but never answers, like an overloaded backend.
 */

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LangfuseReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Responds with this status to score posts (e.g. 503) until changed. */
  scoreStatus: number;
  /** Switchable at run time: an outage that ends. */
  mode: 'ok' | 'hang';
  waitFor(predicate: (requests: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startLangfuseReceiver(mode: 'ok' | 'hang' = 'ok'): Promise<LangfuseReceiver> {
  const requests: ReceivedRequest[] = [];
  const held: ServerResponse[] = [];
  const receiver = { scoreStatus: 200, mode } as LangfuseReceiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (receiver.mode === 'hang') {
        held.push(res);
        return;
      }
      if (path === '/api/public/otel/v1/traces') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else if (path === '/api/public/scores') {
        res.writeHead(receiver.scoreStatus, { 'content-type': 'application/json' }).end('{"id":"s"}');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    requests,
    async waitFor(predicate: (all: ReceivedRequest[]) => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline) throw new Error(`receiver: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** A URL on which nothing listens: a port that was just free. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
