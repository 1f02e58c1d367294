import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LlmObserver } from '../../../../lib/platform/llm/observer';
import { computeCostUsd } from '../../../../lib/platform/llm/pricing';
import { createLlmObserver } from '../../../../lib/platform/observability/create-llm-observer';
import { customerKey } from '../../../../lib/platform/observability/customer-key';
import { rootSpanIdFor } from '../../../../lib/platform/observability/trace-ids';
import { CONVERSATION_ID, generation, LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, MESSAGE_ID, TRACE_ID, WORKFLOW_ID } from './generation-fixture';
import { startLangfuseReceiver, type LangfuseReceiver } from './langfuse-receiver';
import { exportedSpans, jsonAttribute } from './otlp-json';

// The observer against a local server speaking LangFuse's OTLP/HTTP endpoint: what arrives is
// what LangFuse would ingest.

let receiver: LangfuseReceiver;
let observer: LlmObserver;
const logs: string[] = [];

const CUSTOMER_KEY_SECRET = 'customer-key-secret-0123456789';

function start(options: { maskPii?: boolean; secrets?: string[] } = {}): LlmObserver {
  observer = createLlmObserver({
    publicKey: LANGFUSE_PUBLIC_KEY,
    secretKey: LANGFUSE_SECRET_KEY,
    baseUrl: receiver.url,
    maskPii: options.maskPii ?? false,
    secrets: options.secrets,
    customerKeySecret: CUSTOMER_KEY_SECRET,
    serviceName: 'countersign-worker',
    serviceVersion: '0.1.0',
    release: 'abc123def456',
    environment: 'test',
    log: (message) => logs.push(message),
  });
  return observer;
}

beforeEach(async () => {
  receiver = await startLangfuseReceiver();
  logs.length = 0;
});

afterEach(async () => {
  await observer.shutdown();
  // Nothing the observer sent would have been refused by LangFuse.
  expect(receiver.rejected).toEqual([]);
  await receiver.close();
});

describe('LangFuse generations over OTLP', () => {
  it('puts a message’s classify and draft generations in one trace with the deterministic id', async () => {
    start();
    const draftUsage = { inputTokens: 640, outputTokens: 210, cacheReadTokens: 3100, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 };
    observer.recordGeneration(generation());
    observer.recordGeneration(
      generation({
        name: 'draft',
        purpose: 'draft',
        model: 'claude-sonnet-4-5',
        promptName: 'draft-reply',
        promptVersion: 3,
        promptSource: 'langfuse',
        customerAddress: 'Jane.Doe@Example.com',
        tags: ['category:orders'],
        usage: draftUsage,
        costUsd: computeCostUsd('claude-sonnet-4-5', draftUsage).costUsd,
      }),
    );
    await observer.flush();

    const request = receiver.requests.find((r) => r.path === '/api/public/otel/v1/traces');
    const expectedAuth = `Basic ${Buffer.from(`${LANGFUSE_PUBLIC_KEY}:${LANGFUSE_SECRET_KEY}`).toString('base64')}`;
    expect(request?.headers.authorization).toBe(expectedAuth);
    expect(request?.headers['content-type']).toBe('application/json');

    const spans = exportedSpans(receiver.requests);
    expect(spans.map((span) => span.name).sort()).toEqual(['classify', 'draft']);
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([TRACE_ID]));
    // Children of the message's ticket observation (its fixed span id), so the trace's input
    // and output are the customer's mail and the reply, never the last raw prompt.
    expect(spans.every((span) => span.parentSpanId === rootSpanIdFor(TRACE_ID))).toBe(true);
    expect(spans.every((span) => span.resource['service.name'] === 'countersign-worker')).toBe(true);
    expect(spans[0]?.resource).toMatchObject({ 'service.version': '0.1.0', 'langfuse.release': 'abc123def456' });
    expect(spans.every((span) => span.attributes['langfuse.release'] === 'abc123def456')).toBe(true);

    const draft = spans.find((span) => span.name === 'draft');
    expect(draft?.attributes).toMatchObject({
      'langfuse.observation.type': 'generation',
      'langfuse.observation.model.name': 'claude-sonnet-4-5',
      'langfuse.observation.prompt.name': 'draft-reply',
      'langfuse.observation.prompt.version': 3,
      'langfuse.observation.level': 'DEFAULT',
      'session.id': CONVERSATION_ID,
      'langfuse.session.id': CONVERSATION_ID,
      'langfuse.trace.metadata.workflowId': WORKFLOW_ID,
      'langfuse.trace.metadata.messageId': MESSAGE_ID,
      'langfuse.observation.metadata.runId': 'run_1',
      'langfuse.observation.metadata.category': 'orders',
      'langfuse.observation.metadata.promptSource': 'langfuse',
      'langfuse.trace.name': 'customer-message',
      'user.id': customerKey(CUSTOMER_KEY_SECRET, 'jane.doe@example.com'),
      'langfuse.trace.metadata.customerDomain': 'example.com',
      'langfuse.trace.tags': ['category:orders'],
    });
    // The pseudonymous key is stable per address and reveals nothing of it.
    expect(draft?.attributes['user.id']).toMatch(/^cust_[0-9a-f]{24}$/);
    expect(receiver.requests.map((request) => request.body).join('')).not.toContain('jane.doe');
    expect(draft && jsonAttribute(draft, 'langfuse.observation.usage_details')).toEqual({
      input: 640,
      output: 210,
      cache_read_input_tokens: 3100,
      input_cache_creation_5m: 0,
      input_cache_creation_1h: 0,
      total: 3950,
    });
    // 640 × $3/M + 210 × $15/M + 3100 × $0.30/M = 0.00192 + 0.00315 + 0.00093
    expect(draft && jsonAttribute(draft, 'langfuse.observation.cost_details')).toEqual({
      input: 0.00192,
      output: 0.00315,
      cache_read_input_tokens: 0.00093,
      input_cache_creation_5m: 0,
      input_cache_creation_1h: 0,
      total: 0.006,
    });
    expect(draft?.durationMs).toBe(850);

    const classify = spans.find((span) => span.name === 'classify');
    expect(classify?.attributes['langfuse.observation.model.name']).toBe('claude-haiku-4-5-20251001');
    // A prompt from the code has no version in LangFuse: not linked, but named in the metadata.
    expect(classify?.attributes['langfuse.observation.prompt.name']).toBeUndefined();
    expect(classify?.attributes).toMatchObject({ 'langfuse.observation.metadata.promptSource': 'code', 'langfuse.observation.metadata.promptName': 'classify-email' });
    expect(classify && jsonAttribute(classify, 'langfuse.observation.cost_details')).toMatchObject({ total: 0.000892 });
    expect(classify && jsonAttribute(classify, 'langfuse.observation.input')).toEqual(generation().input);
  });

  it('shows a retried call as two generations, the failed attempt marked as an error', async () => {
    start();
    const failedUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 };
    observer.recordGeneration(
      generation({ attempt: 1, error: '529 overloaded_error: Overloaded', output: undefined, usage: failedUsage, costUsd: 0 }),
    );
    observer.recordGeneration(generation({ attempt: 2 }));
    await observer.flush();

    const spans = exportedSpans(receiver.requests);
    expect(spans).toHaveLength(2);
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
    const failed = spans.find((span) => span.attributes['langfuse.observation.metadata.attempt'] === '1');
    const retried = spans.find((span) => span.attributes['langfuse.observation.metadata.attempt'] === '2');
    expect(failed?.attributes['langfuse.observation.level']).toBe('ERROR');
    expect(failed?.attributes['langfuse.observation.status_message']).toBe('529 overloaded_error: Overloaded');
    expect(failed?.status).toMatchObject({ code: 2, message: '529 overloaded_error: Overloaded' });
    expect(failed?.attributes['langfuse.observation.metadata.retry']).toBe('false');
    expect(retried?.attributes['langfuse.observation.level']).toBe('DEFAULT');
    expect(retried?.attributes['langfuse.observation.metadata.retry']).toBe('true');
    expect(retried?.status?.code ?? 0).toBe(0);
  });

  it('exports a model missing from the price table with its cost at the fallback rates, flagged as estimated', async () => {
    start();
    const usage = { inputTokens: 1000, outputTokens: 100, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 };
    const costUsd = computeCostUsd('claude-future-9', usage).costUsd;
    observer.recordGeneration(generation({ model: 'claude-future-9', usage, costUsd }));
    await observer.flush();
    const [span] = exportedSpans(receiver.requests);
    // 1000 × $15/M + 100 × $75/M: the highest list rates, as the store and the budget count it.
    expect(costUsd).toBeCloseTo(0.0225, 10);
    expect(span && jsonAttribute(span, 'langfuse.observation.cost_details')).toMatchObject({ input: 0.015, output: 0.0075, total: costUsd });
    expect(span?.attributes['langfuse.observation.metadata.priceEstimated']).toBe('true');
    const known = generation();
    observer.recordGeneration(known);
    await observer.flush();
    const priced = exportedSpans(receiver.requests).find((one) => one.attributes['langfuse.observation.model.name'] === known.model);
    expect(priced?.attributes['langfuse.observation.metadata.priceEstimated']).toBe('false');
  });
});

describe('the ticket: one trace per customer message that reads like a support ticket', () => {
  const mail = { from: 'jane.doe@example.com', subject: 'Where is my order?', text: 'Hi,\n+1 (415) 555-0134\njane.doe@example.com\nOrder #48213 has not arrived.' };
  const receivedAt = new Date('2026-03-01T09:00:00.000Z');
  const ticket = (output?: unknown, tags: string[] = ['category:orders']) => ({
    traceId: TRACE_ID,
    sessionId: CONVERSATION_ID,
    receivedAt,
    customerAddress: 'jane.doe@example.com',
    input: mail,
    output,
    tags,
    metadata: { workflowId: WORKFLOW_ID, conversationId: CONVERSATION_ID, messageId: MESSAGE_ID },
  });

  it('opens with the customer’s mail as input and closes with the reply that went out, as the same root observation', async () => {
    start({ maskPii: true });
    observer.recordTicket(ticket());
    observer.recordGeneration(generation());
    observer.recordTicket(ticket('Hi Jane, your order ships today.\nBest regards', ['category:orders', 'route:review', 'outcome:edited', 'model:claude-sonnet-4-6']));
    await observer.flush();

    const spans = exportedSpans(receiver.requests);
    const roots = spans.filter((span) => span.parentSpanId === undefined);
    expect(roots).toHaveLength(2);
    // Both recordings are one observation: same ids and start, so LangFuse keeps the later one.
    expect(new Set(roots.map((span) => `${span.traceId}/${span.spanId}`))).toEqual(new Set([`${TRACE_ID}/${rootSpanIdFor(TRACE_ID)}`]));
    const [opened, closed] = roots;
    expect(opened && jsonAttribute(opened, 'langfuse.trace.input')).toEqual({ from: '[email]', subject: 'Where is my order?', text: 'Hi,\n[phone]\n[email]\nOrder #48213 has not arrived.' });
    expect(opened?.attributes['langfuse.trace.output']).toBeUndefined();
    // Text goes as text (the SDK's serializer), which LangFuse shows as the reply itself.
    expect(closed?.attributes['langfuse.trace.output']).toBe('Hi Jane, your order ships today.\nBest regards');
    expect(closed?.attributes['langfuse.observation.output']).toBe('Hi Jane, your order ships today.\nBest regards');
    expect(closed?.attributes).toMatchObject({
      'langfuse.trace.name': 'customer-message',
      'session.id': CONVERSATION_ID,
      'user.id': customerKey(CUSTOMER_KEY_SECRET, 'jane.doe@example.com'),
      'langfuse.trace.tags': ['category:orders', 'route:review', 'outcome:edited', 'model:claude-sonnet-4-6'],
      'langfuse.release': 'abc123def456',
      'langfuse.environment': 'test',
    });
    expect(closed?.resource['service.name']).toBe('countersign-worker');
    // The generation hangs under it.
    expect(spans.find((span) => span.name === 'classify')?.parentSpanId).toBe(rootSpanIdFor(TRACE_ID));
    const body = receiver.requests.map((request) => request.body).join('\n');
    for (const leak of ['jane.doe', '555-0134']) expect(body).not.toContain(leak);
  });
});

describe('what leaves the process', () => {
  const customerText = 'Hi, I am jane.doe@example.com, call me on +1 (415) 555-0134 about order #48213.';
  const record = () =>
    generation({
      input: { messages: [{ role: 'user', content: customerText }] },
      output: [{ type: 'text', text: 'We will call +44 20 7946 0958 or write to jane.doe@example.com.' }],
    });

  it('redacts emails and phone numbers when masking is on', async () => {
    start({ maskPii: true });
    observer.recordGeneration(record());
    await observer.flush();
    const [span] = exportedSpans(receiver.requests);
    const input = String(span?.attributes['langfuse.observation.input']);
    const output = String(span?.attributes['langfuse.observation.output']);
    expect(input).toContain('I am [email], call me on [phone] about order #48213.');
    expect(output).toContain('We will call [phone] or write to [email].');
    expect(receiver.requests[0]?.body).not.toContain('jane.doe@example.com');
    expect(receiver.requests[0]?.body).not.toContain('555-0134');
  });

  it('keeps the conversation readable when masking is off (the default)', async () => {
    start();
    observer.recordGeneration(record());
    await observer.flush();
    const [span] = exportedSpans(receiver.requests);
    expect(span && jsonAttribute(span, 'langfuse.observation.input')).toEqual({ messages: [{ role: 'user', content: customerText }] });
  });

  it('never exports API keys, even when a prompt or an error message contains them', async () => {
    const anthropicKey = 'sk-ant-api03-Zx9_kLmN0pQrStUvWxYz0123456789-abcdefAA';
    const customSecret = 'temporal-cloud-key-0123456789';
    start({ secrets: [customSecret] });
    observer.recordGeneration(
      generation({
        input: { messages: [{ role: 'user', content: `debug: key=${anthropicKey} lf=${LANGFUSE_SECRET_KEY}` }] },
        error: `401 authentication_error: invalid x-api-key ${anthropicKey} (${customSecret})`,
        metadata: { workflowId: WORKFLOW_ID, note: `Bearer ${LANGFUSE_SECRET_KEY}` },
      }),
    );
    await observer.flush();
    const bodies = receiver.requests.map((request) => request.body).join('\n');
    expect(exportedSpans(receiver.requests)).toHaveLength(1);
    for (const secret of [anthropicKey, LANGFUSE_SECRET_KEY, customSecret, 'sk-ant-api03']) expect(bodies).not.toContain(secret);
    expect(bodies).toContain('[redacted]');
    expect(logs.join('\n')).not.toContain(LANGFUSE_SECRET_KEY);
  });
});
