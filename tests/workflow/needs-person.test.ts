import { describe, expect, it } from 'vitest';
import { approveDraftUpdate, composeReplyUpdate, rejectDraftUpdate } from '../../lib/core/contract';
import { MODEL_FAILURES } from '../../lib/core/failures';
import { HIGH_RISK, type FakeScript, type ModelBehaviour } from './fake-activities';
import { AGENT, OTHER_AGENT, awaitingReview, expectRefusal, statusIs, withConversation, type Run } from './harness';

const needsPerson = statusIs('needs_person');

/** The agent writes the reply; it must go out once, as a new version, through the send ledger. */
async function composeAndExpectOneSend(run: Run, expectedVersion: number, replaced?: number) {
  const result = await run.handle.executeUpdate(composeReplyUpdate, { args: [{ actor: AGENT, body: 'Hello, a person here. We are on it.' }] });
  expect(result).toEqual({ conversationId: run.conversationId, draftVersion: expectedVersion, outcome: 'reply_queued' });
  await run.waitFor(statusIs('sent'), 'sent');
  expect(run.calls.sendReply).toEqual([expect.objectContaining({ draftVersion: expectedVersion, auto: false })]);
  expect(run.calls.recordManualReply).toEqual([
    expect.objectContaining({ draftVersion: expectedVersion, body: 'Hello, a person here. We are on it.', actor: AGENT }),
  ]);
  expect(run.calls.recordManualReply[0]?.replacedDraftVersion).toBe(replaced);
}

const classifyCases: Array<{ name: string; classify: FakeScript['classify']; reason: RegExp }> = [
  { name: 'refusal', classify: () => ({ ok: false, error: 'Claude refused: Claude declined to classify this email', failureType: MODEL_FAILURES.refused }), reason: /Claude refused/ },
  { name: 'max_tokens', classify: () => ({ ok: false, error: 'Cut off at the token limit: the classification was cut off', failureType: MODEL_FAILURES.truncated }), reason: /cut off/ },
  { name: 'empty content', classify: () => ({ ok: false, error: 'Claude returned an empty answer', failureType: MODEL_FAILURES.empty }), reason: /empty answer/ },
  { name: '400', classify: () => ({ fail: MODEL_FAILURES.requestRejected, message: 'Claude API 400 invalid_request_error: bad' }), reason: /Claude rejected the request: Claude API 400/ },
  { name: '402', classify: () => ({ fail: MODEL_FAILURES.billing }), reason: /Billing limit reached/ },
  { name: '404 unknown model', classify: () => ({ fail: MODEL_FAILURES.modelNotFound, message: 'model: claude-x' }), reason: /Model unavailable: model: claude-x/ },
  { name: 'spend-limit 429', classify: () => ({ fail: MODEL_FAILURES.spendLimit }), reason: /Spend limit reached/ },
  { name: 'our own budget', classify: () => ({ fail: MODEL_FAILURES.budgetReached, message: 'Claude was not called: this month…' }), reason: /budget reached/ },
];

describe('a classification that will not succeed lands with a person', () => {
  it.each(classifyCases)('$name: Needs a person with the reason, nothing drafted or sent; the agent’s reply goes out once', async ({ classify, reason, name }) => {
    await withConversation({ script: { classify }, recordAs: name === 'refusal' ? 'needs-person-classify-compose' : undefined }, async (run) => {
      const state = await run.waitFor(needsPerson, 'needs a person');
      expect(state.statusReason).toMatch(reason);
      expect(state.needsPerson).toBe(true);
      expect(run.calls.draftReply).toHaveLength(0);
      expect(run.calls.sendReply).toHaveLength(0);
      // The query sees the new status before its mirror activity has run: wait for the write.
      await expect.poll(() => run.calls.mirrorStatus.at(-1)).toMatchObject({ status: 'needs_person', needsPerson: { stage: 'classify' } });
      await composeAndExpectOneSend(run, 1);
    });
  });
});

const draftCases: Array<{ name: string; draft: FakeScript['draft']; reason: RegExp }> = [
  { name: 'refusal', draft: () => ({ stopReason: 'refusal', unusable: { failureType: MODEL_FAILURES.refused, reason: 'Claude refused: Claude declined to draft a reply' } }), reason: /Claude refused/ },
  { name: 'max_tokens', draft: () => ({ stopReason: 'max_tokens', unusable: { failureType: MODEL_FAILURES.truncated, reason: 'Cut off at the token limit: the draft was cut off at 4000 tokens' } }), reason: /the draft was cut off/ },
  { name: 'empty content', draft: () => ({ stopReason: 'end_turn', unusable: { failureType: MODEL_FAILURES.empty, reason: 'Claude returned an empty answer: Claude returned no text twice' } }), reason: /empty answer/ },
  { name: '400', draft: () => ({ fail: MODEL_FAILURES.requestRejected }), reason: /Claude rejected the request/ },
  { name: '402', draft: () => ({ fail: MODEL_FAILURES.billing }), reason: /Billing limit reached/ },
  { name: '404 unknown model', draft: () => ({ fail: MODEL_FAILURES.modelNotFound }), reason: /Model unavailable/ },
  { name: 'spend-limit 429', draft: () => ({ fail: MODEL_FAILURES.spendLimit }), reason: /Spend limit reached/ },
];

describe('a draft that cannot be used lands with a person and is never auto-sent', () => {
  it.each(draftCases)('$name: Needs a person, no routing, no hold, no send; the agent’s reply goes out once', async ({ draft, reason, name }) => {
    await withConversation({ script: { draft }, recordAs: name === 'max_tokens' ? 'needs-person-draft-compose' : undefined }, async (run) => {
      const state = await run.waitFor(needsPerson, 'needs a person');
      expect(state.statusReason).toMatch(reason);
      expect(run.calls.recordRouting).toHaveLength(0);
      expect(run.calls.readSendFacts).toHaveLength(0);
      expect(run.calls.sendReply).toHaveLength(0);
      const unusable = 'unusable' in (draft?.({ conversationId: '', draftVersion: 1 }) ?? {});
      // The refused or cut-off draft v1 is set aside by the agent's reply, v2.
      await composeAndExpectOneSend(run, 2, unusable ? 1 : undefined);
    });
  });

  it('never auto-sends a draft that stopped early, even when nothing else flags it', async () => {
    for (const stopReason of ['max_tokens', 'refusal', 'pause_turn', 'model_context_window_exceeded']) {
      await withConversation({ script: { draft: () => ({ stopReason }) } }, async ({ env, calls, waitFor }) => {
        await waitFor(awaitingReview, `review (${stopReason})`);
        expect(calls.recordRouting[0]).toMatchObject({ route: 'review' });
        expect(calls.recordRouting[0]?.reasons.join(' ')).toContain(stopReason);
        await env.sleep('10 minutes');
        expect(calls.readSendFacts).toHaveLength(1);
        expect(calls.sendReply).toHaveLength(0);
      });
    }
  });
});

describe('transient failures for the whole retry window', () => {
  it('hand the conversation to a person as "model unavailable for 30 min"', async () => {
    const script: FakeScript = { classify: (): ModelBehaviour => ({ transient: 'ModelHttp529' }) };
    await withConversation({ script, recordAs: 'needs-person-model-unavailable' }, async ({ env, calls, waitFor }) => {
      await env.sleep('31 minutes');
      const state = await waitFor(needsPerson, 'needs a person');
      expect(state.statusReason).toMatch(/Model unavailable for 30 min/);
      expect(calls.classifyMessage.length).toBeGreaterThan(3);
      expect(calls.sendReply).toHaveLength(0);
    });
  });
});

describe('waiting for a person', () => {
  it('never closes a conversation that needs a person, however long it waits', async () => {
    await withConversation({ script: { classify: () => ({ fail: MODEL_FAILURES.billing }) } }, async (run) => {
      await run.waitFor(needsPerson, 'needs a person');
      await run.env.sleep('400 hours');
      expect((await run.waitFor(needsPerson, 'still waiting')).status).toBe('needs_person');
      await composeAndExpectOneSend(run, 1);
    });
  });
});

describe('agents can always answer', () => {
  it('overtakes a slow model call: the call is cancelled and the agent’s reply goes out once', async () => {
    const script: FakeScript = { draft: (): ModelBehaviour => ({ hang: true }) };
    await withConversation({ script, recordAs: 'compose-overtakes-draft' }, async (run) => {
      await run.waitFor(statusIs('drafting'), 'drafting');
      await composeAndExpectOneSend(run, 2);
      await expect.poll(() => run.cancelled.count, { timeout: 20_000 }).toBe(1);
      expect(run.calls.recordRouting).toHaveLength(0);
    });
  });

  it('replaces a draft under review; the replaced draft can no longer be approved', async () => {
    await withConversation({ script: { classify: () => HIGH_RISK } }, async (run) => {
      await run.waitFor(awaitingReview, 'review');
      await composeAndExpectOneSend(run, 2, 1);
      await expectRefusal(run.handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT }] }), /already decided|no draft/);
      expect(run.calls.sendReply).toHaveLength(1);
    });
  });

  it('answers after a reject', async () => {
    await withConversation({ script: { classify: () => HIGH_RISK } }, async (run) => {
      await run.waitFor(awaitingReview, 'review');
      await run.handle.executeUpdate(rejectDraftUpdate, { args: [{ draftVersion: 1, actor: AGENT, reason: 'Wrong facts' }] });
      await run.waitFor(statusIs('rejected'), 'rejected');
      await composeAndExpectOneSend(run, 2);
    });
  });

  it('takes one reply when two agents send at once, and refuses empty or unknown authors', async () => {
    await withConversation({ script: { classify: () => ({ fail: MODEL_FAILURES.refused }) }, actors: { [AGENT.id]: 'agent', [OTHER_AGENT.id]: 'agent' } }, async (run) => {
      await run.waitFor(needsPerson, 'needs a person');
      await expectRefusal(run.handle.executeUpdate(composeReplyUpdate, { args: [{ actor: AGENT, body: '   ' }] }), /must not be empty/);
      await expectRefusal(
        run.handle.executeUpdate(composeReplyUpdate, { args: [{ actor: { id: 'stranger', role: 'agent' }, body: 'Hi' }] }),
        /unknown or has no support role/,
      );
      const results = await Promise.allSettled([
        run.handle.executeUpdate(composeReplyUpdate, { args: [{ actor: AGENT, body: 'Reply one' }] }),
        run.handle.executeUpdate(composeReplyUpdate, { args: [{ actor: OTHER_AGENT, body: 'Reply two' }] }),
      ]);
      await run.waitFor(statusIs('sent'), 'sent');
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected');
      expect(String((refused?.reason as Error & { cause?: Error }).cause?.message)).toMatch(/already on its way|being sent/);
      expect(run.calls.sendReply).toHaveLength(1);
      expect(run.calls.recordManualReply).toHaveLength(1);
    });
  });

  it('makes a double click one reply (same update id)', async () => {
    await withConversation({ script: { classify: () => ({ fail: MODEL_FAILURES.refused }) } }, async (run) => {
      await run.waitFor(needsPerson, 'needs a person');
      const args: [{ actor: typeof AGENT; body: string }] = [{ actor: AGENT, body: 'Hello' }];
      const [first, second] = await Promise.all([
        run.handle.executeUpdate(composeReplyUpdate, { args, updateId: 'click-1' }),
        run.handle.executeUpdate(composeReplyUpdate, { args, updateId: 'click-1' }),
      ]);
      expect(second).toEqual(first);
      await run.waitFor(statusIs('sent'), 'sent');
      expect(run.calls.sendReply).toHaveLength(1);
    });
  });
});
