import { createRequire } from 'node:module';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInbound } from '../../../../lib/features/intake/accept-inbound';
import type { InboundJson } from '../../../../lib/features/intake/inbound-email';
import { normalizeJson } from '../../../../lib/features/intake/normalize';
import { parseRawEmail } from '../../../../lib/features/intake/parse-raw';
import { storeInbound } from '../../../../lib/features/intake/store-inbound';
import { createLocalEnv } from '../../../support/temporal-test-env';
import { createTempDb, type TempDb } from '../../../support/temp-db';

/**
 * What intake costs the database: a new thread is one read (mailbox, duplicate, round-robin),
 * one statement writing the conversation with its message, and the delivery mark; and the rows
 * that one statement writes are the rows the transaction (still used for replies, attachments
 * and round-robin) writes for the same mail.
 */
let store: TempDb;
let temporal: TestWorkflowEnvironment;
let roundTrips = 0;
type PgModule = { Client: { prototype: { query: (...args: unknown[]) => unknown } } };

beforeAll(async () => {
  [store, temporal] = await Promise.all([createTempDb(), createLocalEnv()]);
  // Every node-postgres query is a round trip (Prisma's statements, BEGIN, COMMIT, raw SQL);
  // every copy of pg on the adapter's way up, as bench/pipeline/process-probe.mjs counts them.
  const require = createRequire(import.meta.url);
  const copies = new Set<PgModule>([require('pg') as PgModule]);
  for (let dir = path.dirname(require.resolve('@prisma/adapter-pg')); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      copies.add(require(path.join(dir, 'node_modules', 'pg')) as PgModule);
    } catch {
      // No copy here.
    }
  }
  for (const pg of copies) {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function counted(this: unknown, ...args: unknown[]) {
      roundTrips += 1;
      return query.apply(this, args);
    };
  }
});
afterAll(async () => {
  await Promise.allSettled([store?.close(), temporal?.teardown()]);
});

const deps = () => ({ db: store.db, getClient: async () => temporal.client, config: { TEMPORAL_TASK_QUEUE: 'round-trips-test' } });
const json = (email: Partial<InboundJson>) =>
  normalizeJson({ from: 'Ana Silva <ana@customer.example>', to: 'support@countersign.local', subject: 'Invoice', text: 'Where is my invoice?', ...email }, 100);

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; trips: number }> {
  const before = roundTrips;
  const result = await work();
  return { result, trips: roundTrips - before };
}

describe('intake round trips', () => {
  it('stores and delivers a new thread in three, and answers a redelivery in one', async () => {
    await store.db.mailbox.create({ data: { address: 'support@countersign.local', displayName: 'Support', inboundChannel: 'api' } });
    const first = await counted(() => acceptInbound(deps(), { ...json({ messageId: '<rt-1@customer.example>' }), channel: 'api' }));
    expect(first.result).toMatchObject({ duplicate: false, queued: false });
    expect(first.trips).toBe(3);
    const row = await store.db.message.findUniqueOrThrow({ where: { id: first.result.messageId }, include: { conversation: true } });
    expect(row.deliveredAt).not.toBeNull();
    expect(row.conversation.workflowStartedAt).not.toBeNull();
    expect(row.mailboxId).toBe(row.conversation.mailboxId);
    expect(row.mailboxId).not.toBeNull();

    const again = await counted(() => acceptInbound(deps(), { ...json({ messageId: '<rt-1@customer.example>' }), channel: 'api' }));
    expect(again.result).toMatchObject({ conversationId: first.result.conversationId, messageId: first.result.messageId, duplicate: true });
    expect(again.trips).toBe(1);
  });

  it('reports the winner’s row to the loser when the same delivery races itself', async () => {
    const email = { ...json({ messageId: '<rt-race@customer.example>' }), channel: 'api' as const };
    // The second was told "not stored yet" (as it is when both read before either writes): the
    // one statement's unique clash writes neither of its rows, and the loser reports the winner's.
    const notYet = { roundRobin: false };
    const first = await storeInbound(email, store.db, undefined, { facts: notYet });
    const second = await storeInbound(email, store.db, undefined, { facts: notYet });
    expect(second).toEqual({ conversationId: first.conversationId, messageId: first.messageId, duplicate: true, needsDelivery: true });
    expect(await store.db.conversation.count({ where: { rootMessageId: '<rt-race@customer.example>' } })).toBe(1);
    expect(await store.db.message.count({ where: { messageIdHeader: '<rt-race@customer.example>' } })).toBe(1);
  });

  it('writes in one statement the same rows the transaction writes', async () => {
    const raw = Buffer.from(
      ['From: Bea <bea@customer.example>', 'To: support+billing@countersign.local', 'Subject: Refund', 'Message-ID: <rt-raw@customer.example>', 'Date: Tue, 1 Dec 2026 10:00:00 +0000', 'Content-Type: text/plain; charset=iso-8859-1', '', 'Caf\xe9 refund please', ''].join('\r\n'),
      'latin1',
    );
    const parsed = await parseRawEmail(new Uint8Array(raw));
    const email = { ...parsed, channel: 'api' as const, authResults: { checked: false as const, reason: 'test' } };
    // The one statement (acceptInbound's way, which also routes support+billing@ to support@),
    // then the transaction (storeInbound with no facts) for a copy under another Message-ID.
    const alone = await acceptInbound(deps(), email);
    const read = (id: string) => store.db.message.findUniqueOrThrow({ where: { id }, include: { conversation: true } });
    const a = await read(alone.messageId);
    const copy = await storeInbound({ ...email, messageId: '<rt-raw-copy@customer.example>', mailboxId: a.mailboxId ?? undefined }, store.db);
    const b = await read(copy.messageId);
    expect(Buffer.from(a.rawMime ?? []).equals(raw)).toBe(true);
    // Everything but ids, the Message-ID itself and times of writing.
    const without = (row: object, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
    const comparable = (row: typeof a) => ({
      ...without(row, ['id', 'conversationId', 'messageIdHeader', 'dedupeKey', 'createdAt', 'deliveredAt', 'conversation']),
      conversation: without(row.conversation, ['id', 'rootMessageId', 'createdAt', 'updatedAt', 'workflowStartedAt']),
    });
    expect(comparable(a)).toEqual(comparable(b));
    expect(a.sentAt.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(Math.abs(a.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(a.mailboxId).not.toBeNull();
  });
});
