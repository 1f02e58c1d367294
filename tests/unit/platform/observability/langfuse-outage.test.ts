import { afterEach, describe, expect, it } from 'vitest';
import type { LlmObserver } from '../../../../lib/platform/llm/observer';
import { createLlmObserver } from '../../../../lib/platform/observability/create-llm-observer';
import { generation, LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, TRACE_ID } from './generation-fixture';
import { closedPortUrl, startLangfuseReceiver, type LangfuseReceiver } from './langfuse-receiver';
import { exportedSpans } from './otlp-json';

// LangFuse being slow or down must not slow the worker. The worker calls recordGeneration and
// flush after every model call; 50 of those must finish with one bounded wait at most.

const FLUSH_TIMEOUT_MS = 500;
let receiver: LangfuseReceiver | undefined;
let observer: LlmObserver;
const logs: string[] = [];

function start(baseUrl: string): void {
  logs.length = 0;
  observer = createLlmObserver({
    publicKey: LANGFUSE_PUBLIC_KEY,
    secretKey: LANGFUSE_SECRET_KEY,
    baseUrl,
    maskPii: false,
    exportTimeoutMs: 1_000,
    flushTimeoutMs: FLUSH_TIMEOUT_MS,
    log: (message) => logs.push(message),
  });
}

async function fiftyCalls(): Promise<{ totalMs: number; recordMs: number; slowestFlushMs: number }> {
  let recordMs = 0;
  let slowestFlushMs = 0;
  const started = performance.now();
  for (let call = 0; call < 50; call += 1) {
    const before = performance.now();
    observer.recordGeneration(generation({ attempt: 1 + (call % 3) }));
    observer.recordScore({ traceId: TRACE_ID, name: `decision-${call}`, value: 'approved_unchanged' });
    const afterRecord = performance.now();
    await observer.flush();
    recordMs += afterRecord - before;
    slowestFlushMs = Math.max(slowestFlushMs, performance.now() - afterRecord);
  }
  return { totalMs: performance.now() - started, recordMs, slowestFlushMs };
}

afterEach(async () => {
  const closing = performance.now();
  await observer.shutdown();
  console.info(`shutdown took ${Math.round(performance.now() - closing)} ms`);
  await receiver?.close();
  receiver = undefined;
});

describe('with LangFuse unavailable', () => {
  it('does not hold callers up when the receiver accepts connections but never answers', async () => {
    receiver = await startLangfuseReceiver('hang');
    start(receiver.url);
    const timings = await fiftyCalls();
    console.info('hanging receiver', timings);

    await receiver.waitFor((requests) => requests.length > 0);
    expect(receiver.requests.some((request) => request.path === '/api/public/otel/v1/traces')).toBe(true);
    // One bounded wait for the first flush, then none: far below 50 × the flush timeout.
    expect(timings.slowestFlushMs).toBeLessThan(FLUSH_TIMEOUT_MS * 4);
    expect(timings.totalMs).toBeLessThan(FLUSH_TIMEOUT_MS * 10);
    expect(logs.some((line) => line.includes('failing or slow'))).toBe(true);
  });

  it('does not hold callers up when nothing listens on the port', async () => {
    start(await closedPortUrl());
    const timings = await fiftyCalls();
    console.info('closed port', timings);
    expect(timings.totalMs).toBeLessThan(FLUSH_TIMEOUT_MS * 10);
    expect(logs.join('\n')).not.toContain(LANGFUSE_SECRET_KEY);
  });

  it('recovers when LangFuse answers again, without callers waiting meanwhile', async () => {
    receiver = await startLangfuseReceiver('hang');
    start(receiver.url);
    observer.recordGeneration(generation({ name: 'during-outage' }));
    await observer.flush();
    expect(logs.at(-1)).toContain('failing or slow');

    receiver.mode = 'ok';
    observer.recordGeneration(generation({ name: 'after-outage', attempt: 2 }));
    const flushing = performance.now();
    await observer.flush();
    expect(performance.now() - flushing).toBeLessThan(FLUSH_TIMEOUT_MS);

    // Exports continue in the background until one succeeds; then flush() waits normally again.
    const arrived = () => exportedSpans(receiver?.requests ?? []).some((span) => span.name === 'after-outage');
    for (let attempt = 0; attempt < 40 && !arrived(); attempt += 1) {
      await observer.flush();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(arrived()).toBe(true);
    await receiver.waitFor(() => logs.some((line) => line.includes('recovered')));
  });
});
