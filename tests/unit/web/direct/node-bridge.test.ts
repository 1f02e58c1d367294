import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toFetchRequest, writeFetchResponse } from '../../../../lib/web/direct/node-bridge';

/** A real Node server whose requests go through the bridge to `handle`. */
async function serve(handle: (request: Request) => Promise<Response>): Promise<string> {
  const server = http.createServer((request, response) => {
    void handle(toFetchRequest(request)).then(
      (answer) => writeFetchResponse(answer, response, [{ key: 'X-Frame-Options', value: 'DENY' }]),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('the Node request bridge for web/main.ts’s own handlers', () => {
  it('hands over the body byte for byte, with headers, and writes the answer with the extra headers', async () => {
    const url = await serve(async (request) => {
      const body = new Uint8Array(await request.arrayBuffer());
      return Response.json({ bytes: [...body], type: request.headers.get('content-type'), query: new URL(request.url).search }, { status: 202 });
    });
    const bytes = new Uint8Array([0, 0xff, 0xe9, 0x0d, 0x0a, 0x80]);
    const response = await fetch(`${url}/api/inbound?via=relay`, { method: 'POST', body: bytes, headers: { 'content-type': 'message/rfc822' } });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.json()).toEqual({ bytes: [...bytes], type: 'message/rfc822', query: '?via=relay' });
  });

  it('answers after a handler cancels the body unread, and keeps serving', async () => {
    const url = await serve(async (request) => {
      await request.body?.cancel();
      return Response.json({ error: 'unauthorized' }, { status: 401 });
    });
    for (let round = 0; round < 3; round += 1) {
      const response = await fetch(`${url}/api/inbound`, { method: 'POST', body: new Uint8Array(256 * 1024) });
      expect(response.status).toBe(401);
      await response.arrayBuffer();
    }
  });

  it('fails the body’s reader when the client hangs up mid-body, instead of waiting for ever', async () => {
    let failed: (error: unknown) => void = () => undefined;
    let started: () => void = () => undefined;
    const reading = new Promise((resolve) => (failed = resolve));
    const handling = new Promise<void>((resolve) => (started = resolve));
    const url = await serve(async (request) => {
      started();
      try {
        await request.arrayBuffer();
      } catch (error) {
        failed(error);
      }
      return new Response(null, { status: 400 });
    });
    const { hostname, port } = new URL(url);
    const client = http.request({ hostname, port, method: 'POST', path: '/api/inbound', headers: { 'content-length': '1000' } });
    client.on('error', () => undefined);
    client.write(Buffer.alloc(10));
    await handling;
    client.destroy();
    expect(await reading).toBeInstanceOf(Error);
  });
});
