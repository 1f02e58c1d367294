import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInboundRequest } from '../../../../lib/features/intake/channels/api/handle-inbound-request';
import { reconcileOnce, reconcileUndelivered } from '../../../../lib/features/intake/reconciler';
import { createDb } from '../../../../lib/platform/db/client';
import { signInboundBody } from '../../../../lib/features/intake/channels/api/verify-sender-system';
import { CONVERSATION_WORKFLOW } from '../../../../lib/core/contract';
import { createLocalEnv } from '../../../support/temporal-test-env';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { CHARSET_MAIL } from '../../../fixtures/legacy-charset-mail';

const SECRET = 'inbound-secret-for-tests-0123456789';
const config = { INBOUND_SECRET: SECRET, INBOUND_MAX_BYTES: 64 * 1024, TEMPORAL_TASK_QUEUE: 'intake-test' };

let store: TempDb;
let temporal: TestWorkflowEnvironment;
let temporalUp = true;
beforeAll(async () => {
  [store, temporal] = await Promise.all([createTempDb(), createLocalEnv()]);
});
afterAll(async () => {
  await Promise.allSettled([store?.close(), temporal?.teardown()]);
});

function post(body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>, headers: Record<string, string>) {
  const request = new Request('http://localhost/api/inbound', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return handleInboundRequest(request, {
    db: store.db,
    config,
    getClient: async () => {
      if (!temporalUp) throw new Error('connect ECONNREFUSED 127.0.0.1:7233');
      return temporal.client;
    },
  });
}

const json = (payload: object, extra: Record<string, string> = {}) =>
  post(JSON.stringify(payload), { 'content-type': 'application/json', authorization: `Bearer ${SECRET}`, ...extra });

const email = (messageId: string, more: object = {}) => ({
  from: 'Maria Lopez <maria@example.com>',
  to: 'support@countersign.local',
  subject: 'Password reset',
  text: 'The reset email never arrives.',
  messageId,
  ...more,
});

describe('POST /api/inbound', () => {
  it('refuses unauthenticated, unsigned and badly signed requests', async () => {
    const body = JSON.stringify(email('<a1@example.com>'));
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await post(body, { 'content-type': 'application/json', authorization: 'Bearer wrong-secret' })).status).toBe(401);
    const signed = signInboundBody(body, SECRET);
    expect((await post(`${body} `, { 'content-type': 'application/json', ...signed })).status).toBe(401);
    const stale = signInboundBody(body, SECRET, Math.floor(Date.now() / 1000) - 3600);
    expect((await post(body, { 'content-type': 'application/json', ...stale })).status).toBe(401);
    expect(await store.db.message.count()).toBe(0);
  });

  it('refuses a wrong token without reading a byte of the body', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const response = await post(endless, { 'content-type': 'message/rfc822', authorization: 'Bearer wrong-secret' });
    expect(response.status).toBe(401);
    expect(pulled).toBeLessThanOrEqual(1); // a stream may prime one chunk on creation; nothing is read
    const unsigned = await post(new Uint8Array(10), { 'content-type': 'message/rfc822', 'x-countersign-timestamp': '1', 'x-countersign-signature': 'sha256=00' });
    expect(unsigned.status).toBe(401);
  });

  it('answers 4xx with a reason for requests that are not mail at all', async () => {
    expect((await json({ from: 42 })).status).toBe(400);
    expect((await post('{not json', { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` })).status).toBe(400);
    expect((await post('x', { 'content-type': 'text/plain', authorization: `Bearer ${SECRET}` })).status).toBe(415);
    expect((await json(email('<big@example.com>', { text: 'x'.repeat(70_000) }))).status).toBe(413);
  });

  it('keeps mail without a Message-ID or From, flagged for a person instead of refused', async () => {
    const response = await json({ from: '', text: 'no message id, no sender' });
    expect(response.status).toBe(202);
    const { messageId } = (await response.json()) as { messageId: string };
    const stored = await store.db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(stored.screening).toEqual(expect.arrayContaining(['invalid_message_id', 'sender_not_one_mailbox']));
    expect(stored.senderAddress).toBeNull();
    expect(stored.senderProblem).toMatch(/no From/);
  });

  it('stores, starts the conversation workflow and deduplicates a redelivery', async () => {
    const first = await json(email('<root-1@example.com>'), signInboundBody('', SECRET));
    expect(first.status).toBe(202);
    const accepted = (await first.json()) as { conversationId: string; duplicate: boolean; queued: boolean };
    expect(accepted).toMatchObject({ duplicate: false, queued: false });
    const again = (await (await json(email('root-1@example.com'))).json()) as { conversationId: string; duplicate: boolean };
    expect(again).toMatchObject({ conversationId: accepted.conversationId, duplicate: true });
    expect(await store.db.message.count({ where: { conversationId: accepted.conversationId } })).toBe(1);

    const description = await temporal.client.workflow.getHandle(accepted.conversationId).describe();
    expect(description.type).toBe(CONVERSATION_WORKFLOW);
    expect(accepted.conversationId).not.toContain('maria');

    // A reply in the thread joins the same conversation.
    const reply = await json(email('<reply-1@example.com>', { inReplyTo: '<root-1@example.com>', references: '<root-1@example.com>' }));
    expect(((await reply.json()) as { conversationId: string }).conversationId).toBe(accepted.conversationId);
  });

  it('stores legacy-charset mail byte for byte, signed or not, and decodes it', async () => {
    for (const [index, mail] of CHARSET_MAIL.entries()) {
      const raw = mail.bytes(`<charset-${index}@example.com>`);
      // Signed over the exact bytes (a body decoded as UTF-8 first would fail this), and with the bearer token.
      const signed = await post(raw, { 'content-type': 'message/rfc822', ...signInboundBody(raw, SECRET) });
      expect(signed.status, mail.key).toBe(202);
      const { messageId } = (await signed.json()) as { messageId: string };
      const stored = await store.db.message.findUniqueOrThrow({ where: { id: messageId } });
      expect(Buffer.from(stored.rawMime ?? []).equals(Buffer.from(raw)), mail.key).toBe(true);
      expect(stored.textBody?.trim()).toBe(mail.expectedText);
      expect(stored.subject).toBe(mail.subject);

      const again = mail.bytes(`<charset-bearer-${index}@example.com>`);
      const unsigned = await post(again, { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` });
      const kept = await store.db.message.findUniqueOrThrow({ where: { id: ((await unsigned.json()) as { messageId: string }).messageId } });
      expect(Buffer.from(kept.rawMime ?? []).equals(Buffer.from(again)), mail.key).toBe(true);
    }
    const tampered = CHARSET_MAIL[0]!.bytes('<tampered@example.com>');
    const headers = signInboundBody(tampered, SECRET);
    const last = tampered.length - 3;
    tampered[last] = (tampered[last] ?? 0) ^ 1;
    expect((await post(tampered, { 'content-type': 'message/rfc822', ...headers })).status).toBe(401);
  });

  it('accepts raw RFC 822 mail, and keeps unparseable mail for a person', async () => {
    const raw = 'From: Tom <tom@example.com>\r\nSubject: Invoice\r\nMessage-ID: <raw-1@example.com>\r\n\r\nWhere is it?';
    const response = await post(raw, { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` });
    expect(response.status).toBe(202);
    const stored = await store.db.message.findFirstOrThrow({ where: { messageIdHeader: '<raw-1@example.com>' } });
    expect(stored).toMatchObject({ fromAddress: 'tom@example.com', senderAddress: 'tom@example.com', subject: 'Invoice' });
    expect(Buffer.from(stored.rawMime ?? []).toString('utf8')).toBe(raw);

    const garbage = await post('\u0000\u0001 not mail', { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` });
    expect(garbage.status).toBe(202);
    // Bytes are kept as they arrived, U+0000 included (bytea; only text columns replace it).
    const kept = await store.db.message.findUniqueOrThrow({ where: { id: ((await garbage.json()) as { messageId: string }).messageId } });
    expect(Buffer.from(kept.rawMime ?? []).toString('utf8')).toBe('\u0000\u0001 not mail');
    expect(kept.screening).toContain('malformed');
  });

  it('keeps mail while Temporal is down and delivers it later', async () => {
    temporalUp = false;
    const response = await json(email('<while-down@example.com>'));
    expect(response.status).toBe(202);
    const queued = (await response.json()) as { conversationId: string; queued: boolean };
    expect(queued.queued).toBe(true);
    const message = await store.db.message.findFirstOrThrow({ where: { messageIdHeader: '<while-down@example.com>' } });
    expect(message.deliveredAt).toBeNull();

    temporalUp = true;
    await store.db.message.update({ where: { id: message.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    expect(await reconcileUndelivered({ db: store.db, client: temporal.client, config })).toBeGreaterThanOrEqual(1);
    // Both marks, in UTC (written by one SQL statement, read back through Prisma).
    const deliveredAt = (await store.db.message.findUniqueOrThrow({ where: { id: message.id } })).deliveredAt;
    const startedAt = (await store.db.conversation.findUniqueOrThrow({ where: { id: queued.conversationId } })).workflowStartedAt;
    for (const mark of [deliveredAt, startedAt]) expect(Math.abs((mark?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    const description = await temporal.client.workflow.getHandle(queued.conversationId).describe();
    expect(description.status.name).toBe('RUNNING');
  });

  it('delivers each queued message once however many workers run the reconciler at the same moment', async () => {
    temporalUp = false;
    const ids = ['<many-1@example.com>', '<many-2@example.com>', '<many-3@example.com>'];
    for (const id of ids) expect((await json(email(id))).status).toBe(202);
    temporalUp = true;
    await store.db.message.updateMany({ where: { messageIdHeader: { in: ids } }, data: { createdAt: new Date(Date.now() - 60_000) } });

    // Three workers, each with its own pool, as on three machines; the client counts signals.
    const signalled: string[] = [];
    const client = {
      workflow: {
        signalWithStart: async (_workflow: string, options: { signalArgs: [{ messageId: string }] }) => {
          signalled.push(options.signalArgs[0].messageId);
          await new Promise((resolve) => setTimeout(resolve, 50));
        },
      },
    } as unknown as typeof temporal.client;
    const workers = [createDb(store.url), createDb(store.url), createDb(store.url)];
    try {
      const passes = await Promise.all(workers.map((db) => reconcileOnce({ db, client, config })));
      expect(passes.filter((pass) => pass === null)).toHaveLength(2);
      expect(passes.find((pass) => pass !== null)).toBe(3);
      expect(signalled).toHaveLength(3);
      expect(new Set(signalled).size).toBe(3);
      // The lock is gone with the transaction: the next pass runs and finds nothing left.
      expect(await reconcileOnce({ db: workers[0] ?? store.db, client, config })).toBe(0);
    } finally {
      await Promise.all(workers.map((db) => db.$disconnect()));
    }
  });
});
