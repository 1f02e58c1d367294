// The simulator is at least as strict as the Messages API: what the API rejects, it rejects
// with the same status, type and wording; what the API sometimes answers (refusals, cut-off and
// paused turns, empty content, billing and spend-limit errors) it answers on demand.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startClaudeSimulator, type ClaudeSimulator } from '@/devstack/claude-simulator/server';
import { classificationJsonSchema } from '@/lib/features/prompts/classification';
import { CATEGORIES, CLASSIFY_MODEL, MODEL, classifyParams, draftParams, untrustedEmail } from './claude-simulator-fixtures';

let sim: ClaudeSimulator;
let client: Anthropic;

beforeAll(async () => {
  sim = await startClaudeSimulator({ port: 0 });
  client = new Anthropic({ apiKey: 'sim', baseURL: sim.url, maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const EMAIL = { subject: 'Login', body: 'How do I reset my password?' };

async function failure(promise: Promise<unknown>): Promise<InstanceType<typeof Anthropic.APIError>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Anthropic.APIError)) throw new Error(`expected an APIError, got ${String(error)}`);
  return error;
}

const toolUse = (id: string): Anthropic.ToolUseBlockParam => ({ type: 'tool_use', id, name: 'record_classification', input: {} });
const toolResult = (id: string): Anthropic.ToolResultBlockParam => ({ type: 'tool_result', tool_use_id: id, content: 'invalid', is_error: true });

function conversation(messages: Anthropic.MessageParam[], model = CLASSIFY_MODEL): Anthropic.MessageCreateParamsNonStreaming {
  return { ...classifyParams(EMAIL), model, messages };
}

describe('models', () => {
  it.each(['claude-sonnet-4-5-20250930', 'claude-3-7-sonnet-20250219', 'claude-opus-4-1-20250805', 'gpt-4o'])(
    'answers an unknown or retired model %s with 404 not_found_error',
    async (model) => {
      const error = await failure(client.messages.create({ ...draftParams(EMAIL), model }));
      expect(error).toBeInstanceOf(Anthropic.NotFoundError);
      expect(error).toMatchObject({ status: 404, type: 'not_found_error', apiMessage: `model: ${model}` });
      expect(error.requestID).toMatch(/^req_/);
      expect(error.error).toMatchObject({ type: 'error', request_id: error.requestID });
    },
  );

  it('accepts dated snapshots of known models', async () => {
    await expect(client.messages.create({ ...classifyParams(EMAIL), model: 'claude-haiku-4-5-20251001' })).resolves.toMatchObject({
      stop_reason: 'tool_use',
    });
  });

  it('rejects max_tokens above the model cap with the API wording', async () => {
    // An explicit timeout skips the SDK's own "streaming is required" check for large max_tokens.
    const error = await failure(client.messages.create({ ...classifyParams(EMAIL), max_tokens: 100_000 }, { timeout: 10_000 }));
    expect(error.status).toBe(400);
    expect(error.apiMessage).toBe(
      'max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for claude-haiku-4-5',
    );
  });
});

describe('messages', () => {
  it('rejects a tool_use that the next user turn does not answer', async () => {
    const error = await failure(
      client.messages.create(
        conversation([
          { role: 'user', content: untrustedEmail(EMAIL) },
          { role: 'assistant', content: [toolUse('toolu_a'), toolUse('toolu_b')] },
          { role: 'user', content: [toolResult('toolu_a'), { type: 'text', text: 'Call it again.' }] },
        ]),
      ),
    );
    expect(error.status).toBe(400);
    expect(error.apiMessage).toContain('`tool_use` ids were found without `tool_result` blocks immediately after: toolu_b');
  });

  it('rejects text before the tool_result, and a tool_result for an unknown tool_use', async () => {
    const textFirst = await failure(
      client.messages.create(
        conversation([
          { role: 'user', content: untrustedEmail(EMAIL) },
          { role: 'assistant', content: [toolUse('toolu_a')] },
          { role: 'user', content: [{ type: 'text', text: 'Here:' }, toolResult('toolu_a')] },
        ]),
      ),
    );
    expect(textFirst.apiMessage).toContain('Did not find 1 tool_result block(s) at the beginning of this message');
    const stray = await failure(
      client.messages.create(
        conversation([
          { role: 'user', content: untrustedEmail(EMAIL) },
          { role: 'assistant', content: 'Thinking about it.' },
          { role: 'user', content: [toolResult('toolu_x')] },
        ]),
      ),
    );
    expect(stray.apiMessage).toContain('unexpected `tool_use_id` found in `tool_result` blocks: toolu_x');
  });

  it('rejects an empty assistant turn and whitespace-only text', async () => {
    const empty = await failure(
      client.messages.create(
        conversation([
          { role: 'user', content: untrustedEmail(EMAIL) },
          { role: 'assistant', content: [] },
          { role: 'user', content: 'Try again.' },
        ]),
      ),
    );
    expect(empty.apiMessage).toBe('messages.1: all messages must have non-empty content except for the optional final assistant message');
    const blank = await failure(client.messages.create(conversation([{ role: 'user', content: '  \n ' }])));
    expect(blank.apiMessage).toBe('messages: text content blocks must contain non-whitespace text');
  });

  it('rejects a conversation that starts with the assistant', async () => {
    const error = await failure(client.messages.create(conversation([{ role: 'assistant', content: 'Hi' }, { role: 'user', content: 'x' }])));
    expect(error.apiMessage).toBe('messages: first message must use the "user" role');
  });

  it('rejects prefill on Sonnet 4.6 and accepts it on Haiku 4.5', async () => {
    const prefilled = (model: string): Anthropic.MessageCreateParamsNonStreaming => ({
      ...draftParams(EMAIL),
      model,
      messages: [...draftParams(EMAIL).messages, { role: 'assistant', content: 'Dear' }],
    });
    const error = await failure(client.messages.create(prefilled(MODEL)));
    expect(error.apiMessage).toBe('This model does not support assistant message prefill. The conversation must end with a user message.');
    await expect(client.messages.create(prefilled(CLASSIFY_MODEL))).resolves.toMatchObject({ stop_reason: 'end_turn' });
  });

  it('merges consecutive same-role turns instead of rejecting them', async () => {
    const params = draftParams(EMAIL);
    await expect(
      client.messages.create({ ...params, messages: [...params.messages, { role: 'user', content: 'Please be brief.' }] }),
    ).resolves.toMatchObject({ stop_reason: 'end_turn' });
  });
});

describe('tool choice and sampling', () => {
  it('rejects forced tool use on a model that refuses it (Sonnet 5.5) and with thinking on', async () => {
    const sonnet55 = await failure(client.messages.create({ ...classifyParams(EMAIL), model: 'claude-sonnet-5-5' }));
    expect(sonnet55.apiMessage).toContain('does not support forcing tool use');
    // Sonnet 5 thinks by default: forcing a tool needs thinking switched off.
    const thinkingOn = await failure(client.messages.create({ ...classifyParams(EMAIL), model: 'claude-sonnet-5' }));
    expect(thinkingOn.apiMessage).toBe('Thinking may not be enabled when tool_choice forces tool use.');
    await expect(
      client.messages.create({ ...classifyParams(EMAIL), model: 'claude-sonnet-5', thinking: { type: 'disabled' } }),
    ).resolves.toMatchObject({ stop_reason: 'tool_use' });
    const haikuThinking = await failure(
      client.messages.create({ ...classifyParams(EMAIL), max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 } }),
    );
    expect(haikuThinking.apiMessage).toBe('Thinking may not be enabled when tool_choice forces tool use.');
  });

  it('answers structured output (output_config.format) with JSON text', async () => {
    const message = await client.messages.create({
      model: 'claude-sonnet-5-5',
      max_tokens: 1024,
      system: 'Classify the newest email.',
      output_config: { format: { type: 'json_schema', schema: classificationJsonSchema(CATEGORIES) } },
      messages: [{ role: 'user', content: untrustedEmail(EMAIL) }],
    });
    const block = message.content[0];
    expect(block?.type).toBe('text');
    expect(JSON.parse(block?.type === 'text' ? block.text : '{}')).toMatchObject({ category: 'account_access' });
  });

  it('rejects a structured-output schema with open objects or numeric limits', async () => {
    const params = (schema: Record<string, unknown>): Anthropic.MessageCreateParamsNonStreaming => ({
      ...draftParams(EMAIL),
      output_config: { format: { type: 'json_schema', schema } },
    });
    const open = await failure(client.messages.create(params({ type: 'object', properties: { a: { type: 'string' } } })));
    expect(open.apiMessage).toContain("'additionalProperties' must be explicitly set to false");
    const ranged = { type: 'object', additionalProperties: false, properties: { n: { type: 'integer', minimum: 0 } } };
    expect((await failure(client.messages.create(params(ranged)))).apiMessage).toContain("'minimum' is not supported");
  });

  it('rejects temperature together with top_p', async () => {
    // This SDK version no longer types sampling parameters; the API still reads them on Sonnet 4.6.
    const sampled = { ...draftParams(EMAIL), temperature: 0.2, top_p: 0.9 } as Anthropic.MessageCreateParamsNonStreaming;
    const error = await failure(client.messages.create(sampled));
    expect(error.apiMessage).toContain('`temperature` and `top_p` cannot both be specified');
  });
});

describe('cache breakpoints', () => {
  const marked = (text: string, ttl: '5m' | '1h' = '5m'): Anthropic.TextBlockParam => ({ type: 'text', text, cache_control: { type: 'ephemeral', ttl } });

  it('rejects more than 4 breakpoints', async () => {
    const error = await failure(
      client.messages.create({ ...draftParams(EMAIL), system: ['a', 'b', 'c', 'd', 'e'].map((text) => marked(text)) }),
    );
    expect(error.apiMessage).toBe('A maximum of 4 blocks with cache_control may be provided. Found 5.');
  });

  it('rejects a 1h breakpoint after a 5m one', async () => {
    const error = await failure(client.messages.create({ ...draftParams(EMAIL), system: [marked('a', '5m'), marked('b', '1h')] }));
    expect(error.apiMessage).toContain("A `ttl='1h'` cache_control block must not come after a `ttl='5m'` cache_control block");
  });

  it('caches only prefixes above the model minimum (Haiku 4.5: 4096, Sonnet 4.6: 2048)', async () => {
    const prefix = (tokens: number) => 'Policy text for the team. '.repeat(Math.ceil((tokens * 4) / 26));
    const cached = async (model: string, tokens: number, forced: boolean) => {
      const base = forced ? classifyParams(EMAIL) : draftParams(EMAIL);
      const { usage } = await client.messages.create({ ...base, model, system: [marked(prefix(tokens))] });
      return usage.cache_creation_input_tokens ?? 0;
    };
    expect(await cached(CLASSIFY_MODEL, 3_500, true)).toBe(0);
    expect(await cached(CLASSIFY_MODEL, 4_400, true)).toBeGreaterThan(4096);
    expect(await cached(MODEL, 1_900, false)).toBe(0);
    expect(await cached(MODEL, 2_300, false)).toBeGreaterThan(2048);
  });
});

describe('answer faults on demand', () => {
  it('refuses a draft with partial text and stop_details, and a classification with no content', async () => {
    sim.configure({ rules: [{ fault: 'refusal' }] });
    const draft = await client.messages.create(draftParams(EMAIL));
    expect(draft).toMatchObject({
      stop_reason: 'refusal',
      stop_details: { type: 'refusal', category: expect.any(String), explanation: expect.any(String) },
      content: [{ type: 'text', text: 'Hello..' }],
    });
    const classified = await client.messages.create(classifyParams(EMAIL));
    expect(classified).toMatchObject({ stop_reason: 'refusal', content: [] });
  });

  it('cuts a tool call short at max_tokens with an unusable input, then answers normally once the rule is used up', async () => {
    sim.configure({ rules: [{ purpose: 'classify', fault: 'max_tokens', times: 1 }] });
    const cut = await client.messages.create(classifyParams(EMAIL));
    expect(cut).toMatchObject({ stop_reason: 'max_tokens', content: [{ type: 'tool_use', input: {} }] });
    expect(cut.usage.output_tokens).toBe(1024);
    await expect(client.messages.create(classifyParams(EMAIL))).resolves.toMatchObject({ stop_reason: 'tool_use' });
  });

  it('applies a rule only to its purpose', async () => {
    sim.configure({ rules: [{ purpose: 'draft', fault: 'empty' }] });
    await expect(client.messages.create(classifyParams(EMAIL))).resolves.toMatchObject({ stop_reason: 'tool_use' });
    await expect(client.messages.create(draftParams(EMAIL))).resolves.toMatchObject({ stop_reason: 'end_turn', content: [] });
  });

  it.each([
    ['pause_turn', 'pause_turn'],
    ['context_window_exceeded', 'model_context_window_exceeded'],
  ] as const)('returns %s as stop_reason %s', async (fault, stopReason) => {
    sim.configure({ rules: [{ fault }] });
    await expect(client.messages.create(draftParams(EMAIL))).resolves.toMatchObject({ stop_reason: stopReason });
  });

  it('answers with two tool calls unless disable_parallel_tool_use is set', async () => {
    sim.configure({ rules: [{ fault: 'parallel_tool_use' }] });
    const parallel = await client.messages.create(classifyParams(EMAIL));
    expect(parallel.content.filter((block) => block.type === 'tool_use')).toHaveLength(2);
    const single = await client.messages.create({
      ...classifyParams(EMAIL),
      tool_choice: { type: 'tool', name: 'record_classification', disable_parallel_tool_use: true },
    });
    expect(single.content.filter((block) => block.type === 'tool_use')).toHaveLength(1);
  });
});

describe('error faults in the API shapes', () => {
  it('402 billing_error', async () => {
    sim.configure({ rules: [{ fault: '402' }] });
    const error = await failure(client.messages.create(draftParams(EMAIL)));
    expect(error).toMatchObject({ status: 402, type: 'billing_error' });
    expect(error.headers?.get('x-should-retry')).toBe('false');
  });

  it('the tier spend cap: 429 with error_code enforced_spend_limit_reached and no retry-after', async () => {
    sim.configure({ rules: [{ fault: 'spend_limit' }] });
    const error = await failure(client.messages.create(draftParams(EMAIL)));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'rate_limit_error', errorCode: 'enforced_spend_limit_reached' });
    expect(error.headers?.get('retry-after')).toBeNull();
    expect(error.error).toMatchObject({ error: { details: { error_code: 'enforced_spend_limit_reached' } } });
  });

  it('a rate-limit 429 has retry-after and no error code', async () => {
    sim.configure({ rules: [{ fault: '429' }] });
    const error = await failure(client.messages.create(draftParams(EMAIL)));
    expect(error).toMatchObject({ status: 429, errorCode: null });
    expect(error.headers?.get('retry-after')).toBe('1');
  });

  it.each([
    ['credit_balance', 400, 'invalid_request_error', 'Your credit balance is too low'],
    ['usage_limit', 400, 'invalid_request_error', 'You have reached your specified API usage limits'],
    ['401', 401, 'authentication_error', 'invalid x-api-key'],
    ['403', 403, 'permission_error', 'permission'],
    ['404', 404, 'not_found_error', `model: ${MODEL}`],
    ['504', 504, 'timeout_error', 'timed out'],
  ] as const)('%s answers %i %s', async (fault, status, type, words) => {
    sim.configure({ rules: [{ fault }] });
    const error = await failure(client.messages.create(draftParams(EMAIL)));
    expect(error).toMatchObject({ status, type });
    expect(error.apiMessage).toContain(words);
  });

  it('rejects an unknown fault rule over the control route', async () => {
    const response = await fetch(`${sim.url}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ rules: [{ fault: 'gremlins' }] }) });
    expect(response.status).toBe(400);
  });
});
