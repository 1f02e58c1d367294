// Prompt-cache accounting of the offline Claude simulator: through the real SDK, and the cache
// model itself with a fake clock for the TTLs.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PromptCache } from '@/devstack/claude-simulator/prompt-cache';
import type { PromptUnit } from '@/devstack/claude-simulator/prompt-units';
import { startClaudeSimulator, type ClaudeSimulator } from '@/devstack/claude-simulator/server';
import { MODEL, classificationTool, untrustedEmail } from './claude-simulator-fixtures';

let sim: ClaudeSimulator;
let client: Anthropic;

beforeAll(async () => {
  sim = await startClaudeSimulator({ port: 0 });
  client = new Anthropic({ apiKey: 'sim', baseURL: sim.url, maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

// ~5000 tokens at four characters per token: above the Sonnet 4.6 (2048) and Haiku 4.5 (4096) minimums.
const LONG_POLICY = 'Always be kind, accurate and brief. '.repeat(560);

function params(body: string, model = MODEL, ttl?: '5m' | '1h'): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model,
    max_tokens: 512,
    system: [{ type: 'text', text: LONG_POLICY, cache_control: ttl ? { type: 'ephemeral', ttl } : { type: 'ephemeral' } }],
    tools: [classificationTool()],
    tool_choice: { type: 'tool', name: 'record_classification' },
    messages: [{ role: 'user', content: untrustedEmail({ body }) }],
  };
}

describe('prompt caching through the SDK', () => {
  it('writes the cached prefix once, then reads it', async () => {
    const first = await client.messages.create(params('How do I reset my password?'));
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(4096);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(first.usage.cache_creation?.ephemeral_5m_input_tokens).toBe(first.usage.cache_creation_input_tokens);

    const second = await client.messages.create(params('Where is my invoice for March?'));
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    const firstTotal = first.usage.input_tokens + (first.usage.cache_creation_input_tokens ?? 0);
    expect(second.usage.input_tokens).toBeLessThan(firstTotal);
    expect(second.usage.input_tokens).toBeGreaterThan(0);
  });

  it('reports 1h writes separately and keys the cache by model', async () => {
    const sonnet = await client.messages.create(params('Hello', MODEL, '1h'));
    expect(sonnet.usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: sonnet.usage.cache_creation_input_tokens });
    const haiku = await client.messages.create(params('Hello', 'claude-haiku-4-5', '1h'));
    expect(haiku.usage.cache_read_input_tokens).toBe(0);
    expect(haiku.usage.cache_creation_input_tokens).toBe(sonnet.usage.cache_creation_input_tokens);
  });

  it('does not cache prefixes below the minimum and keeps totals consistent', async () => {
    const short: Anthropic.MessageCreateParamsNonStreaming = {
      model: MODEL,
      max_tokens: 256,
      system: [{ type: 'text', text: 'Short system prompt.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: 'Hi' }],
    };
    const counted = await client.messages.countTokens(short);
    for (let call = 0; call < 2; call += 1) {
      const { usage } = await client.messages.create(short);
      expect(usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0, input_tokens: counted.input_tokens });
    }
  });

  it('is cleared by reset()', async () => {
    await client.messages.create(params('Hello'));
    sim.reset();
    const again = await client.messages.create(params('Hello'));
    expect(again.usage.cache_read_input_tokens).toBe(0);
    expect(again.usage.cache_creation_input_tokens).toBeGreaterThan(0);
  });
});

describe('PromptCache', () => {
  const unit = (key: string, tokens: number, ttl?: '5m' | '1h'): PromptUnit => ({
    key,
    tokens,
    cacheControl: ttl ? { type: 'ephemeral', ttl } : null,
  });

  it('expires entries after their TTL and refreshes them on a hit', () => {
    let now = 0;
    const cache = new PromptCache(() => now);
    const units = [unit('system', 1500, '5m'), unit('question', 20)];
    expect(cache.apply('claude-sonnet-5', 1024, units)).toMatchObject({ cacheCreation: 1500, cacheRead: 0 });
    now += 4 * 60_000;
    expect(cache.apply('claude-sonnet-5', 1024, units)).toMatchObject({ cacheCreation: 0, cacheRead: 1500 });
    now += 4 * 60_000; // 8 minutes after the write, but only 4 after the refreshing read
    expect(cache.apply('claude-sonnet-5', 1024, units)).toMatchObject({ cacheRead: 1500 });
    now += 6 * 60_000;
    expect(cache.apply('claude-sonnet-5', 1024, units)).toMatchObject({ cacheCreation: 1500, cacheRead: 0 });
  });

  it('reads the longest cached prefix and writes only the new part after it', () => {
    const cache = new PromptCache(() => 0);
    const tools = unit('tools', 1200, '1h');
    cache.apply('claude-sonnet-5', 1024, [tools, unit('q1', 10)]);
    const usage = cache.apply('claude-sonnet-5', 1024, [tools, unit('history', 900, '5m'), unit('q2', 10)]);
    expect(usage).toEqual({ cacheRead: 1200, cacheCreation: 900, creation5m: 900, creation1h: 0 });
  });
});
