// API errors are classified by their type and error code, never by the wording of the message,
// and the SDK never retries behind Temporal's back.
import Anthropic, { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClaudeSimulator, type ClaudeSimulator } from '@/devstack/claude-simulator/server';
import { MODEL_FAILURES } from '@/lib/core/failures';
import { createClaudeClient } from '@/lib/platform/llm/claude-client';
import { classifyModelError } from '@/worker/activities/model-errors';

function apiError(status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, { type: 'error', error, request_id: 'req_1' }, undefined, new Headers({ 'request-id': 'req_1', ...headers }));
}

describe('classifyModelError', () => {
  it('recognises the tier spend cap by its error code, not its words', () => {
    const spendCap = apiError(429, { type: 'rate_limit_error', message: 'anything at all', details: { error_code: 'enforced_spend_limit_reached' } });
    expect(classifyModelError(spendCap)).toMatchObject({ type: MODEL_FAILURES.spendLimit, retryable: false });
    // A plain rate limit that happens to mention spending is still a rate limit.
    const rateLimit = apiError(429, { type: 'rate_limit_error', message: 'Your spend limit and credit balance are fine; slow down.' }, { 'retry-after': '7' });
    expect(classifyModelError(rateLimit)).toMatchObject({ type: 'ModelHttp429', retryable: true, retryAfterSeconds: 7 });
  });

  it.each([
    [402, 'billing_error', MODEL_FAILURES.billing],
    [401, 'authentication_error', MODEL_FAILURES.authFailed],
    [403, 'permission_error', MODEL_FAILURES.authFailed],
    [404, 'not_found_error', MODEL_FAILURES.modelNotFound],
    [400, 'invalid_request_error', MODEL_FAILURES.requestRejected],
    [413, 'request_too_large', MODEL_FAILURES.requestRejected],
  ])('%i %s is %s and not retryable', (status, type, failure) => {
    const classified = classifyModelError(apiError(status, { type, message: 'x' }));
    expect(classified).toMatchObject({ type: failure, retryable: false });
    expect(classified.message).toContain('(request req_1)');
  });

  it.each([
    [500, 'api_error'],
    [504, 'timeout_error'],
    [529, 'overloaded_error'],
  ])('%i %s is retryable', (status, type) => {
    expect(classifyModelError(apiError(status, { type, message: 'x' }))).toMatchObject({ retryable: true, type: `ModelHttp${status}` });
  });

  it('treats a dropped connection as retryable', () => {
    expect(classifyModelError(new APIConnectionError({ message: 'socket hang up' }))).toMatchObject({ type: 'ModelConnectionError', retryable: true });
  });
});

describe('the Claude client', () => {
  let sim: ClaudeSimulator;
  beforeAll(async () => {
    sim = await startClaudeSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  it.each(['529', 'spend_limit'] as const)('never retries a %s itself: one request, one recorded attempt', async (fault) => {
    sim.reset();
    sim.configure({ rules: [{ fault }] });
    const client = createClaudeClient({ apiKey: 'sim', baseURL: sim.url, timeoutMs: 5_000 });
    await expect(
      client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] }),
    ).rejects.toBeInstanceOf(Anthropic.APIError);
    expect(sim.stats().calls).toBe(1);
  });
});
