import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../../lib/platform/config/env';
import { noopObserver } from '../../../../lib/platform/llm/observer';
import { createLlmObserver, llmObserverConfigFromEnv } from '../../../../lib/platform/observability/create-llm-observer';
import { LangfuseObserver } from '../../../../lib/platform/observability/langfuse-observer';

describe('createLlmObserver', () => {
  it('turns tracing off when either LangFuse key is missing', () => {
    expect(createLlmObserver({ baseUrl: 'http://127.0.0.1:1', maskPii: false })).toBe(noopObserver);
    expect(createLlmObserver({ publicKey: 'pk-lf-x', baseUrl: 'http://127.0.0.1:1', maskPii: false })).toBe(noopObserver);
    expect(createLlmObserver({ secretKey: 'sk-lf-x', baseUrl: 'http://127.0.0.1:1', maskPii: false })).toBe(noopObserver);
  });

  it('builds a LangFuse observer from the environment without touching the global OpenTelemetry provider', async () => {
    const env = parseEnv({
      LANGFUSE_PUBLIC_KEY: 'pk-lf-abc',
      LANGFUSE_SECRET_KEY: 'sk-lf-def',
      LANGFUSE_BASE_URL: 'http://127.0.0.1:1',
      LANGFUSE_MASK_PII: 'true',
      CLAUDE_PRICES_JSON: '{"claude-x":{"input":1,"output":2}}',
    });
    const config = llmObserverConfigFromEnv(env);
    expect(config).toMatchObject({ maskPii: true, baseUrl: 'http://127.0.0.1:1', environment: 'development' });
    expect(config.priceTable?.['claude-x']).toEqual({ input: 1, output: 2 });
    expect(config.priceTable?.['claude-haiku-4-5']).toMatchObject({ input: 1, output: 5 });

    const observer = createLlmObserver({ ...config, log: () => undefined });
    expect(observer).toBeInstanceOf(LangfuseObserver);
    // Temporal or other instrumentation keeps the global provider: ours is never registered.
    expect(trace.getTracer('someone-else').startSpan('probe').isRecording()).toBe(false);
    await observer.shutdown();
  });

  it('is safe to use after shutdown', async () => {
    const observer = createLlmObserver({ publicKey: 'pk-lf-a', secretKey: 'sk-lf-b', baseUrl: 'http://127.0.0.1:1', maskPii: false });
    await observer.shutdown();
    expect(() => observer.recordScore({ traceId: 'f'.repeat(32), name: 'decision', value: 'rejected' })).not.toThrow();
    await expect(observer.flush()).resolves.toBeUndefined();
    await expect(observer.shutdown()).resolves.toBeUndefined();
  });
});
