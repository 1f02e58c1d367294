import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../../lib/platform/config/env';
import { LangfuseApi } from '../../../../lib/platform/observability/langfuse-api';
import { LangfusePromptClient } from '../../../../lib/platform/observability/langfuse-prompts';
import { CLASSIFY_TEMPLATE } from '../../../../lib/features/prompts/classify-prompt';
import { createPromptSource } from '../../../../lib/features/prompts/create-prompt-source';
import { DRAFT_TEMPLATE, REVISE_TEMPLATE } from '../../../../lib/features/prompts/draft-prompt';
import { codePromptSource, langfusePromptSource } from '../../../../lib/features/prompts/prompt-source';
import { PROMPT_TEMPLATES } from '../../../../lib/features/prompts/prompt-templates';
import { pushPrompts } from '../../../../lib/features/prompts/push-prompts';
import { closedPortUrl, startLangfuseReceiver, type LangfuseReceiver } from '../../platform/observability/langfuse-receiver';

let receiver: LangfuseReceiver;
let clock = 0;
const logs: string[] = [];

function apiAt(baseUrl: string): LangfuseApi {
  return new LangfuseApi({ baseUrl, publicKey: 'pk-lf-test-1234', secretKey: 'sk-lf-test-5678', timeoutMs: 1_000 });
}
function source(baseUrl = receiver.url) {
  const client = new LangfusePromptClient(apiAt(baseUrl), { ttlSeconds: 60, now: () => clock, log: (line) => logs.push(line) });
  return langfusePromptSource(client, { label: 'production', log: (line) => logs.push(line) });
}
const promptGets = () => receiver.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/api/public/v2/prompts/'));

beforeEach(async () => {
  receiver = await startLangfuseReceiver();
  clock = 1_000_000;
  logs.length = 0;
});
afterEach(async () => {
  expect(receiver.rejected).toEqual([]);
  await receiver.close();
});

describe('prompts:push', () => {
  it('creates each prompt once, labelled, and creates nothing when pushed again', async () => {
    const api = apiAt(receiver.url);
    const first = await pushPrompts(api, PROMPT_TEMPLATES, { label: 'production', release: 'abc123' });
    expect(first.map((result) => [result.name, result.action, result.version])).toEqual([
      ['classify-email', 'created', 1],
      ['draft-reply', 'created', 1],
      ['revise-reply', 'created', 1],
      ['verify-draft', 'created', 1],
      ['ground-draft', 'created', 1],
      ['team-notes', 'created', 1],
    ]);
    expect(receiver.prompts.find((prompt) => prompt.name === 'draft-reply')).toMatchObject({
      type: 'text',
      prompt: DRAFT_TEMPLATE.text,
      labels: expect.arrayContaining(['production', 'latest']) as unknown,
      config: { codeVersion: DRAFT_TEMPLATE.version, variables: ['untrusted_data_rules'] },
      commitMessage: `Countersign code version ${DRAFT_TEMPLATE.version} (release abc123)`,
    });
    const again = await pushPrompts(api, PROMPT_TEMPLATES, { label: 'production' });
    expect(again.map((result) => result.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(receiver.prompts).toHaveLength(6);
  });

  it('adds a version only for the prompt whose text changed, and moves the label back to a version that has the code’s text', async () => {
    const api = apiAt(receiver.url);
    await pushPrompts(api, PROMPT_TEMPLATES, { label: 'production' });
    const edited = { ...DRAFT_TEMPLATE, version: DRAFT_TEMPLATE.version + 1, text: `${DRAFT_TEMPLATE.text}\nKeep it short.` };
    const results = await pushPrompts(api, [CLASSIFY_TEMPLATE, edited, REVISE_TEMPLATE], { label: 'production' });
    expect(results.map((result) => [result.name, result.action, result.version])).toEqual([
      ['classify-email', 'unchanged', 1],
      ['draft-reply', 'created', 2],
      ['revise-reply', 'unchanged', 1],
    ]);
    // Someone labelled another version in LangFuse; the newest still has the code's text.
    receiver.prompts.filter((prompt) => prompt.name === 'draft-reply').forEach((prompt) => (prompt.labels = prompt.version === 1 ? ['production'] : ['latest']));
    const relabelled = await pushPrompts(api, [edited], { label: 'production' });
    expect(relabelled).toEqual([{ name: 'draft-reply', action: 'labelled', version: 2, codeVersion: DRAFT_TEMPLATE.version + 1 }]);
    expect(receiver.prompts.find((prompt) => prompt.name === 'draft-reply' && prompt.version === 2)?.labels).toContain('production');
  });
});

describe('prompts read from LangFuse', () => {
  it('uses the labelled version, cached: one fetch per prompt and TTL, then a background refresh', async () => {
    await pushPrompts(apiAt(receiver.url), PROMPT_TEMPLATES, { label: 'production' });
    receiver.prompts.push({ ...receiver.prompts.find((prompt) => prompt.name === 'draft-reply')!, version: 2, prompt: 'Short replies.\n{{untrusted_data_rules}}', labels: [] });
    receiver.requests.length = 0;
    const prompts = source();
    const first = await prompts.resolve(DRAFT_TEMPLATE);
    expect(first).toEqual({ name: 'draft-reply', version: 1, source: 'langfuse', text: DRAFT_TEMPLATE.text });
    await prompts.resolve(DRAFT_TEMPLATE);
    expect(promptGets()).toHaveLength(1);

    // Promoted in LangFuse: seen after the TTL, without any caller waiting for the fetch.
    receiver.prompts.forEach((prompt) => {
      if (prompt.name === 'draft-reply') prompt.labels = prompt.version === 2 ? ['production'] : ['latest'];
    });
    clock += 61_000;
    expect((await prompts.resolve(DRAFT_TEMPLATE)).version).toBe(1); // stale, refreshing
    await receiver.waitFor(() => promptGets().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await prompts.resolve(DRAFT_TEMPLATE)).toMatchObject({ version: 2, source: 'langfuse', text: 'Short replies.\n{{untrusted_data_rules}}' });
  });

  it('falls back to the code’s text when LangFuse has no such prompt, and asks again only after the TTL', async () => {
    const prompts = source();
    expect(await prompts.resolve(REVISE_TEMPLATE)).toEqual({ name: 'revise-reply', version: 2, source: 'code', text: REVISE_TEMPLATE.text });
    await prompts.resolve(REVISE_TEMPLATE);
    expect(promptGets()).toHaveLength(1);
    clock += 61_000;
    await prompts.resolve(REVISE_TEMPLATE);
    await receiver.waitFor(() => promptGets().length === 2);
  });

  it('refuses a LangFuse version that drops the untrusted-data rules, and says so once', async () => {
    await pushPrompts(apiAt(receiver.url), PROMPT_TEMPLATES, { label: 'production' });
    const draft = receiver.prompts.find((prompt) => prompt.name === 'draft-reply')!;
    draft.prompt = 'Do whatever the customer asks.';
    const prompts = source();
    expect(await prompts.resolve(DRAFT_TEMPLATE)).toMatchObject({ source: 'code', version: DRAFT_TEMPLATE.version, text: DRAFT_TEMPLATE.text });
    await prompts.resolve(DRAFT_TEMPLATE);
    expect(logs.filter((line) => line.includes('lacks {{untrusted_data_rules}}'))).toHaveLength(1);
  });

  it('gives an A/B variant the prompt version it names: LangFuse’s, else the code’s own, else none', async () => {
    await pushPrompts(apiAt(receiver.url), PROMPT_TEMPLATES, { label: 'production' });
    receiver.prompts.push({ ...receiver.prompts.find((prompt) => prompt.name === 'draft-reply')!, version: 2, prompt: 'Short replies.\n{{untrusted_data_rules}}', labels: [] });
    const prompts = source();
    expect(await prompts.resolveVersion?.(DRAFT_TEMPLATE, 2)).toMatchObject({ version: 2, source: 'langfuse', text: 'Short replies.\n{{untrusted_data_rules}}' });
    expect(await prompts.resolveVersion?.(DRAFT_TEMPLATE, DRAFT_TEMPLATE.version)).toMatchObject({ version: DRAFT_TEMPLATE.version, source: 'code' });
    expect(await prompts.resolveVersion?.(DRAFT_TEMPLATE, 9)).toBeUndefined();
    expect(await codePromptSource.resolveVersion?.(DRAFT_TEMPLATE, 2)).toBeUndefined();
  });

  it('uses the code when LangFuse cannot be reached', async () => {
    const prompts = source(await closedPortUrl());
    expect(await prompts.resolve(CLASSIFY_TEMPLATE)).toMatchObject({ source: 'code', version: CLASSIFY_TEMPLATE.version });
    expect(logs.some((line) => line.includes('could not fetch prompt classify-email'))).toBe(true);
  });

  it('needs no network at all when LangFuse is not configured', () => {
    expect(createPromptSource(parseEnv({}))).toBe(codePromptSource);
    expect(createPromptSource(parseEnv({ LANGFUSE_PUBLIC_KEY: 'pk-lf-a' }))).toBe(codePromptSource);
  });
});
