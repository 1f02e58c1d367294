import { getDraftPassages } from '../../../../lib/features/knowledge/get-draft-passages';
import { saveArticle } from '../../../../lib/features/knowledge/save-article';
import { setArticleArchived } from '../../../../lib/features/knowledge/archive-article';
import { routeDraft } from '../../../../lib/core/policy/route-draft';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getConversationDetailOrThrow } from '../../../../lib/read/conversation/get-conversation-detail';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

let fixture: ActivityFixture;
beforeEach(async () => {
  fixture = await createActivityFixture();
});
afterEach(async () => {
  await fixture.close();
});

describe('classifyMessage', () => {
  it('stores a validated classification, the call with usage and cost, and a timeline event', async () => {
    const ids = await seedInbound(fixture);
    const result = await fixture.run(fixture.activities.classifyMessage, [ids]);
    expect(result).toMatchObject({ ok: true, category: 'account' });
    const calls = await fixture.store.db.llmCall.findMany();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ purpose: 'classify', ok: true, promptName: 'classify-email', attempt: 1 });
    expect(calls[0]?.inputTokens).toBeGreaterThan(0);
    expect(calls[0]?.costUsd).toBeGreaterThan(0);
    const conversation = await fixture.store.db.conversation.findUniqueOrThrow({ where: { id: ids.conversationId } });
    expect(conversation.costUsd).toBeCloseTo(calls[0]?.costUsd ?? 0, 12);
    expect(await fixture.store.db.conversationEvent.count({ where: { type: 'classified' } })).toBe(1);
    expect(fixture.generations[0]).toMatchObject({ purpose: 'classify', attempt: 1, sessionId: ids.conversationId });
  });

  it('shows one count of prompt tokens on the timeline and in the model-calls table, cache reads and writes included', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    const [call] = await fixture.store.db.llmCall.findMany();
    // The classify prompt is cached: the API's input_tokens is only the uncached rest, so a
    // figure built from it alone would disagree with the timeline (the "5,344 in" vs "136" report).
    expect((call?.cacheReadTokens ?? 0) + (call?.cacheWrite5mTokens ?? 0) + (call?.cacheWrite1hTokens ?? 0)).toBeGreaterThan(0);
    const detail = await getConversationDetailOrThrow(ids.conversationId, fixture.store.db);
    const classified = detail.timeline.find((item) => item.type === 'classified');
    const prompt = call ? call.inputTokens + call.cacheReadTokens + call.cacheWrite5mTokens + call.cacheWrite1hTokens : -1;
    expect(classified?.type === 'classified' ? classified.data.inputTokens : null).toBe(prompt);
    expect(detail.llmCalls.map((view) => view.promptTokens)).toEqual([prompt]);
    expect(detail.usage.promptTokens).toBe(prompt);
  });

  it('makes one corrective call on invalid output, then gives the message to a person', async () => {
    const ids = await seedInbound(fixture);
    fixture.simulator.configure({ malformedRate: 1 });
    const result = await fixture.run(fixture.activities.classifyMessage, [ids]);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('invalid twice'), failureType: 'ModelOutputInvalid' });
    expect(fixture.simulator.stats().byPurpose.classify).toBe(2);
    const stored = await fixture.store.db.classification.findUniqueOrThrow({ where: { messageId: ids.messageId } });
    expect(stored).toMatchObject({ ok: false, requiresHuman: true });
  });

  it('recovers when only the first output is invalid', async () => {
    const ids = await seedInbound(fixture);
    fixture.simulator.configure({ malformedRate: 0.5, seed: 3 });
    let result = await fixture.run(fixture.activities.classifyMessage, [ids]);
    for (let seed = 4; !result.ok && seed < 40; seed += 1) {
      fixture.simulator.configure({ malformedRate: 0.5, seed });
      result = await fixture.run(fixture.activities.classifyMessage, [ids]);
    }
    expect(result.ok).toBe(true);
  });

  it('fails retryably on 529 and non-retryably on 400-class errors', async () => {
    const ids = await seedInbound(fixture);
    fixture.simulator.configure({ errorRate: 1, errorKinds: ['529'] });
    await expect(fixture.run(fixture.activities.classifyMessage, [ids])).rejects.toMatchObject({ type: 'ModelHttp529', nonRetryable: false });
    const failed = await fixture.store.db.llmCall.findFirstOrThrow({ where: { ok: false } });
    expect(failed.error).toContain('529');
    // The trace records the failure itself, not merely that something went wrong.
    expect(fixture.generations.at(-1)?.error).toMatch(/529/);
  });
});

describe('draftReply', () => {
  it('drafts with knowledge, and a revision reflects the instructions', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    const first = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    expect(first.knowledgeUsed).toContain('password-reset');
    expect(first.problems).toEqual([]);
    // It cited a passage it was given, and the stored text carries no marker.
    expect(first.citations?.cited.length).toBeGreaterThan(0);
    expect(first.citations?.cited.every((id) => first.citations?.given.includes(id))).toBe(true);
    expect(first.citations?.cited[0]).toMatch(/^password-reset@v1#\d+$/);
    const stored = await fixture.store.db.draft.findFirstOrThrow({ where: { version: 1 }, include: { passages: { orderBy: { rank: 'asc' } } } });
    expect(stored.aiBody).not.toContain('[[cite:');
    expect(stored.passages.map((row) => row.passageId)).toEqual(first.citations?.given);
    expect(stored.passages.filter((row) => row.cited).map((row) => row.passageId)).toEqual(first.citations?.cited);
    const given = await getDraftPassages({ conversationId: ids.conversationId, draftVersion: 1 }, fixture.store.db);
    expect(given.map((passage) => passage.id)).toEqual(first.citations?.given);
    expect(given[0]).toMatchObject({ version: 1, articleId: expect.any(String) as unknown, text: expect.stringMatching(/\S/) as unknown });
    const revised = await fixture.run(fixture.activities.draftReply, [
      { conversationId: ids.conversationId, draftVersion: 2, revision: { instructions: 'offer a 10% discount', previousVersion: 1 } },
    ]);
    expect(revised.draftVersion).toBe(2);
    const drafts = await fixture.store.db.draft.findMany({ orderBy: { version: 'asc' } });
    expect(drafts.map((draft) => draft.version)).toEqual([1, 2]);
    expect(drafts[1]?.aiBody).toContain('10% discount');
    expect(drafts[1]?.aiBody).not.toBe(drafts[0]?.aiBody);
    expect(drafts[1]?.revisionInstructions).toBe('offer a 10% discount');
  });

  it('holds a draft that cites a passage it was never given', async () => {
    const ids = await seedInbound(fixture);
    fixture.simulator.configure({ rules: [{ purpose: 'draft', fault: 'invented_citation', times: 1 }] });
    const result = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    expect(result.citations?.invented).toEqual(['goodwill-refunds@v1#1']);
    // The problems are stored with the draft (they may quote it); the workflow gets their count only.
    expect(result).toMatchObject({ problems: [], problemCount: 1 });
    const { checkProblems } = await fixture.store.db.draft.findFirstOrThrow({ where: { conversationId: ids.conversationId, version: 1 } });
    expect(checkProblems.join(' ')).toContain('cites a passage it was not given (goodwill-refunds@v1#1)');
    // The routing reads the draft's problems: an invented source never goes out on its own.
    const routed = routeDraft(
      { autoSendEnabled: true, autoSendCategories: ['account'], maxRiskScore: 50, minConfidence: 0.5, holdSeconds: 0, reviewSlaMinutes: 60, idleCloseHours: 24 },
      { classification: { ok: true, category: 'account', riskScore: 0, confidence: 1, requiresHuman: false, injectionSuspected: false }, screeningFlags: [], draftProblems: checkProblems, draftStopReason: 'end_turn' },
    );
    expect(routed.route).toBe('review');
    expect(routed.reasons.join(' ')).toContain('goodwill-refunds@v1#1');
    const stored = await fixture.store.db.draft.findFirstOrThrow({ where: { conversationId: ids.conversationId, version: 1 } });
    expect(stored.inventedCitations).toEqual(['goodwill-refunds@v1#1']);
    expect(stored.aiBody).not.toContain('[[cite:');
  });

  it('gives the drafter the passages of the current version only, and none of an archived article', async () => {
    const ids = await seedInbound(fixture);
    await saveArticle({ slug: 'password-reset', title: 'Resetting your password', body: 'To reset your password, use Forgot password on the sign-in page: the reset link now expires after 15 minutes.' }, fixture.store.db);
    const edited = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    expect(edited.citations?.cited).toContain('password-reset@v2#1');
    expect(edited.citations?.given.some((id) => id.startsWith('password-reset@v1'))).toBe(false);
    const draft = await fixture.store.db.draft.findFirstOrThrow({ where: { conversationId: ids.conversationId, version: 1 } });
    expect(draft.aiBody).toContain('15 minutes');
    await setArticleArchived({ slug: 'password-reset', archived: true }, fixture.store.db);
    const archived = await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 2 }]);
    expect(archived.citations?.given.some((id) => id.startsWith('password-reset@'))).toBe(false);
  });

  it('reads the knowledge prefix from the prompt cache on the second draft', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 2 }]);
    const [first, second] = await fixture.store.db.llmCall.findMany({ where: { purpose: 'draft' }, orderBy: { createdAt: 'asc' } });
    expect(first?.cacheWrite5mTokens).toBeGreaterThan(0);
    expect(second?.cacheReadTokens).toBe(first?.cacheWrite5mTokens);
    expect(second?.costUsd).toBeLessThan(first?.costUsd ?? 0);
  });
});
