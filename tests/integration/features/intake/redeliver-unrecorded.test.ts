import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInboundRequest } from '../../../../lib/features/intake/channels/api/handle-inbound-request';
import { reconcileOnce } from '../../../../lib/features/intake/reconciler';
import { RECORD_GRACE_MS } from '../../../../lib/features/intake/redeliver-unrecorded';
import { appendEvent } from '../../../../lib/features/timeline/append-event';
import { createLocalEnv } from '../../../support/temporal-test-env';
import { createTempDb, type TempDb } from '../../../support/temp-db';

const SECRET = 'inbound-secret-for-tests-0123456789';
// No worker polls this queue: the runs only collect signals, which is what is checked.
const config = { INBOUND_SECRET: SECRET, INBOUND_MAX_BYTES: 64 * 1024, TEMPORAL_TASK_QUEUE: 'redeliver-test' };

let store: TempDb;
let temporal: TestWorkflowEnvironment;
beforeAll(async () => {
  [store, temporal] = await Promise.all([createTempDb(), createLocalEnv()]);
});
afterAll(async () => {
  await Promise.allSettled([store?.close(), temporal?.teardown()]);
});

async function receive(messageIdHeader: string): Promise<{ conversationId: string; messageId: string }> {
  const body = JSON.stringify({ from: 'Maria Lopez <maria@example.com>', to: 'support@countersign.local', subject: 'Refund', text: 'Where is it?', messageId: messageIdHeader });
  const request = new Request('http://localhost/api/inbound', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
  });
  const response = await handleInboundRequest(request, { db: store.db, config, getClient: () => Promise.resolve(temporal.client) });
  expect(response.status).toBe(202);
  return (await response.json()) as { conversationId: string; messageId: string };
}

async function signalsOf(conversationId: string, messageId: string): Promise<number> {
  const history = await temporal.client.workflow.getHandle(conversationId).fetchHistory();
  return (history.events ?? []).filter((event) => {
    const payload = event.workflowExecutionSignaledEventAttributes?.input?.payloads?.[0]?.data;
    return payload && (JSON.parse(Buffer.from(payload).toString()) as { messageId?: string }).messageId === messageId;
  }).length;
}

describe('the reconciler and messages a workflow never recorded', () => {
  it('signals again a delivered message with no received event once the grace is over, and only that one', async () => {
    const lost = await receive('<lost@example.com>');
    const recorded = await receive('<recorded@example.com>');
    const recent = await receive('<recent@example.com>');
    const longAgo = new Date(Date.now() - RECORD_GRACE_MS - 60_000);
    await store.db.message.updateMany({ where: { id: { in: [lost.messageId, recorded.messageId] } }, data: { deliveredAt: longAgo } });
    // What prepareInboundMessage writes when the workflow records a message.
    await appendEvent({ conversationId: recorded.conversationId, key: `received:${recorded.messageId}`, type: 'received', data: { messageId: recorded.messageId, fromAddress: 'maria@example.com', subject: 'Refund', automated: false, screening: [] } }, store.db);

    expect(await reconcileOnce({ db: store.db, client: temporal.client, config })).toBe(1);
    expect(await signalsOf(lost.conversationId, lost.messageId)).toBe(2);
    expect(await signalsOf(recorded.conversationId, recorded.messageId)).toBe(1);
    expect(await signalsOf(recent.conversationId, recent.messageId)).toBe(1);
    const restamped = await store.db.message.findUniqueOrThrow({ where: { id: lost.messageId } });
    expect(restamped.deliveredAt!.getTime()).toBeGreaterThan(longAgo.getTime());

    // Stamped anew: the next pass waits another grace before signalling it again.
    expect(await reconcileOnce({ db: store.db, client: temporal.client, config })).toBe(0);
    expect(await signalsOf(lost.conversationId, lost.messageId)).toBe(2);
  });
});
