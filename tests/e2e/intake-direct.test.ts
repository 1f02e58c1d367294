import http from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { signInboundBody } from '../../lib/features/intake/channels/api/verify-sender-system';
import { CHARSET_MAIL } from '../fixtures/legacy-charset-mail';
import { createLocalEnv } from '../support/temporal-test-env';
import { createTempDb, type TempDb } from '../support/temp-db';
import { ensureWebBuild } from './support/ensure-web-build';
import { startWebNode, type WebNode } from './support/web-node';

/**
 * Mail intake through a real production web node (web/main.ts on the built app), which answers
 * POST /api/inbound and the provider webhooks itself, before Next (lib/web/direct/): the same
 * statuses, bodies and security headers the route handlers gave through Next, the raw bytes
 * stored intact, and everything else still Next's.
 */
const SECRET = 'direct-intake-secret-0123456789abcdef';
const MAX_BYTES = 8 * 1024;

let store: TempDb;
let temporal: TestWorkflowEnvironment;
let web: WebNode;

beforeAll(async () => {
  await ensureWebBuild();
  [store, temporal] = await Promise.all([createTempDb(), createLocalEnv()]);
  web = await startWebNode({
    DATABASE_URL: store.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `direct-intake-${process.pid}`,
    AUTH_SECRET: 'direct-intake-auth-secret-'.padEnd(48, 'x'),
    INBOUND_SECRET: SECRET,
    INBOUND_MAX_BYTES: String(MAX_BYTES),
  });
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await Promise.allSettled([store?.close(), temporal?.teardown()]);
});

const post = (path: string, body: BodyInit, headers: Record<string, string>) => fetch(`${web.url}${path}`, { method: 'POST', body, headers });
const bearer = { authorization: `Bearer ${SECRET}` };
const mail = (messageId: string) => JSON.stringify({ from: 'Ana <ana@customer.example>', to: 'support@countersign.local', subject: 'Invoice', text: 'Where is my invoice?', messageId });

/** A Next-served answer carries Vary: rsc (App Router); one web/main.ts gave itself does not. */
const servedByNext = (response: Response) => /\brsc\b/i.test(response.headers.get('vary') ?? '');

describe('intake answered by web/main.ts before Next', () => {
  it('gives the route handler’s answers, with the same security headers Next adds', async () => {
    onTestFailed(() => console.log(web.output().slice(-4000)));
    const health = await fetch(`${web.url}/api/health`);
    expect(servedByNext(health)).toBe(true);

    const stranger = await post('/api/inbound', mail('<d1@customer.example>'), { 'content-type': 'application/json' });
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toEqual({ error: 'unauthorized', message: 'missing Authorization or X-Countersign-Signature header' });
    expect(servedByNext(stranger)).toBe(false);
    for (const name of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy']) {
      expect(stranger.headers.get(name), name).toBe(health.headers.get(name));
    }
    expect(stranger.headers.get('content-type')).toMatch(/^application\/json/);

    const wrong = await post('/api/inbound', mail('<d1@customer.example>'), { 'content-type': 'application/json', authorization: 'Bearer nope' });
    expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'unauthorized', message: 'invalid bearer token' }]);
    const notJson = await post('/api/inbound', '{not json', { 'content-type': 'application/json', ...bearer });
    expect([notJson.status, ((await notJson.json()) as { error: string }).error]).toEqual([400, 'invalid_json']);
    const plain = await post('/api/inbound', 'x', { 'content-type': 'text/plain', ...bearer });
    expect([plain.status, ((await plain.json()) as { error: string }).error]).toEqual([415, 'unsupported_media_type']);
    const big = await post('/api/inbound', 'x'.repeat(MAX_BYTES + 1), { 'content-type': 'message/rfc822', ...bearer });
    expect([big.status, await big.json()]).toEqual([413, { error: 'too_large', message: `body of ${MAX_BYTES + 1} bytes exceeds ${MAX_BYTES}` }]);
    expect(await store.db.message.count()).toBe(0);
  });

  it('refuses a streamed body past the limit, and answers a stranger who sends a body anyway', async () => {
    // Chunked, no Content-Length: the limit is found while reading.
    const chunked = await rawPost('/api/inbound', { 'content-type': 'message/rfc822', ...bearer }, [Buffer.alloc(MAX_BYTES), Buffer.alloc(10)]);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual({ error: 'too_large', message: `body exceeds ${MAX_BYTES} bytes` });
    const stranger = await rawPost('/api/inbound', { 'content-type': 'message/rfc822' }, [Buffer.alloc(1024)]);
    expect(stranger.status).toBe(401);
    const health = await fetch(`${web.url}/api/health`);
    expect(health.status).toBeLessThan(500);
    // Nothing thrown behind the answers (a refused body closed twice did, once).
    expect(web.output()).not.toMatch(/ERR_INVALID_STATE|uncaught|unhandled/i);
  });

  it('stores, delivers and deduplicates, and keeps signed raw mail byte for byte', async () => {
    const first = await post('/api/inbound', mail('<d2@customer.example>'), { 'content-type': 'application/json', ...bearer });
    expect(first.status).toBe(202);
    expect(servedByNext(first)).toBe(false);
    const accepted = (await first.json()) as { conversationId: string; messageId: string };
    // Stored and answered; handed to Temporal just after the answer (lib/features/intake/hand-off.ts).
    expect(accepted).toEqual({ conversationId: expect.any(String), messageId: expect.any(String), duplicate: false, needsDelivery: true, queued: true });
    await expect.poll(async () => (await store.db.message.findUniqueOrThrow({ where: { id: accepted.messageId } })).deliveredAt, { timeout: 15_000 }).toEqual(expect.any(Date));
    expect((await temporal.client.workflow.getHandle(accepted.conversationId).describe()).status.name).toBe('RUNNING');
    const again = await post('/api/inbound', mail('<d2@customer.example>'), { 'content-type': 'application/json', ...bearer });
    expect(await again.json()).toEqual({ ...accepted, duplicate: true, needsDelivery: false, queued: false });

    const charset = CHARSET_MAIL[0];
    if (!charset) throw new Error('no charset fixture');
    const raw = charset.bytes('<d3@customer.example>');
    const signed = await post('/api/inbound', raw, { 'content-type': 'message/rfc822', ...signInboundBody(raw, SECRET) });
    expect(signed.status).toBe(202);
    const { messageId } = (await signed.json()) as { messageId: string };
    const stored = await store.db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(Buffer.from(stored.rawMime ?? []).equals(Buffer.from(raw))).toBe(true);
    expect(stored.channel).toBe('api');
  });

  it('serves the provider webhooks the same way, and leaves every other request to Next', async () => {
    // No provider is configured on this node: each webhook says so itself, not Next.
    for (const path of ['/api/inbound/postmark', '/api/inbound/sendgrid', '/api/inbound/mailgun', '/api/inbound/mailgun/mime']) {
      const response = await post(path, '{}', { 'content-type': 'application/json' });
      expect(servedByNext(response), path).toBe(false);
      expect([response.status, ((await response.json()) as { error: string }).error], path).toEqual([503, 'channel_disabled']);
    }
    const get = await fetch(`${web.url}/api/inbound`);
    expect([get.status, servedByNext(get)]).toEqual([405, true]);
    const query = await post('/api/inbound?via=relay', mail('<d4@customer.example>'), { 'content-type': 'application/json', ...bearer });
    expect([query.status, servedByNext(query)]).toEqual([202, false]);
  });
});

/** A POST written by hand (chunked when more than one chunk), for what fetch cannot send. */
function rawPost(path: string, headers: Record<string, string>, chunks: Buffer[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, web.url);
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}
