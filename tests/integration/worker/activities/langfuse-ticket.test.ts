import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LlmObserver } from '../../../../lib/platform/llm/observer';
import { createLlmObserver } from '../../../../lib/platform/observability/create-llm-observer';
import { customerKey } from '../../../../lib/platform/observability/customer-key';
import { LangfuseApi } from '../../../../lib/platform/observability/langfuse-api';
import { LangfusePromptClient } from '../../../../lib/platform/observability/langfuse-prompts';
import { rootSpanIdFor, traceIdFor } from '../../../../lib/platform/observability/trace-ids';
import { langfusePromptSource } from '../../../../lib/features/prompts/prompt-source';
import { PROMPT_TEMPLATES } from '../../../../lib/features/prompts/prompt-templates';
import { pushPrompts } from '../../../../lib/features/prompts/push-prompts';
import { evalItemSchema } from '../../../../lib/features/evals/eval-item';
import { startLangfuseReceiver, type LangfuseReceiver } from '../../../unit/platform/observability/langfuse-receiver';
import { exportedSpans, jsonAttribute, type ExportedSpan } from '../../../unit/platform/observability/otlp-json';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

/**
 * The real activities (PostgreSQL, the Claude simulator) with the real LangFuse observer and
 * prompt source pointed at a local LangFuse stand-in: what arrives there is what a manager
 * would read. A customer message is classified, drafted, revised, edited and sent.
 */

const CUSTOMER_SECRET = 'customer-key-secret-for-tests';
const KEYS = { publicKey: 'pk-lf-ticket-test-0001', secretKey: 'sk-lf-ticket-test-0002' };
// The mail puts a phone number and an address at line starts: the case masking used to miss.
const MAIL = 'Hi,\n+1 (415) 555-0134\nmaria@example.com\nI forgot my password and the reset email never came. Thanks, Maria';
const PII = ['maria@example.com', '555-0134', 'help@countersign.local'];

let receiver: LangfuseReceiver;
let observer: LlmObserver;
let fixture: ActivityFixture;

beforeEach(async () => {
  receiver = await startLangfuseReceiver();
  const api = new LangfuseApi({ baseUrl: receiver.url, ...KEYS, timeoutMs: 2_000 });
  await pushPrompts(api, PROMPT_TEMPLATES, { label: 'production' });
  receiver.requests.length = 0;
  observer = createLlmObserver({
    ...KEYS,
    baseUrl: receiver.url,
    maskPii: true,
    customerKeySecret: CUSTOMER_SECRET,
    serviceName: 'countersign-worker',
    release: 'rel-2026-03',
    environment: 'test',
    log: () => undefined,
  });
  const prompts = langfusePromptSource(new LangfusePromptClient(api, { ttlSeconds: 60 }), { label: 'production' });
  fixture = await createActivityFixture({ evalDataset: 'agent-edits-test' }, { observer, prompts });
});

afterEach(async () => {
  await observer.shutdown();
  await fixture.close();
  await receiver.close();
});

const actor = { id: 'user-1', role: 'agent' as const };

function roots(traceId: string): ExportedSpan[] {
  return exportedSpans(receiver.requests).filter((span) => span.traceId === traceId && span.parentSpanId === undefined);
}

describe('a customer message in LangFuse', () => {
  it('reads like a ticket: the mail in, the reply out, the customer, tags, release, linked prompts and one score per decision', async () => {
    const ids = await seedInbound(fixture, MAIL);
    const traceId = traceIdFor({ workflowId: ids.conversationId, messageId: ids.messageId });
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    await fixture.run(fixture.activities.recordRouting, [{ conversationId: ids.conversationId, draftVersion: 1, route: 'review', reasons: ['Billing'] }]);
    await fixture.run(fixture.activities.recordDecision, [
      { conversationId: ids.conversationId, draftVersion: 1, kind: 'revise', actor, idempotencyKey: 'u-revise', instructions: 'mention the spam folder' },
    ]);
    await fixture.run(fixture.activities.draftReply, [
      { conversationId: ids.conversationId, draftVersion: 2, revision: { instructions: 'mention the spam folder', previousVersion: 1 } },
    ]);
    await fixture.run(fixture.activities.recordRouting, [{ conversationId: ids.conversationId, draftVersion: 2, route: 'review', reasons: [] }]);
    const v2 = await fixture.store.db.draft.findFirstOrThrow({ where: { version: 2 } });
    const final = `${v2.aiBody}\n+1 (415) 555-0100\nhelp@countersign.local`;
    await fixture.run(fixture.activities.recordDecision, [
      { conversationId: ids.conversationId, draftVersion: 2, kind: 'approve', actor, idempotencyKey: 'u-approve', editedBody: final },
    ]);
    await fixture.run(fixture.activities.sendReply, [{ conversationId: ids.conversationId, draftVersion: 2, auto: false }]);
    await observer.flush();
    await receiver.waitFor(() => receiver.scores.size >= 4 && receiver.datasetItems.size === 1);

    // Nothing LangFuse would refuse, and no personal data in anything that left.
    expect(receiver.rejected).toEqual([]);
    const everything = receiver.requests.map((request) => request.body).join('\n');
    for (const leak of PII) expect(everything).not.toContain(leak);

    // The ticket: opened with the mail, closed with the reply, one observation under a fixed id.
    const ticket = roots(traceId);
    expect(ticket.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ticket.map((span) => span.spanId))).toEqual(new Set([rootSpanIdFor(traceId)]));
    const closed = ticket.at(-1);
    expect(closed && jsonAttribute(closed, 'langfuse.trace.input')).toEqual({
      from: '[email]',
      subject: 'Password reset',
      text: 'Hi,\n[phone]\n[email]\nI forgot my password and the reset email never came. Thanks, Maria',
    });
    expect(closed?.attributes['langfuse.trace.output']).toBe(`${v2.aiBody}\n[phone]\n[email]`);
    expect(closed?.attributes).toMatchObject({
      'langfuse.trace.name': 'customer-message',
      'session.id': ids.conversationId,
      'user.id': customerKey(CUSTOMER_SECRET, 'maria@example.com'),
      'langfuse.trace.metadata.customerDomain': 'example.com',
      'langfuse.trace.tags': ['category:account', 'route:review', 'outcome:edited', 'model:claude-sonnet-4-6', 'sender:unverified'],
      'langfuse.release': 'rel-2026-03',
    });
    expect(closed?.resource).toMatchObject({ 'service.name': 'countersign-worker', 'langfuse.release': 'rel-2026-03' });

    // Generations hang under the ticket, each linked to the LangFuse prompt version it used.
    const generations = exportedSpans(receiver.requests).filter((span) => span.attributes['langfuse.observation.type'] === 'generation');
    expect(generations.map((span) => span.name)).toEqual(['classify', 'draft', 'revise']);
    expect(generations.every((span) => span.parentSpanId === rootSpanIdFor(traceId) && span.traceId === traceId)).toBe(true);
    expect(generations.map((span) => [span.attributes['langfuse.observation.prompt.name'], span.attributes['langfuse.observation.prompt.version']])).toEqual([
      ['classify-email', 1],
      ['draft-reply', 1],
      ['revise-reply', 1],
    ]);
    expect(generations.every((span) => span.attributes['user.id'] === customerKey(CUSTOMER_SECRET, 'maria@example.com'))).toBe(true);
    // Masked on the structure: every input is still valid JSON.
    for (const span of generations) expect(() => jsonAttribute(span, 'langfuse.observation.input')).not.toThrow();

    // The revise and the approve are two decisions; the edit size and the correction beside them.
    const scores = [...receiver.scores.values()];
    expect(scores.filter((score) => score.name === 'decision').map((score) => [score.value, (score.metadata as { draftVersion: number }).draftVersion])).toEqual([
      ['revision_requested', 1],
      ['edited', 2],
    ]);
    expect(scores.find((score) => score.name === 'edit_size')).toMatchObject({ dataType: 'NUMERIC', value: expect.any(Number) as unknown });
    expect((scores.find((score) => score.name === 'edit_size')?.value as number) > 0).toBe(true);
    expect(scores.find((score) => score.dataType === 'CORRECTION')).toMatchObject({ name: 'output', traceId, value: `${v2.aiBody}\n[phone]\n[email]` });

    // The edit became an evaluation example, in the store and in the LangFuse dataset.
    const stored = await fixture.store.db.evalItem.findUniqueOrThrow({ where: { messageId: ids.messageId } });
    expect(stored).toMatchObject({ dataset: 'agent-edits-test', source: 'edited', sourceTraceId: traceId });
    const item = evalItemSchema.parse({ id: stored.id, input: stored.input, expectedOutput: stored.expectedOutput, metadata: stored.metadata });
    expect(item.expectedOutput).toEqual({ reply: final, decision: 'edited' });
    expect(item.input.thread.at(-1)?.text).toBe(MAIL);
    expect(item.input.triage?.category).toBe('account');
    expect(item.metadata).toMatchObject({ modelDraft: v2.aiBody, model: 'claude-sonnet-4-6', draftVersion: 2 });
    expect(receiver.datasets.has('agent-edits-test')).toBe(true);
    expect(receiver.datasetItems.get(stored.id)).toMatchObject({
      datasetName: 'agent-edits-test',
      sourceTraceId: traceId,
      expectedOutput: { reply: `${v2.aiBody}\n[phone]\n[email]`, decision: 'edited' },
    });
  });

  it('closes a rejected draft with the decision, then with the agent’s own reply, as one example', async () => {
    const ids = await seedInbound(fixture, MAIL);
    const traceId = traceIdFor({ workflowId: ids.conversationId, messageId: ids.messageId });
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    await fixture.run(fixture.activities.recordDecision, [
      { conversationId: ids.conversationId, draftVersion: 1, kind: 'reject', actor, idempotencyKey: 'u-reject', reason: 'Maria needs identity checks first' },
    ]);
    await observer.flush();
    await receiver.waitFor(() => receiver.datasetItems.size === 1);
    const rejected = roots(traceId).at(-1);
    expect(rejected && jsonAttribute(rejected, 'langfuse.trace.output')).toEqual({ decision: 'rejected', reason: 'Maria needs identity checks first', note: 'Nothing was sent.' });
    expect(rejected?.attributes['langfuse.trace.tags']).toEqual(['category:account', 'outcome:rejected', 'model:claude-sonnet-4-6', 'sender:unverified']);
    expect([...receiver.datasetItems.values()][0]?.expectedOutput).toEqual({ reply: null, decision: 'rejected', reason: 'Maria needs identity checks first' });

    const body = 'Hello Maria, a colleague will call you to verify your identity.';
    await fixture.run(fixture.activities.recordManualReply, [{ conversationId: ids.conversationId, draftVersion: 2, body, actor, idempotencyKey: 'u-compose' }]);
    await fixture.run(fixture.activities.sendReply, [{ conversationId: ids.conversationId, draftVersion: 2, auto: false }]);
    await observer.flush();
    await receiver.waitFor(() => [...receiver.scores.values()].some((score) => score.dataType === 'CORRECTION'));

    const replied = roots(traceId).at(-1);
    expect(replied?.attributes['langfuse.trace.output']).toBe(body);
    expect(replied?.attributes['langfuse.trace.tags']).toEqual(['category:account', 'outcome:agent_reply', 'model:claude-sonnet-4-6', 'sender:unverified']);
    const items = await fixture.store.db.evalItem.findMany();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'agent_reply', expectedOutput: { reply: body, decision: 'agent_reply', reason: 'Maria needs identity checks first' } });
    expect(receiver.datasetItems.size).toBe(1);
    expect(receiver.rejected).toEqual([]);
  });

  it('leaves a reply that went out untouched out of the dataset', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    await fixture.run(fixture.activities.recordDecision, [{ conversationId: ids.conversationId, draftVersion: 1, kind: 'approve', actor, idempotencyKey: 'u-ok' }]);
    await fixture.run(fixture.activities.sendReply, [{ conversationId: ids.conversationId, draftVersion: 1, auto: false }]);
    await observer.flush();
    expect(await fixture.store.db.evalItem.count()).toBe(0);
    const traceId = traceIdFor({ workflowId: ids.conversationId, messageId: ids.messageId });
    expect(roots(traceId).at(-1)?.attributes['langfuse.trace.tags']).toContain('outcome:sent');
    expect([...receiver.scores.values()].some((score) => score.dataType === 'CORRECTION')).toBe(false);
    expect([...receiver.scores.values()].find((score) => score.name === 'edit_size')?.value).toBe(0);
  });
});
