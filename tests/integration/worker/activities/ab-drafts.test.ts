import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnabledAbTest } from '../../../../lib/features/ab-tests/read-ab-test';
import { saveAbTest } from '../../../../lib/features/ab-tests/save-ab-test';
import { readAbStats } from '../../../../lib/read/overview/ab-stats';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

let fixture: ActivityFixture;
beforeEach(async () => {
  fixture = await createActivityFixture();
});
afterEach(async () => {
  await fixture.close();
});

const AGENT = { id: 'agent-1', role: 'agent' as const };

describe('A/B drafts against the store and the simulator', () => {
  it('drafts each side as a variant, offers the primary as the draft, and records the agent’s pick of B with its edit and scores', async () => {
    const ids = await seedInbound(fixture);
    const { db } = fixture.store;
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1, variant: { label: 'A', promptVersion: 3 } }]);
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1, variant: { label: 'B', model: 'claude-haiku-4-5' } }]);
    // Sides are variants, not yet the conversation's draft.
    expect(await db.draft.count()).toBe(0);
    const sides = await db.draftVariant.findMany({ orderBy: { label: 'asc' } });
    expect(sides.map((side) => [side.label, side.status, side.promptName, side.promptVersion])).toEqual([
      ['A', 'ok', 'draft-reply', 3],
      ['B', 'ok', 'draft-reply', 3],
    ]);
    expect(sides[0]?.model).toMatch(/^claude-sonnet-4-6/);
    expect(sides[1]?.model).toMatch(/^claude-haiku-4-5/);

    const offered = await fixture.run(fixture.activities.offerDraftVariants, [{ ...ids, draftVersion: 1, category: 'account', primary: 'A', failures: [] }]);
    expect(offered).toEqual({ offered: ['A', 'B'] });
    const draft = await db.draft.findFirstOrThrow({ where: { version: 1 } });
    expect([draft.aiBody, draft.status]).toEqual([sides[0]?.body, 'pending']);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: ids.conversationId } })).currentDraftId).toBe(draft.id);

    const edited = `${sides[1]?.body ?? ''}\n\nKind regards`;
    await fixture.run(fixture.activities.recordDecision, [{ conversationId: ids.conversationId, draftVersion: 1, kind: 'approve', actor: AGENT, idempotencyKey: 'u-1', editedBody: edited, variant: 'B' }]);
    const decided = await db.draft.findFirstOrThrow({ where: { version: 1 } });
    // The edit is measured against B, the side the agent picked, and B's text is what goes out.
    expect([decided.aiBody, decided.finalBody, decided.model]).toEqual([sides[1]?.body, edited, sides[1]?.model]);
    const after = await db.draftVariant.findMany({ orderBy: { label: 'asc' } });
    expect(after.map((side) => [side.label, side.picked])).toEqual([
      ['A', false],
      ['B', true],
    ]);
    const editSize = after[1]?.editSize ?? 0;
    expect(editSize).toBeGreaterThan(0);
    expect((await db.decision.findFirstOrThrow()).editDistance).toBe(editSize);

    const ab = fixture.scores.filter((score) => score.name.startsWith('ab_'));
    expect(ab.map((score) => [score.name, score.metadata?.variant, score.value]).sort()).toEqual([
      ['ab_edit_size', 'B', editSize],
      ['ab_picked', 'A', 0],
      ['ab_picked', 'B', 1],
    ]);

    const [figures] = await readAbStats({ since: new Date(0) }, db);
    expect(figures).toMatchObject({ category: 'account', comparisons: 1 });
    expect(figures?.variants.map((variant) => [variant.label, variant.picks, variant.medianEditSize])).toEqual([
      ['A', 0, null],
      ['B', 1, editSize],
    ]);
  });

  it('fails a side whose prompt version does not exist, for good; the other is offered alone with the failure stored', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    await expect(fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1, variant: { label: 'A', promptVersion: 99 } }])).rejects.toMatchObject({
      type: 'ModelRequestRejected',
      nonRetryable: true,
      message: expect.stringContaining('version 99 of the prompt draft-reply does not exist') as unknown,
    });
    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1, variant: { label: 'B', model: 'claude-haiku-4-5' } }]);
    const offered = await fixture.run(fixture.activities.offerDraftVariants, [
      { ...ids, draftVersion: 1, category: 'account', primary: 'B', failures: [{ label: 'A', model: '', reason: 'Claude rejected the request: version 99 …' }] },
    ]);
    expect(offered).toEqual({ offered: ['B'] });
    const sides = await fixture.store.db.draftVariant.findMany({ orderBy: { label: 'asc' } });
    expect(sides.map((side) => [side.label, side.status, side.failureReason])).toEqual([
      ['A', 'failed', 'Claude rejected the request: version 99 …'],
      ['B', 'ok', null],
    ]);
    // A pick of the failed side is refused; approving without a pick takes the side shown.
    await expect(
      fixture.run(fixture.activities.recordDecision, [{ conversationId: ids.conversationId, draftVersion: 1, kind: 'approve', actor: AGENT, idempotencyKey: 'u-2', variant: 'A' }]),
    ).rejects.toThrow(/variant A of draft v1 was not offered/);
    await fixture.run(fixture.activities.recordDecision, [{ conversationId: ids.conversationId, draftVersion: 1, kind: 'approve', actor: AGENT, idempotencyKey: 'u-3' }]);
    expect((await fixture.store.db.draftVariant.findFirstOrThrow({ where: { label: 'B' } })).picked).toBe(true);
    // A lone side is no comparison: no ab_picked score.
    expect(fixture.scores.filter((score) => score.name === 'ab_picked')).toEqual([]);
  });
});

describe('A/B settings', () => {
  const options = { actorId: 'manager-1', categories: ['account', 'orders'], promptVersionExists: async (version: number) => version === 3 };

  it('refuses an unknown model, a prompt version that does not exist and an unknown category, by name', async () => {
    const { db } = fixture.store;
    await expect(saveAbTest({ category: 'orders', enabled: true, variantA: { promptVersion: 3 }, variantB: { model: 'claude-made-up-9' } }, options, db)).rejects.toThrow(
      'Variant B: Unknown model "claude-made-up-9"',
    );
    await expect(saveAbTest({ category: 'orders', enabled: true, variantA: { promptVersion: 7 }, variantB: { model: 'claude-haiku-4-5' } }, options, db)).rejects.toThrow(
      'Variant A: Prompt version 7 of the drafting prompt does not exist',
    );
    await expect(saveAbTest({ category: 'nope', enabled: true, variantA: { promptVersion: 3 }, variantB: { model: 'claude-haiku-4-5' } }, options, db)).rejects.toThrow('Unknown category "nope"');
    await expect(saveAbTest({ category: 'orders', enabled: true, variantA: { promptVersion: 3 }, variantB: { model: 'claude-opus-4-0' } }, options, db)).rejects.toThrow(/retired/);
    expect(await db.abTest.count()).toBe(0);
  });

  it('saves a test (audited) that drafting then reads live, and none once it is switched off', async () => {
    const { db } = fixture.store;
    await saveAbTest({ category: 'orders', enabled: true, variantA: { promptVersion: 3 }, variantB: { model: 'claude-haiku-4-5' } }, options, db);
    expect(await readEnabledAbTest('orders', db)).toEqual({
      category: 'orders',
      enabled: true,
      variants: [
        { label: 'A', promptVersion: 3 },
        { label: 'B', model: 'claude-haiku-4-5' },
      ],
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: 'settings.ab_test' } })).toMatchObject({ actorId: 'manager-1', target: 'orders' });
    await saveAbTest({ category: 'orders', enabled: false, variantA: { promptVersion: 3 }, variantB: { model: 'claude-haiku-4-5' } }, options, db);
    expect(await readEnabledAbTest('orders', db)).toBeUndefined();
  });
});
