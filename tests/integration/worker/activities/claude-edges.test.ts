// The model activities against the strict simulator: every stop reason handled as the docs say,
// errors by type and code, the corrective retry in the shape the API accepts, the budget.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_FAILURES } from '../../../../lib/core/failures';
import { DEFAULT_PRICE_TABLE } from '../../../../lib/platform/llm/price-table';
import type { FaultRule } from '../../../../devstack/claude-simulator/faults';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

let fixture: ActivityFixture;
beforeEach(async () => {
  fixture = await createActivityFixture();
});
afterEach(async () => {
  await fixture.close();
});

const rules = (...list: FaultRule[]) => fixture.simulator.configure({ rules: list });
const llmCalls = () => fixture.store.db.llmCall.findMany({ orderBy: { createdAt: 'asc' } });

describe('classifyMessage and stop reasons', () => {
  it('gives up on a refusal at once, never continuing the refused turn', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'classify', fault: 'refusal' });
    const result = await fixture.run(fixture.activities.classifyMessage, [ids]);
    expect(result).toMatchObject({ ok: false, failureType: MODEL_FAILURES.refused, error: expect.stringMatching(/^Claude refused: .*general_harms/) });
    expect(fixture.simulator.stats().byPurpose.classify).toBe(1);
    expect((await llmCalls())[0]).toMatchObject({ ok: true, stopReason: 'refusal' });
  });

  it('retries a cut-off classification once with a larger budget', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'classify', fault: 'max_tokens', times: 1 });
    const result = await fixture.run(fixture.activities.classifyMessage, [ids]);
    expect(result).toMatchObject({ ok: true, category: 'account' });
    const calls = await llmCalls();
    expect(calls.map((call) => call.stopReason)).toEqual(['max_tokens', 'tool_use']);
    const sent = fixture.generations.map((generation) => generation.modelParameters?.max_tokens);
    expect(sent).toEqual([1024, 4096]);
  });

  it('reports a classification cut off twice as truncated', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'classify', fault: 'max_tokens' });
    expect(await fixture.run(fixture.activities.classifyMessage, [ids])).toMatchObject({ ok: false, failureType: MODEL_FAILURES.truncated });
    expect(fixture.simulator.stats().byPurpose.classify).toBe(2);
  });

  it('never repeats an empty answer unmodified, and reports it when it stays empty', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'classify', fault: 'empty' });
    expect(await fixture.run(fixture.activities.classifyMessage, [ids])).toMatchObject({ ok: false, failureType: MODEL_FAILURES.empty });
    expect(fixture.simulator.stats().byStatus).toEqual({ '200': 2 });
  });

  it('starts a paused turn again once', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'classify', fault: 'pause_turn', times: 1 });
    expect(await fixture.run(fixture.activities.classifyMessage, [ids])).toMatchObject({ ok: true });
    expect(fixture.simulator.stats().byStopReason).toMatchObject({ pause_turn: 1, tool_use: 1 });
  });

  it('sends a corrective retry the strict API accepts (tool_result first, no empty turn) and recovers', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'classify', fault: 'malformed', times: 1 });
    expect(await fixture.run(fixture.activities.classifyMessage, [ids])).toMatchObject({ ok: true });
    // Both calls were accepted (200): the corrective turn paired its tool_result with the tool_use.
    expect(fixture.simulator.stats().byStatus).toEqual({ '200': 2 });
  });

  it('reports output still invalid after the corrective retry', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'classify', fault: 'malformed' });
    expect(await fixture.run(fixture.activities.classifyMessage, [ids])).toMatchObject({ ok: false, failureType: MODEL_FAILURES.invalidOutput });
    expect(fixture.simulator.stats().byStatus).toEqual({ '200': 2 });
  });

  it('asks for one tool call only (disable_parallel_tool_use)', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'classify', fault: 'parallel_tool_use' });
    expect(await fixture.run(fixture.activities.classifyMessage, [ids])).toMatchObject({ ok: true });
    expect(fixture.simulator.stats().byPurpose.classify).toBe(1);
  });

  it.each([
    ['402', MODEL_FAILURES.billing],
    ['404', MODEL_FAILURES.modelNotFound],
    ['spend_limit', MODEL_FAILURES.spendLimit],
    ['credit_balance', MODEL_FAILURES.requestRejected],
    ['401', MODEL_FAILURES.authFailed],
  ] as const)('fails non-retryably on %s with type %s, after one request (no SDK retry)', async (fault, type) => {
    const ids = await seedInbound(fixture);
    rules({ fault });
    await expect(fixture.run(fixture.activities.classifyMessage, [ids])).rejects.toMatchObject({ type, nonRetryable: true });
    expect(fixture.simulator.stats().calls).toBe(1);
    expect((await llmCalls())[0]).toMatchObject({ ok: false, errorType: type });
  });

  it('keeps a rate-limit 429 retryable with the server’s delay', async () => {
    const ids = await seedInbound(fixture);
    rules({ fault: '429' });
    await expect(fixture.run(fixture.activities.classifyMessage, [ids])).rejects.toMatchObject({ type: 'ModelHttp429', nonRetryable: false, nextRetryDelay: '1 seconds' });
  });

  it('reads the examples prefix from the prompt cache on the next email (above Haiku 4.5’s 4,096 tokens)', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    const [first, second] = await llmCalls();
    expect(first?.cacheWrite5mTokens).toBeGreaterThan(4096);
    expect(second?.cacheReadTokens).toBe(first?.cacheWrite5mTokens);
  });
});

describe('cache lifetime', () => {
  it('writes 1-hour entries when CLAUDE_CACHE_TTL is 1h, and reads them on the next email', async () => {
    await fixture.close();
    fixture = await createActivityFixture({ cacheTtl: '1h' });
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 2 }]);
    const [first, second] = await llmCalls();
    expect(first).toMatchObject({ cacheWrite5mTokens: 0 });
    expect(first?.cacheWrite1hTokens).toBeGreaterThan(2048);
    expect(second?.cacheReadTokens).toBe(first?.cacheWrite1hTokens);
  });
});

describe('draftReply and stop reasons', () => {
  it('stores a refused draft as unusable, with the reason, after one call', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'draft', fault: 'refusal' });
    const result = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    expect(result).toMatchObject({ stopReason: 'refusal', unusable: { failureType: MODEL_FAILURES.refused, reason: expect.stringMatching(/^Claude refused/) } });
    const draft = await fixture.store.db.draft.findFirstOrThrow();
    expect(draft.checkProblems[0]).toMatch(/Claude refused/);
    expect(draft).toMatchObject({ status: 'unusable', stopReason: 'refusal', aiBody: 'Hello..' });
    expect(fixture.simulator.stats().byPurpose.draft).toBe(1);
  });

  it('retries a cut-off draft once with a larger budget', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'draft', fault: 'max_tokens', times: 1 });
    const result = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    expect(result).toMatchObject({ stopReason: 'end_turn', unusable: undefined });
    expect(fixture.generations.map((generation) => generation.modelParameters?.max_tokens)).toEqual([1500, 4000]);
    expect(await fixture.store.db.draft.findFirstOrThrow()).toMatchObject({ status: 'pending', stopReason: 'end_turn' });
  });

  it('marks a draft cut off twice as truncated: stored, never sendable', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'draft', fault: 'max_tokens' });
    const result = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    expect(result.unusable).toMatchObject({ failureType: MODEL_FAILURES.truncated, reason: expect.stringMatching(/^Cut off at the token limit: the draft was cut off/) });
    expect(await fixture.store.db.draft.findFirstOrThrow()).toMatchObject({ status: 'unusable', stopReason: 'max_tokens' });
  });

  it('leaves the oldest messages out when the context window overflows, and says so', async () => {
    const ids = await seedInbound(fixture);
    for (const [index, direction] of (['inbound', 'outbound', 'inbound'] as const).entries()) {
      await fixture.store.db.message.create({
        data: {
          conversationId: ids.conversationId,
          direction,
          messageIdHeader: `<older-${index}@example.com>`,
          dedupeKey: `older-${index}`,
          fromAddress: direction === 'inbound' ? 'maria@example.com' : 'support@countersign.local',
          subject: 'Password reset',
          textBody: `Older message ${index}`,
          sentAt: new Date(Date.now() - (10 - index) * 3_600_000),
        },
      });
    }
    rules({ purpose: 'draft', fault: 'context_window_exceeded', times: 1 });
    const result = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    expect(result.unusable).toBeUndefined();
    expect(fixture.simulator.stats().byStopReason).toMatchObject({ model_context_window_exceeded: 1, end_turn: 1 });
    const [first, second] = fixture.generations.map((generation) => JSON.stringify(generation.input));
    expect(first).not.toContain('earlier_messages');
    expect(second).toContain('2 earlier message(s)');
  });

  it('nudges once after an empty answer and reports it when it stays empty', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'draft', fault: 'empty' });
    const result = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    expect(result.unusable?.failureType).toBe(MODEL_FAILURES.empty);
    expect(fixture.simulator.stats().byPurpose.draft).toBe(2);
  });

  it('refuses an auto-send of an unusable draft at the last gate', async () => {
    const ids = await seedInbound(fixture);
    rules({ purpose: 'draft', fault: 'max_tokens' });
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    const gate = await fixture.run(fixture.activities.authorizeAutoSend, [{ conversationId: ids.conversationId, draftVersion: 1 }]);
    expect(gate.allowed).toBe(false);
    expect(gate.reasons.join(' ')).toMatch(/incomplete/);
  });
});

describe('budget and prices', () => {
  it('stops calling Claude once the monthly budget is reached', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    const spent = (await llmCalls())[0]?.costUsd ?? 0;
    await fixture.store.db.setting.create({ data: { key: 'model_budget', value: { monthlyUsd: spent / 2, dailyUsd: null } } });
    await expect(fixture.run(fixture.activities.classifyMessage, [ids])).rejects.toMatchObject({
      type: MODEL_FAILURES.budgetReached,
      nonRetryable: true,
      message: expect.stringMatching(/monthly budget/),
    });
    expect(fixture.simulator.stats().calls).toBe(1);
  });

  it('flags a call to a model missing from the price table and prices it at the fallback rates, not $0', async () => {
    await fixture.close();
    const { 'claude-haiku-4-5': _haiku, ...withoutHaiku } = DEFAULT_PRICE_TABLE;
    fixture = await createActivityFixture({ prices: withoutHaiku });
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    const [call] = await llmCalls();
    expect(call).toMatchObject({ priceEstimated: true });
    expect(call?.costUsd).toBeGreaterThan(0);
  });
});
