// With the folded-writes patch, the classification's own statement moves the status on from
// classifying to drafting (issue 26): the same fields as the workflow's mirror write of drafting,
// the search facts it returned, and no round trip of its own; never when the status moved on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setStatusReadingFacts } from '../../../../lib/features/conversations/mirror/set-status-reading-facts';
import { countQueries } from '../../../support/query-counter';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

let fixture: ActivityFixture;
beforeEach(async () => {
  fixture = await createActivityFixture();
});
afterEach(async () => {
  await fixture.close();
});

const statusFields = (id: string) =>
  fixture.store.db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, statusReason: true, slaDueAt: true, holdUntil: true, snoozedUntil: true } });

describe('classifying moves the status on to drafting', () => {
  it('writes drafting as the mirror write did and returns its search facts, in the statements classifying already made', async () => {
    const ids = await seedInbound(fixture);
    await setStatusReadingFacts({ conversationId: ids.conversationId, status: 'classifying', reason: 'was here', slaDueAt: new Date(Date.now() + 3_600_000).toISOString() }, fixture.store.db);
    const plain = await countQueries(() => fixture.run(fixture.activities.classifyMessage, [ids]));
    expect(plain.result).not.toHaveProperty('drafting');
    expect((await statusFields(ids.conversationId)).status).toBe('classifying');

    const folded = await countQueries(() => fixture.run(fixture.activities.classifyMessage, [{ ...ids, drafting: true }]));
    expect(folded.statements).toHaveLength(plain.statements.length);
    if (!folded.result.ok) throw new Error('expected a classification');
    // What the mirror write of drafting answers, on the same row.
    const expected = await setStatusReadingFacts({ conversationId: ids.conversationId, status: 'drafting' }, fixture.store.db);
    expect(folded.result.drafting).toEqual(expected);
    expect(folded.result.drafting?.category).toBe(folded.result.category);
    expect(await statusFields(ids.conversationId)).toEqual({ status: 'drafting', statusReason: null, slaDueAt: null, holdUntil: null, snoozedUntil: null });
  });

  it('leaves a status that moved on (closed meanwhile) as it is', async () => {
    const ids = await seedInbound(fixture);
    await setStatusReadingFacts({ conversationId: ids.conversationId, status: 'closed', reason: 'closed by an agent' }, fixture.store.db);
    const result = await fixture.run(fixture.activities.classifyMessage, [{ ...ids, drafting: true }]);
    expect(result).not.toHaveProperty('drafting');
    expect(await statusFields(ids.conversationId)).toMatchObject({ status: 'closed', statusReason: 'closed by an agent' });
    expect((await fixture.store.db.classification.findFirstOrThrow({ where: { messageId: ids.messageId } })).ok).toBe(true);
  });
});
