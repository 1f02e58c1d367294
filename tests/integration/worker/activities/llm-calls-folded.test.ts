// A Claude call's row is written by the statement that stores its step's result (issue 26):
// the same row and the same cost on the conversation as the call's own statement wrote, and
// still written when that result statement fails, so a call's cost is never lost with its step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActivities } from '../../../../worker/activities';
import type { Db } from '../../../../lib/platform/db/client';
import { countQueries } from '../../../support/query-counter';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

let fixture: ActivityFixture;
beforeEach(async () => {
  fixture = await createActivityFixture();
});
afterEach(async () => {
  await fixture.close();
});

/** The store, except that raw statements naming `table` fail: a step whose result write breaks. */
function failingWrites(db: Db, table: string): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === '$executeRaw' || property === '$queryRaw') {
        return (query: TemplateStringsArray | { sql: string }, ...values: unknown[]) => {
          const text = 'sql' in query ? query.sql : query.join('?');
          if (text.includes(`INSERT INTO "${table}"`)) return Promise.reject(new Error(`${table} write failed`));
          return (Reflect.get(target, property, receiver) as (q: unknown, ...v: unknown[]) => Promise<unknown>).call(target, query, ...values);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

const costOf = async (conversationId: string) => (await fixture.store.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).costUsd;

describe('Claude calls recorded with their step', () => {
  it('writes each call once with every field, and its cost once, even when the activity runs again', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    // Classified again (a new activity): a row of its own, its cost added once.
    const again = await countQueries(() => fixture.run(fixture.activities.classifyMessage, [ids], 1));
    expect(again.result.ok).toBe(true);
    const calls = await fixture.store.db.llmCall.findMany({ where: { conversationId: ids.conversationId } });
    expect(calls).toHaveLength(2); // attempt 1's call, and the second run's own (a new activity attempt key)
    const [call] = calls;
    expect(call).toMatchObject({ purpose: 'classify', ok: true, attempt: 1, stopReason: expect.any(String) as string, workflowId: 'conv-test', runId: 'run-1' });
    expect(call?.inputTokens).toBeGreaterThan(0);
    expect(call?.outputTokens).toBeGreaterThan(0);
    expect(call?.costUsd).toBeGreaterThan(0);
    expect(call?.traceId).toBeTruthy();
    expect(await costOf(ids.conversationId)).toBeCloseTo(calls.reduce((sum, one) => sum + one.costUsd, 0), 9);
    // The LangFuse generation of every call is reported as before.
    expect(fixture.generations.filter((generation) => generation.purpose === 'classify')).toHaveLength(2);
  });

  it('keeps the call and its cost when the classification write fails', async () => {
    const ids = await seedInbound(fixture);
    const broken = createActivities({ ...fixture.deps, db: failingWrites(fixture.store.db, 'Classification') });
    await expect(fixture.run(broken.classifyMessage, [ids])).rejects.toThrow(/Classification write failed/);
    const calls = await fixture.store.db.llmCall.findMany({ where: { conversationId: ids.conversationId } });
    expect(calls.map((call) => call.purpose)).toEqual(['classify']);
    expect(await fixture.store.db.classification.count()).toBe(0);
    expect(await costOf(ids.conversationId)).toBeCloseTo(calls[0]?.costUsd ?? -1, 9);

    // The retry (attempt 2) calls again and stores both: each call was made and paid for.
    await fixture.run(fixture.activities.classifyMessage, [ids], 2);
    const after = await fixture.store.db.llmCall.findMany({ where: { conversationId: ids.conversationId }, orderBy: { attempt: 'asc' } });
    expect(after.map((call) => call.attempt)).toEqual([1, 2]);
    expect(await costOf(ids.conversationId)).toBeCloseTo(after.reduce((sum, one) => sum + one.costUsd, 0), 9);
  });

  it('keeps the calls of a draft and of a check whose result write fails', async () => {
    const ids = await seedInbound(fixture);
    await fixture.run(fixture.activities.classifyMessage, [ids]);
    const noDrafts = createActivities({ ...fixture.deps, db: failingWrites(fixture.store.db, 'Draft') });
    await expect(fixture.run(noDrafts.draftReply, [{ ...ids, draftVersion: 1 }])).rejects.toThrow(/Draft write failed/);
    expect(await fixture.store.db.llmCall.count({ where: { purpose: 'draft' } })).toBe(1);

    await fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }], 2);
    const noShadow = createActivities({ ...fixture.deps, db: failingWrites(fixture.store.db, 'DraftShadow') });
    await expect(fixture.run(noShadow.verifyDraft, [{ conversationId: ids.conversationId, draftVersion: 1 }])).rejects.toThrow();
    expect(await fixture.store.db.llmCall.count({ where: { purpose: 'verify' } })).toBe(1);
    const calls = await fixture.store.db.llmCall.findMany({ where: { conversationId: ids.conversationId } });
    expect(await costOf(ids.conversationId)).toBeCloseTo(calls.reduce((sum, one) => sum + one.costUsd, 0), 9);
  });
});
