import { createRequire } from 'node:module';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleInboundRequest } from '../../../../lib/features/intake/channels/api/handle-inbound-request';
import { createHandOff, type HandOff } from '../../../../lib/features/intake/hand-off';
import { GRACE_MS, reconcileUndelivered } from '../../../../lib/features/intake/reconciler';
import { createLocalEnv } from '../../../support/temporal-test-env';
import { createTempDb, type TempDb } from '../../../support/temp-db';

/**
 * Web intake answers once the mail is stored and signals Temporal afterwards (hand-off.ts):
 * the request itself makes two statements and no Temporal call; the hand-off delivers and marks
 * in batches, holds a bounded number, and mail a node stored and never handed off (it died)
 * is delivered by the reconciler.
 */
const SECRET = 'hand-off-secret-0123456789abcdef';
const config = { INBOUND_SECRET: SECRET, INBOUND_MAX_BYTES: 64 * 1024, TEMPORAL_TASK_QUEUE: 'hand-off-test' };

let store: TempDb;
let temporal: TestWorkflowEnvironment;
let statements = 0;
type PgModule = { Client: { prototype: { query: (...args: unknown[]) => unknown } } };

beforeAll(async () => {
  [store, temporal] = await Promise.all([createTempDb(), createLocalEnv()]);
  await store.db.mailbox.create({ data: { address: 'support@countersign.local', displayName: 'Support', inboundChannel: 'api' } });
  // Every node-postgres query is a round trip, as intake-round-trips.test.ts counts them.
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
      statements += 1;
      return query.apply(this, args);
    };
  }
});
afterAll(async () => {
  await Promise.allSettled([store?.close(), temporal?.teardown()]);
});

/** The dev server's client, counting the Temporal calls made through it. */
function countingClient() {
  const calls = { count: 0 };
  const client = {
    workflow: {
      signalWithStart: (...args: Parameters<Client['workflow']['signalWithStart']>) => {
        calls.count += 1;
        return temporal.client.workflow.signalWithStart(...args);
      },
    },
  } as unknown as Client;
  return { client, calls };
}

const mail = (messageId: string) =>
  JSON.stringify({ from: `Ana <ana-${messageId.replace(/\W/g, '')}@customer.example>`, to: 'support@countersign.local', subject: 'Invoice', text: 'Where is my invoice?', messageId });

function post(body: string, handOff: HandOff, getClient: () => Promise<Client>) {
  const request = new Request('http://localhost/api/inbound', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` } });
  return handleInboundRequest(request, { db: store.db, config, getClient, handOff });
}

const delivered = async (messageIds: string[]) => store.db.message.count({ where: { id: { in: messageIds }, deliveredAt: { not: null } } });

describe('intake hand-off', () => {
  it('answers after two statements and no Temporal call, then delivers and marks after the answer', async () => {
    const { client, calls } = countingClient();
    const getClient = async () => client;
    const handOff = createHandOff({ db: store.db, getClient, config });
    // Nothing runs behind the request until it has answered: the hand-off waits for a turn of
    // the event loop (a signal started inside take() would show in the counts below).
    const before = statements;
    const response = await post(mail('<h1@customer.example>'), handOff, getClient);
    const during = { statements: statements - before, temporal: calls.count };
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { conversationId: string; messageId: string; queued: boolean };
    expect(accepted).toMatchObject({ duplicate: false, queued: true });
    expect(during.statements).toBe(2);
    expect(during.temporal).toBe(0);

    await handOff.settled();
    expect(calls.count).toBe(1);
    expect(await delivered([accepted.messageId])).toBe(1);
    const conversation = await store.db.conversation.findUniqueOrThrow({ where: { id: accepted.conversationId } });
    expect(conversation.workflowStartedAt).not.toBeNull();
    expect((await temporal.client.workflow.getHandle(accepted.conversationId).describe()).status.name).toBe('RUNNING');
  });

  it('hands a burst of 100 to Temporal once each, marking the signals that complete together in one statement', async () => {
    // Real signals, answered to the hand-off in groups as its 8 in flight complete: how many marks
    // a burst takes then depends on the code, not on how fast this machine runs them.
    const { client: real, calls } = countingClient();
    const completed: (() => void)[] = [];
    let released = 0;
    const groups: number[] = [];
    const client = {
      workflow: {
        signalWithStart: async (...args: Parameters<Client['workflow']['signalWithStart']>) => {
          const handle = await real.workflow.signalWithStart(...args);
          await new Promise<void>((resolve) => {
            completed.push(resolve);
            if (completed.length < 8 && released + completed.length < 100) return;
            groups.push(completed.length);
            released += completed.length;
            for (const each of completed.splice(0)) each();
          });
          return handle;
        },
      },
    } as unknown as Client;
    const getClient = async () => client;
    const handOff = createHandOff({ db: store.db, getClient, config });
    const responses = await Promise.all(Array.from({ length: 100 }, (_, index) => post(mail(`<burst-${index}@customer.example>`), handOff, getClient)));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(202));
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { messageId: string }).messageId));
    const before = statements;
    await handOff.settled(60_000);
    const marks = statements - before;
    expect(await delivered(ids)).toBe(100);
    expect(calls.count).toBe(100);
    expect(groups).toEqual([...Array(12).fill(8), 4]);
    // At most one mark per group (13); a mark per message would be 100 statements.
    expect(marks).toBeLessThanOrEqual(groups.length);
  });

  it('holds at most its limit; what it refuses, stored already, the reconciler delivers', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { client } = countingClient();
    const getClient = async () => {
      await gate;
      return client;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handOff = createHandOff({ db: store.db, getClient, config }, { limit: 2, concurrency: 1 });
    const answers = [];
    for (const index of [1, 2, 3, 4]) answers.push((await (await post(mail(`<full-${index}@customer.example>`), handOff, getClient)).json()) as { messageId: string; queued: boolean });
    // One in flight and two waiting: the fourth is refused (a warning, no memory), yet stored and answered.
    expect(answers.map((answer) => answer.queued)).toEqual([true, true, true, true]);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/2 messages wait for Temporal already/);
    warn.mockRestore();
    release();
    await handOff.settled();
    const ids = answers.map((answer) => answer.messageId);
    expect(await delivered(ids)).toBe(3);
    const refused = ids[3] ?? '';
    expect(await delivered([refused])).toBe(0);
    await reconcileUndelivered({ db: store.db, client: temporal.client, config }, Date.now() + GRACE_MS + 1_000);
    expect(await delivered([refused])).toBe(1);
  });

  it('delivers mail that was acknowledged and then orphaned by a crash before the hand-off', async () => {
    // The node answered 202 and died before its hand-off ran: nothing in memory survives.
    const crashed: HandOff = { take: () => true, settled: async () => undefined };
    const getClient = () => Promise.reject(new Error('this node is gone'));
    const response = await post(mail('<orphan@customer.example>'), crashed, getClient);
    expect(response.status).toBe(202);
    const { messageId, conversationId } = (await response.json()) as { messageId: string; conversationId: string };
    const row = await store.db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(row.deliveredAt).toBeNull();

    // Within the grace the reconciler leaves it to intake; after it, the net delivers it.
    const reconciler = { db: store.db, client: temporal.client, config };
    const stored = row.createdAt.getTime();
    await reconcileUndelivered(reconciler, stored + GRACE_MS / 2);
    expect(await delivered([messageId])).toBe(0);
    expect(await reconcileUndelivered(reconciler, stored + GRACE_MS + 1_000)).toBeGreaterThanOrEqual(1);
    expect(await delivered([messageId])).toBe(1);
    expect((await temporal.client.workflow.getHandle(conversationId).describe()).status.name).toBe('RUNNING');
  });
});
