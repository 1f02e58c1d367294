// The one loop for a model turn and its stop reasons (worker/activities/model-turns.ts), against
// the strict simulator: each second chance given at most once, the rest final, a refusal never continued.
import type Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../../devstack/claude-simulator/faults';
import { buildClassifyRequest, buildCorrectiveClassifyRequest, CLASSIFY_RETRY_MAX_TOKENS } from '../../../../lib/features/prompts/classify-prompt';
import type { ThreadEntry } from '../../../../lib/features/prompts/thread';
import { runModelTurns, type ModelTurns } from '../../../../worker/activities/model-turns';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

let fixture: ActivityFixture;
let ids: { conversationId: string; messageId: string };
beforeEach(async () => {
  fixture = await createActivityFixture();
  ids = await seedInbound(fixture);
});
afterEach(async () => {
  await fixture.close();
});

const rules = (...list: FaultRule[]) => fixture.simulator.configure({ rules: list });
const thread: ThreadEntry[] = [
  { direction: 'inbound', from: 'maria@example.com', sentAt: '2026-12-06T09:00:00Z', subject: 'Password reset', text: 'How do I reset my password?' },
];
const request = (maxTokens?: number) =>
  buildClassifyRequest({ model: fixture.deps.config.classifyModel, categories: fixture.deps.config.categories, thread, maxTokens });

/** A classify turn with every second chance offered, counting which were taken. */
function turns(overrides: Partial<ModelTurns<unknown>> = {}) {
  const taken: string[] = [];
  const plan: ModelTurns<unknown> = {
    call: { ...ids, purpose: 'classify', prompt: { name: 'classify', version: 1 } },
    maxCalls: 4,
    first: request(),
    larger: () => (taken.push('larger'), request(CLASSIFY_RETRY_MAX_TOKENS)),
    restart: () => (taken.push('restart'), request()),
    shorter: () => (taken.push('shorter'), undefined),
    accept: (message: Anthropic.Message, empty: boolean) => {
      if (empty) return { problems: 'the answer was empty' };
      const block = message.content.find((part) => part.type === 'tool_use');
      return block ? { value: block.input } : { problems: 'no tool call' };
    },
    correct: (previous, message, problems) => (taken.push('correct'), buildCorrectiveClassifyRequest(previous, message, problems)),
    ...overrides,
  };
  return { plan, taken, run: () => fixture.run(runModelTurns, [fixture.deps, plan]) };
}

const callRows = () => fixture.store.db.llmCall.findMany({ orderBy: { createdAt: 'asc' }, select: { stopReason: true } });

describe('runModelTurns', () => {
  it('accepts a good answer on the first call, taking no second chance', async () => {
    const { run, taken } = turns();
    const end = await run();
    expect(end).toMatchObject({ ok: true, value: expect.objectContaining({ category: expect.any(String) }) });
    expect(end.calls).toHaveLength(1);
    expect(taken).toEqual([]);
  });

  it('ends at a refusal with its reason, never continuing it, whatever second chances are offered', async () => {
    rules({ purpose: 'classify', fault: 'refusal' });
    const { run, taken } = turns();
    const end = await run();
    expect(end).toMatchObject({ ok: false, why: 'refused', detail: expect.stringContaining('general_harms') });
    expect(fixture.simulator.stats().byPurpose.classify).toBe(1);
    expect(taken).toEqual([]);
  });

  it('gives a cut-off answer one larger budget, and is cut off for good the second time', async () => {
    rules({ purpose: 'classify', fault: 'max_tokens' });
    const { run, taken } = turns();
    const end = await run();
    expect(end).toMatchObject({ ok: false, why: 'truncated' });
    expect(taken).toEqual(['larger']);
    expect(fixture.generations.map((generation) => generation.modelParameters?.max_tokens)).toEqual([1024, CLASSIFY_RETRY_MAX_TOKENS]);
    expect((await callRows()).map((row) => row.stopReason)).toEqual(['max_tokens', 'max_tokens']);
  });

  it('treats a second chance it is not given as final (a check without restarts)', async () => {
    rules({ purpose: 'classify', fault: 'pause_turn', times: 1 });
    const end = await turns({ restart: undefined }).run();
    expect(end).toMatchObject({ ok: false, why: 'paused' });
    expect(end.calls).toHaveLength(1);
  });

  it('starts a paused turn again once, then accepts the answer', async () => {
    rules({ purpose: 'classify', fault: 'pause_turn', times: 1 });
    const { run, taken } = turns();
    expect(await run()).toMatchObject({ ok: true });
    expect(taken).toEqual(['restart']);
  });

  it('shortens the thread after a context overflow for as long as the caller can, then gives up', async () => {
    rules({ purpose: 'classify', fault: 'context_window_exceeded' });
    let cuts = 0;
    const end = await turns({ shorter: () => (cuts += 1) <= 2 ? request() : undefined }).run();
    expect(end).toMatchObject({ ok: false, why: 'context_exceeded' });
    expect(end.calls).toHaveLength(3);
  });

  it('corrects an invalid answer once, in a shape the strict API accepts, and reports it still invalid', async () => {
    rules({ purpose: 'classify', fault: 'malformed' });
    const { run, taken } = turns({ accept: () => ({ problems: 'category: not one of the list' }) });
    const end = await run();
    expect(end).toMatchObject({ ok: false, why: 'invalid', problems: 'category: not one of the list' });
    expect(taken).toEqual(['correct']);
    expect(fixture.simulator.stats().byStatus).toEqual({ '200': 2 });
  });

  it('reports an empty answer as empty after its one correction', async () => {
    rules({ purpose: 'classify', fault: 'empty' });
    const { run, taken } = turns();
    expect(await run()).toMatchObject({ ok: false, why: 'empty' });
    expect(taken).toEqual(['correct']);
  });

  it('stops at the call limit when every answer earns another chance', async () => {
    rules({ purpose: 'classify', fault: 'max_tokens', times: 1 }, { purpose: 'classify', fault: 'pause_turn', times: 1 });
    const end = await turns({ maxCalls: 2 }).run();
    expect(end).toMatchObject({ ok: false, why: 'exhausted' });
    expect(end.calls).toHaveLength(2);
    expect(fixture.simulator.stats().byPurpose.classify).toBe(2);
  });
});
