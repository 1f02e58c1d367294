// Fault injection, stats and the HTTP control plane of the offline Claude simulator, plus the
// API-shaped errors the real SDK must recognise.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startClaudeSimulator, type ClaudeSimulator } from '@/devstack/claude-simulator/server';
import { CLASSIFY_MODEL, MODEL, classifyParams, draftParams, replyText, toolInput } from './claude-simulator-fixtures';

let sim: ClaudeSimulator;
let client: Anthropic;

beforeAll(async () => {
  sim = await startClaudeSimulator({ port: 0 });
  client = new Anthropic({ apiKey: 'sim', baseURL: sim.url, maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const EMAIL = { subject: 'Login', body: 'How do I reset my password?' };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('error faults', () => {
  it('429 surfaces as RateLimitError with retry-after and rate-limit headers', async () => {
    sim.configure({ errorRate: 1, errorKinds: ['429'] });
    const error = await rejection(client.messages.create(classifyParams(EMAIL)));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const apiError = error as InstanceType<typeof Anthropic.RateLimitError>;
    expect(apiError.status).toBe(429);
    expect(apiError.type).toBe('rate_limit_error');
    expect(apiError.requestID).toMatch(/^req_/);
    expect(apiError.headers.get('retry-after')).toBe('1');
    expect(apiError.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
  });

  it.each([
    [529, 'overloaded_error'],
    [500, 'api_error'],
  ] as const)('%i surfaces as APIError of type %s', async (status, type) => {
    sim.configure({ errorRate: 1, errorKinds: [String(status) as '529' | '500'] });
    const error = await rejection(client.messages.create(draftParams(EMAIL)));
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({ status, type });
  });

  it('timeout holds the request until the client gives up', async () => {
    sim.configure({ errorRate: 1, errorKinds: ['timeout'] });
    const started = Date.now();
    const error = await rejection(client.messages.create(draftParams(EMAIL), { timeout: 300 }));
    expect(error).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(sim.stats().byStatus).toEqual({ timeout: 1 });
  });

  it('spreads errors deterministically for a seed', async () => {
    const outcomes = async (): Promise<string[]> => {
      sim.reset();
      sim.configure({ errorRate: 0.5, errorKinds: ['500'], seed: 42 });
      const results: string[] = [];
      for (let call = 0; call < 10; call += 1) {
        results.push(await client.messages.create(draftParams(EMAIL)).then(() => 'ok', () => 'error'));
      }
      return results;
    };
    const first = await outcomes();
    expect(first).toContain('ok');
    expect(first).toContain('error');
    expect(await outcomes()).toEqual(first);
  });

  it('adds latency to every answer', async () => {
    sim.configure({ latencyMs: 150 });
    const started = Date.now();
    await client.messages.create(draftParams(EMAIL));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('malformed answers', () => {
  it('returns a schema-violating classification and an empty draft', async () => {
    sim.configure({ malformedRate: 1 });
    const input = toolInput(await client.messages.create(classifyParams(EMAIL)));
    expect(input).not.toHaveProperty('category');
    expect(input.risk_score).toBe('high');
    expect(replyText(await client.messages.create(draftParams(EMAIL)))).toBe('');
  });
});

describe('validation and authentication', () => {
  const post = (body: unknown, headers: Record<string, string> = { 'x-api-key': 'sim', 'anthropic-version': '2023-06-01' }) =>
    fetch(`${sim.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('rejects an invalid body with the API error envelope', async () => {
    const response = await post({ model: MODEL, messages: [] });
    expect(response.status).toBe(400);
    const requestId = response.headers.get('request-id');
    expect(requestId).toMatch(/^req_/);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.any(String) },
      request_id: requestId,
    });
    await expect(client.messages.create({ ...draftParams(EMAIL), tool_choice: { type: 'tool', name: 'missing' } })).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );
  });

  it('requires an API key', async () => {
    const response = await post(draftParams(EMAIL), { 'anthropic-version': '2023-06-01' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'authentication_error' } });
  });
});

describe('stats and control endpoints', () => {
  it('counts calls by purpose and status', async () => {
    await client.messages.create(classifyParams(EMAIL));
    await client.messages.create(draftParams(EMAIL));
    sim.configure({ errorRate: 1, errorKinds: ['529'] });
    await rejection(client.messages.create(draftParams(EMAIL)));
    const stats = sim.stats();
    expect(stats).toMatchObject({ calls: 3, byPurpose: { classify: 1, draft: 2 }, byStatus: { '200': 2, '529': 1 } });
    expect(stats.requests.map((request) => [request.purpose, request.status])).toEqual([
      ['classify', 200],
      ['draft', 200],
      ['draft', 529],
    ]);
    expect(stats.requests[0]?.model).toBe(CLASSIFY_MODEL);
  });

  it('can be steered over HTTP by other processes', async () => {
    const control = (path: string, body?: unknown) =>
      fetch(`${sim.url}/__simulator/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });

    const configured = await control('faults', { errorRate: 1, errorKinds: ['500'] });
    expect(await configured.json()).toMatchObject({ errorRate: 1, errorKinds: ['500'] });
    await expect(client.messages.create(draftParams(EMAIL))).rejects.toMatchObject({ status: 500 });
    expect(await control('stats').then((response) => response.json())).toMatchObject({ calls: 1, byStatus: { '500': 1 } });

    expect((await control('faults', { errorRate: 2 })).status).toBe(400);
    expect((await control('reset', {})).status).toBe(200);
    expect(sim.stats().calls).toBe(0);
    await expect(client.messages.create(draftParams(EMAIL))).resolves.toMatchObject({ stop_reason: 'end_turn' });
  });
});
